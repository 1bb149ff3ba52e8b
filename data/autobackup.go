package data

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupDaily makes the day's automatic backup in dir (samspil-YYYY-MM-DD.db),
// unless one exists already, and keeps only the newest keep of them — and of
// each kind of safety copy (before-import, before-erase, before-restore …),
// so an erased person's data rotate out of every copy. It returns the path
// of the backup, or "" when today's was made before. A register on a server
// is backed up the same way, as a portable Samspil file copied from one
// consistent snapshot of the server (see Backup); so are BackupBefore's.
func (s *Store) BackupDaily(ctx context.Context, dir string, keep int) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if err := pruneSafetyCopies(dir, keep); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "samspil-"+Today().String()+".db")
	if _, err := os.Stat(path); err == nil {
		return "", nil
	}
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	return path, pruneBackups(dir, "samspil-", keep)
}

// pruneSafetyCopies keeps the newest keep of each kind of before-* copy in
// dir (the kind is the name up to its date).
func pruneSafetyCopies(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	kinds := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "before-") || !strings.HasSuffix(name, ".db") {
			continue
		}
		if i := strings.IndexFunc(name, func(r rune) bool { return r >= '0' && r <= '9' }); i > 0 {
			kinds[name[:i]] = true
		}
	}
	for kind := range kinds {
		if err := pruneBackups(dir, kind, keep); err != nil {
			return err
		}
	}
	return nil
}

// BackupBefore makes a backup before a risky change (an import, a merge, a
// bulk erasure), named after the change and the time, and keeps the newest
// keep of its kind.
func (s *Store) BackupBefore(ctx context.Context, dir, change string, keep int) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	prefix := "before-" + change + "-"
	path := filepath.Join(dir, prefix+time.Now().Format("2006-01-02-150405")+".db")
	if err := s.backup(ctx, path, verifyCopy); err != nil {
		return "", err
	}
	return path, pruneBackups(dir, prefix, keep)
}

// pruneBackups removes all but the newest keep files in dir named
// prefix*.db (their names sort by date).
func pruneBackups(dir, prefix string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), ".db") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return err
		}
		names = names[1:]
	}
	return nil
}
