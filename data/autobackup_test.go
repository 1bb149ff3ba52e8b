package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestBackupDailyOncePerDayAndPrunes(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "backups")
	for _, old := range []string{"samspil-2026-01-01.db", "samspil-2026-01-02.db", "samspil-2026-01-03.db"} {
		os.MkdirAll(dir, 0o700)
		os.WriteFile(filepath.Join(dir, old), []byte("old"), 0o600)
	}
	path, err := s.BackupDaily(ctx, dir, 2)
	if err != nil || path == "" {
		t.Fatalf("first backup: %q, %v", path, err)
	}
	if err := VerifyBackup(ctx, path); err != nil {
		t.Fatal(err)
	}
	again, err := s.BackupDaily(ctx, dir, 2)
	if err != nil || again != "" {
		t.Fatalf("second backup the same day: %q, %v", again, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != "samspil-2026-01-03.db" {
		t.Fatalf("kept %v", entries)
	}
	before, err := s.BackupBefore(ctx, dir, "import", 1)
	if err != nil || VerifyBackup(ctx, before) != nil {
		t.Fatalf("backup before import: %q, %v", before, err)
	}
}
