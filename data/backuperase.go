package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
)

// EraseFromBackups carries the erasure register of the open database into
// every backup in dir and erases those people there too, each backup
// rewritten through a temporary file and renamed into place (so a failure
// leaves it as it was). It returns how many backups were rewritten. This
// is the erasure dialog's "also remove from backups".
func (s *Store) EraseFromBackups(ctx context.Context, dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	erasures := []keptTable{{"erasures", "person_id, at, kind"}}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		tmp := filepath.Join(dir, "."+e.Name()+".erase.tmp")
		if err := copyFile(path, tmp); err != nil {
			removeDatabaseFiles(tmp)
			return n, err
		}
		if err := carryTables(ctx, tmp, s.path, erasures); err != nil {
			removeDatabaseFiles(tmp)
			return n, err
		}
		if err := os.Rename(tmp, path); err != nil {
			removeDatabaseFiles(tmp)
			return n, err
		}
		n++
	}
	return n, nil
}
