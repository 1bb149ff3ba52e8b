package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Finding 7: "also remove from backups" leaves no value of the erased
// person in any backup of the folder.
func TestEraseFromBackupsRewritesEveryBackup(t *testing.T) {
	ctx := context.Background()
	m := newMarianne(t)
	s := m.f.s
	dir := filepath.Join(t.TempDir(), "samspil-backups")
	if _, err := s.BackupDaily(ctx, dir, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupBefore(ctx, dir, "erase", 5); err != nil {
		t.Fatal(err)
	}
	must(t, s.EraseMany(ctx, []int64{m.id}))
	n, err := s.EraseFromBackups(ctx, dir)
	must(t, err)
	entries, _ := os.ReadDir(dir)
	if n != 2 || len(entries) != 2 {
		t.Fatalf("rewrote %d backups; folder holds %d files", n, len(entries))
	}
	for _, e := range entries {
		assertNotInFiles(t, filepath.Join(dir, e.Name()), m.parts)
		if err := VerifyBackup(ctx, filepath.Join(dir, e.Name())); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
		}
	}
}
