package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Finding 7: before-restore and before-erase copies are pruned like the
// daily backups, each kind to the kept number.
func TestDailyBackupPrunesEveryKindOfCopy(t *testing.T) {
	s := newTestStore(t)
	dir := filepath.Join(t.TempDir(), "samspil-backups")
	must(t, os.MkdirAll(dir, 0o700))
	for i := 10; i < 30; i++ {
		for _, kind := range []string{"before-restore-", "before-erase-"} {
			must(t, os.WriteFile(filepath.Join(dir, kind+"2026-01-"+itoa(i)+"-120000.db"), []byte("x"), 0o600))
		}
	}
	if _, err := s.BackupDaily(context.Background(), dir, 3); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	count := map[string]int{}
	for _, e := range entries {
		for _, kind := range []string{"before-restore-", "before-erase-", "samspil-"} {
			if strings.HasPrefix(e.Name(), kind) {
				count[kind]++
			}
		}
	}
	if count["before-restore-"] != 3 || count["before-erase-"] != 3 || count["samspil-"] != 1 {
		t.Fatalf("after pruning to 3: %v", count)
	}
	if _, err := os.Stat(filepath.Join(dir, "before-erase-2026-01-29-120000.db")); err != nil {
		t.Fatal("the newest copy was pruned")
	}
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }
