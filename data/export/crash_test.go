package export

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"samspil/data"
)

// TestKilledExportLeavesNoWorkbook kills exports while they write: after
// each kill the folder holds nothing but the workbooks that were finished
// (no partial workbook under any name), and the temporary folder holds
// no rows. Every kill is timed after the child reported its first table,
// and the test fails unless most kills landed before the export finished.
func TestKilledExportLeavesNoWorkbook(t *testing.T) {
	if args := os.Getenv("SAMSPIL_CRASH_EXPORT"); args != "" {
		var db, out string
		fmt.Sscan(args, &db, &out)
		s, err := data.Open(db)
		if err != nil {
			os.Exit(3)
		}
		progress := func(p Progress) { fmt.Println("table", p.Table) }
		if _, err := Run(context.Background(), s, Options{Recipient: "R", WithLogbook: true}, out, progress); err != nil {
			os.Exit(4)
		}
		fmt.Println("done")
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("short")
	}
	s := demoStore(t, "kulturhus")
	db := s.Path()
	s.Close()
	dir, tmp := t.TempDir(), t.TempDir()
	start := func(out string) (*exec.Cmd, *bufio.Scanner) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledExportLeavesNoWorkbook$")
		cmd.Env = append(os.Environ(), "SAMSPIL_CRASH_EXPORT="+db+" "+out, "TMPDIR="+tmp)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		if !sc.Scan() || !strings.HasPrefix(sc.Text(), "table") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child did not start its export: %q", sc.Text())
		}
		return cmd, sc
	}
	// Two whole exports first, to time the kills across the length of the
	// faster: the first may read a cold register (a server's fresh
	// database) and take twice as long as the ones killed after it.
	length := time.Duration(1<<63 - 1)
	finished := map[string]bool{}
	for _, name := range []string{"whole.xlsx", "whole2.xlsx"} {
		began := time.Now()
		cmd, sc := start(filepath.Join(dir, name))
		for sc.Scan() {
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("an export without a kill failed: %v", err)
		}
		length = min(length, time.Since(began))
		finished[name] = true
	}
	const kills = 12
	landed := 0
	for i := 0; i < kills; i++ {
		name := fmt.Sprintf("x%d.xlsx", i)
		cmd, sc := start(filepath.Join(dir, name))
		go func() {
			for sc.Scan() {
			}
		}()
		time.Sleep(length * time.Duration(i) / kills)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		_, statErr := os.Stat(filepath.Join(dir, name))
		switch st, ok := err.(*exec.ExitError); {
		case err == nil || statErr == nil:
			finished[name] = true // whole, or killed once it was in place: checked below
		case ok && st.Sys().(syscall.WaitStatus).Signaled():
			landed++
		default:
			t.Fatalf("kill %d: the child failed by itself: %v", i, err)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !finished[e.Name()] {
				t.Fatalf("kill %d left %s in the folder", i, e.Name())
			}
			if _, rerr := readWorkbook(filepath.Join(dir, e.Name())); rerr != nil {
				t.Fatalf("kill %d: %s is broken: %v", i, e.Name(), rerr)
			}
		}
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Fatalf("kill %d left %d files in the temporary folder, e.g. %s", i, len(left), left[0].Name())
		}
	}
	if landed < kills/2 {
		t.Fatalf("only %d of %d kills landed during an export", landed, kills)
	}
	t.Logf("%d kills landed during the export (an export takes %v), %d exports finished; nothing left behind", landed, length, len(finished)-2)
}

func readWorkbook(path string) (int, error) {
	sheets, err := ReadSheetNames(path)
	return len(sheets), err
}
