package data

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

var crashKills = flag.Int("crash-kills", 50, "how many times TestCrashSafety kills the writer")

// TestCrashSafety starts a child process that records occasions in a loop
// and prints each committed id, kills it with SIGKILL at a random moment,
// and checks that every id it printed is in the database and that the
// database is sound — again and again.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv("SAMSPIL_CRASH_WRITER"); path != "" {
		crashWriter(path)
		return
	}
	if testing.Short() {
		t.Skip("short")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must(t, s.SaveActivity(ctx, &Activity{Name: "Café", Kind: "recurring", Status: "active"}))
	for i := 0; i < 12; i++ {
		must(t, s.SavePerson(ctx, &Person{Name: fmt.Sprintf("Person %d", i)}, nil))
	}
	s.Close()
	rng := rand.New(rand.NewPCG(7, 11))
	committed := map[int64]bool{}
	for kill := 0; kill < *crashKills; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$")
		cmd.Env = append(os.Environ(), "SAMSPIL_CRASH_WRITER="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		want := rng.IntN(25)
		for n := 0; n < want && lines.Scan(); n++ {
			id, err := strconv.ParseInt(lines.Text(), 10, 64)
			if err == nil {
				committed[id] = true
			}
		}
		time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() { // ids printed before the kill landed
			if id, err := strconv.ParseInt(lines.Text(), 10, 64); err == nil {
				committed[id] = true
			}
		}
		cmd.Wait()
		s, err := Open(path)
		if err != nil {
			t.Fatalf("after kill %d: %v", kill, err)
		}
		r, err := s.Check(ctx)
		if err != nil || !r.OK() {
			t.Fatalf("after kill %d: check %+v, %v", kill, r, err)
		}
		for id := range committed {
			o, err := s.Occasion(ctx, id)
			if err != nil || len(o.Participants) != 10 {
				t.Fatalf("after kill %d: committed occasion %d lost or partial: %+v, %v", kill, id, o, err)
			}
		}
		s.Close()
	}
	t.Logf("%d kills survived, %d committed occasions all present", *crashKills, len(committed))
	if len(committed) == 0 {
		t.Fatal("the writer never committed anything: the test proves nothing")
	}
}

// crashWriter records occasions of ten people until it is killed,
// printing each id after its transaction committed.
func crashWriter(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	w := bufio.NewWriter(os.Stdout)
	day := MustDate("2026-01-01")
	for i := 0; ; i++ {
		o := &Occasion{ActivityID: 1, Date: day.AddDays(i % 300)}
		for p := 0; p < 10; p++ {
			o.Participants = append(o.Participants, Participation{PersonID: int64(1 + (i+p)%12), RoleID: int64(1 + p%5)})
		}
		if err := s.SaveOccasion(ctx, o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Fprintln(w, o.ID)
		w.Flush()
	}
}
