package data

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Findings 3 and 4: one window per file. A second window's open is refused
// while the first holds the file, and works once the first has closed.
func TestSecondWindowOnOneFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samspil.db")
	a, err := OpenExclusive(path)
	must(t, err)
	if b, err := OpenExclusive(path); !errors.Is(err, ErrInUse) {
		if b != nil {
			b.Close()
		}
		t.Fatalf("second window: err = %v, want ErrInUse", err)
	}
	must(t, a.Close())
	b, err := OpenExclusive(path)
	must(t, err)
	b.Close()
}

// Finding 3: a restore while a window has the file open is refused and
// leaves the file alone.
func TestRestoreWhileAWindowHoldsTheFileIsRefused(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "samspil.db")
	w, err := OpenExclusive(path)
	must(t, err)
	defer w.Close()
	backup := filepath.Join(dir, "b.db")
	must(t, w.Backup(ctx, backup))
	must(t, w.SavePerson(ctx, &Person{Name: "Efter Backup"}, nil))
	if _, err := RestoreFile(ctx, path, backup, filepath.Join(dir, "keep")); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore under an open window: err = %v, want ErrInUse", err)
	}
	if rows, _ := w.SearchPeople(ctx, PersonFilter{}); len(rows) != 1 {
		t.Fatalf("the window's file changed: %+v", rows)
	}
}

// A window that crashed (killed) leaves its lock behind as a file only:
// the next window opens.
func TestLockOfAKilledWindowIsReleased(t *testing.T) {
	if os.Getenv("SAMSPIL_LOCK_HOLDER") != "" {
		if _, err := OpenExclusive(os.Getenv("SAMSPIL_LOCK_HOLDER")); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		select {}
	}
	path := filepath.Join(t.TempDir(), "samspil.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockOfAKilledWindowIsReleased$")
	cmd.Env = append(os.Environ(), "SAMSPIL_LOCK_HOLDER="+path)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		t.Fatalf("holder said %q, %v", buf, err)
	}
	if _, err := OpenExclusive(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("while the other process holds it: err = %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	s, err := OpenExclusive(path)
	must(t, err)
	s.Close()
}
