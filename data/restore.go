package data

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"
)

// RestoreFile replaces the database at path with the backup, after checking
// that the backup is a sound Samspil database this version can read. It is
// refused with ErrInUse while a window holds the file (OpenExclusive). The
// file being replaced is kept first as before-restore-<time>.db in keepDir
// (when it exists), and what must survive a restore is carried from it into
// the restored file (see carryOver): the audit log, the export register and
// the erasure register, whose erasures are applied again. Either the restore
// completes or path is left as it was.
func RestoreFile(ctx context.Context, path, backup, keepDir string) (kept string, err error) {
	if err := VerifyBackup(ctx, backup); err != nil {
		return "", err
	}
	lock, err := acquireLock(path)
	if err != nil {
		return "", err
	}
	defer lock.release()
	if _, err := os.Stat(path); err == nil {
		if err := os.MkdirAll(keepDir, 0o700); err != nil {
			return "", err
		}
		kept = filepath.Join(keepDir, "before-restore-"+time.Now().Format("2006-01-02-150405")+".db")
		if err := copyDatabase(path, kept); err != nil {
			return "", err
		}
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".restore.tmp")
	fail := func(err error) (string, error) {
		removeDatabaseFiles(tmp)
		return kept, err
	}
	if err := copyFile(backup, tmp); err != nil {
		return fail(err)
	}
	if kept != "" {
		if err := carryOver(ctx, tmp, kept); err != nil {
			return fail(err)
		}
	}
	for _, side := range []string{path + "-wal", path + "-shm"} {
		os.Remove(side)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	return kept, nil
}

// copyDatabase copies a database consistently, through SQLite when it can
// be opened (the write-ahead log included), else byte for byte.
func copyDatabase(from, to string) error {
	if s, err := Open(from); err == nil {
		defer s.Close()
		return s.Backup(context.Background(), to)
	}
	return copyFile(from, to)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_RDWR|os.O_CREATE|os.O_TRUNC, privateMode) // personal data: for the user alone
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
