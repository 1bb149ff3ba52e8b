package data

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// assertPrivate fails unless the file exists and only its owner may read it.
func assertPrivate(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		t.Fatalf("%s has mode %v: others can read it", filepath.Base(path), st.Mode().Perm())
	}
}

// TestDatabaseFilesAreForTheUserAlone: under the usual umask (022) a
// database Samspil creates, its write-ahead log and shared memory, and a
// database put in place by a restore, are readable by the user alone.
func TestDatabaseFilesAreForTheUserAlone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix modes")
	}
	defer syscall.Umask(syscall.Umask(0o022))
	dir := t.TempDir()
	path := filepath.Join(dir, "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.SaveSettings(ctx, Settings{Partnership: "P", BalanceThreshold: 0.2, NoConsentPolicy: "exclude", RetentionMonths: 24, BackupsKept: 7}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		assertPrivate(t, p)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(backup, 0o644) // as a backup copied from elsewhere may be
	restored := filepath.Join(dir, "restored.db")
	if _, err := RestoreFile(ctx, restored, backup, filepath.Join(dir, "kept")); err != nil {
		t.Fatal(err)
	}
	assertPrivate(t, restored)
	r, err := Open(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, p := range []string{restored, restored + "-wal", restored + "-shm"} {
		assertPrivate(t, p)
	}
}
