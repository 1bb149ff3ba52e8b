package app

import (
	"context"
	"path/filepath"
	"testing"

	"samspil/data"
)

// Two databases in one folder (the real one and a demo) must not share
// backups: each gets its own daily backup, and the restore list of one
// never offers the other's.
func TestEachDatabaseKeepsItsOwnBackups(t *testing.T) {
	dir := t.TempDir()
	real, demo := filepath.Join(dir, "samspil.db"), filepath.Join(dir, "demo.db")
	if got := backupsFor(real); got != filepath.Join(dir, "samspil-backups") {
		t.Fatalf("backups of samspil.db in %s", got)
	}
	if backupsFor(real) == backupsFor(demo) {
		t.Fatal("two databases share a backup folder")
	}
	for _, path := range []string{real, demo} {
		s, err := data.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		backup, err := s.BackupDaily(context.Background(), backupsFor(path), 3)
		s.Close()
		if err != nil || backup == "" {
			t.Fatalf("%s: no daily backup (%q, %v)", filepath.Base(path), backup, err)
		}
	}
}
