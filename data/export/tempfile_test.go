package export

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLeftoversOfKilledExportsAreRemoved: an export's temporary file or
// folder unchanged for a while goes before the next export; a fresh one
// (an export running now) and the user's own files stay.
func TestLeftoversOfKilledExportsAreRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	write := func(name string, at time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, at, at)
		return p
	}
	stale := write(".eval.xlsx.123456.tmp", old)
	staleDir := filepath.Join(dir, ".csv.987.tmp")
	os.Mkdir(staleDir, 0o700)
	os.Chtimes(staleDir, old, old)
	fresh := write(".eval.xlsx.555.tmp", time.Now())
	mine := write(".notes.tmp", old)
	theirs := write("eval.xlsx", old)
	RemoveLeftovers(dir, time.Now())
	for _, p := range []string{stale, staleDir} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was left", filepath.Base(p))
		}
	}
	for _, p := range []string{fresh, mine, theirs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}

// TestWorkbookHasNoNameUntilComplete: while the workbook is written, the
// folder shows nothing (where the system allows nameless files).
func TestWorkbookHasNoNameUntilComplete(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "x.xlsx")
	var seen []os.DirEntry
	err := writeAtomically(target, func(f *os.File) error {
		f.WriteString("data")
		seen, _ = os.ReadDir(dir)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if f, err := openNameless(dir); err == nil {
		f.Close()
		if len(seen) != 0 {
			t.Fatalf("while writing, the folder held %v", seen[0].Name())
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "data" {
		t.Fatalf("target holds %q", b)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Fatalf("folder holds %d entries", len(left))
	}
}
