package data

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"samspil/data/pgtest"
	"strconv"
	"syscall"
	"testing"
	"time"
)

var crashKills = flag.Int("crash-kills", 50, "how many times TestCrashSafety kills the writer")

// The writer's lines: "open" once the store is open, "begin" before each
// save, then the saved occasion's id once its transaction committed.
const (
	crashOpen  = "open"
	crashBegin = "begin"
)

// crashRun is what the parent saw of one writer it killed.
type crashRun struct {
	opened    bool
	committed []int64
	midWrite  bool // the last line was "begin": the kill landed during a save
}

// TestCrashSafety starts a child process that records occasions in a loop,
// kills it with SIGKILL at a random moment, and checks that every occasion
// it reported committed is in the database whole, that no occasion is
// partial, and that the database is sound — again and again. Every child
// must have opened the store and died of the kill (not of an error); half
// the kills aim at a save, and at least a quarter must land in one, or the
// test proves little.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv("SAMSPIL_CRASH_WRITER"); path != "" {
		crashWriter(path)
		return
	}
	if testing.Short() {
		t.Skip("short")
	}
	path := pgtest.Target(t, filepath.Join(t.TempDir(), "crash.db")) // on a server: a killed client mid-transaction
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
	midWrite := 0
	for kill := 0; kill < *crashKills; kill++ {
		run := killWriter(t, path, rng)
		if !run.opened {
			t.Fatalf("kill %d: the writer never opened the store", kill)
		}
		for _, id := range run.committed {
			committed[id] = true
		}
		if run.midWrite {
			midWrite++
		}
		checkAfterCrash(t, path, kill, committed)
	}
	t.Logf("%d kills, %d of them during a save; %d committed occasions all present", *crashKills, midWrite, len(committed))
	if len(committed) == 0 {
		t.Fatal("the writer never committed anything: the test proves nothing")
	}
	if midWrite*4 < *crashKills {
		t.Fatalf("only %d of %d kills landed during a save: the test proves little", midWrite, *crashKills)
	}
}

// killWriter starts one writer, lets it commit a random number of
// occasions, kills it at a random moment and reads everything it printed.
// It fails the test when the writer ended other than by the kill.
func killWriter(t *testing.T, path string, rng *rand.Rand) crashRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$")
	cmd.Env = append(os.Environ(), "SAMSPIL_CRASH_WRITER="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var run crashRun
	lines := bufio.NewScanner(out)
	read := func() bool {
		if !lines.Scan() {
			return false
		}
		switch line := lines.Text(); line {
		case crashOpen:
			run.opened = true
		case crashBegin:
			run.midWrite = true
		default:
			id, err := strconv.ParseInt(line, 10, 64)
			if err != nil {
				t.Fatalf("writer printed %q", line)
			}
			run.committed = append(run.committed, id)
			run.midWrite = false
		}
		return true
	}
	commits := rng.IntN(25)
	for read() && len(run.committed) < commits {
	}
	if rng.IntN(2) == 0 { // aim at a save: kill soon after the next "begin"
		for !run.midWrite && read() {
		}
		time.Sleep(time.Duration(rng.IntN(300)) * time.Microsecond)
	} else {
		time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	for read() { // lines printed before the kill landed
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("writer was not killed: %v (stderr %q)", err, stderr.String())
	}
	ws, ok := exit.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("writer ended by itself, not by the kill: %v (stderr %q)", err, stderr.String())
	}
	return run
}

// checkAfterCrash opens the file a killed writer left and checks that it is
// sound, that every committed occasion is there with all ten participants,
// and that no occasion at all is partial (the interrupted save is all or
// nothing).
func checkAfterCrash(t *testing.T, path string, kill int, committed map[int64]bool) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("after kill %d: %v", kill, err)
	}
	defer s.Close()
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
	var partial int
	must(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM occasions o
		WHERE (SELECT count(*) FROM participations p WHERE p.occasion_id = o.id) != 10`).Scan(&partial))
	if partial != 0 {
		t.Fatalf("after kill %d: %d occasions saved in part", kill, partial)
	}
}

// crashWriter records occasions of ten people until it is killed,
// printing "open", then "begin" before each save and the id after its
// transaction committed.
func crashWriter(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	w := bufio.NewWriter(os.Stdout)
	say := func(line string) {
		fmt.Fprintln(w, line)
		w.Flush()
	}
	say(crashOpen)
	day := MustDate("2026-01-01")
	var done int // occasions saved before an earlier kill: one a day
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM occasions`).Scan(&done); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := done; ; i++ {
		o := &Occasion{ActivityID: 1, Date: day.AddDays(i)}
		for p := 0; p < 10; p++ {
			o.Participants = append(o.Participants, Participation{PersonID: int64(1 + (i+p)%12), RoleID: int64(1 + p%5)})
		}
		say(crashBegin)
		if err := s.SaveOccasion(ctx, o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		say(strconv.FormatInt(o.ID, 10))
	}
}
