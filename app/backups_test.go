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

// A shared register's backups go to a folder of the app's named after its
// server and database, one per database, and the name holds no password
// nor anything a folder name should not.
func TestSharedRegisterBackupFolderIsNamedAfterServerAndDatabase(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ url, want string }{
		{"postgres://anna:hemmelig@db.kommune.dk/samspil", "backups-db.kommune.dk-samspil"},
		{"postgres://anna@db.kommune.dk:5433/samspil?sslmode=verify-full", "backups-db.kommune.dk_5433-samspil"},
		{"postgres://postgres@/samspil_demo?host=/tmp/pg/sock&sslmode=disable", "backups-tmp_pg_sock-samspil_demo"},
		{"postgres:///", "backups-localhost-postgres"},
	} {
		if got := serverBackupsFor(dir, c.url); got != filepath.Join(dir, c.want) {
			t.Errorf("%s: backups in %s, want %s", c.url, filepath.Base(got), c.want)
		}
	}
}
