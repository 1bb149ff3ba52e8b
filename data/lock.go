package data

import (
	"os"
)

// ErrInUse is returned when another Samspil window holds the database (see
// OpenExclusive), or when a restore is asked for while one does. Match it
// with errors.Is.
var ErrInUse = &Error{Code: "err.db_in_use"}

// fileLock is an exclusive lock on the file beside a database named
// <database>.lock. The operating system releases it when the process ends,
// a crash included, so a stale lock never blocks the next start.
type fileLock struct{ f *os.File }

// lockPath is the lock file of the database at path.
func lockPath(path string) string { return path + ".lock" }

// acquireLock takes the lock of the database at path without waiting; it
// returns ErrInUse (with the path) when another holds it.
func acquireLock(path string) (*fileLock, error) {
	f, err := os.OpenFile(lockPath(path), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": lockPath(path), "Reason": err.Error()}}
	}
	held, err := tryLock(f)
	if err != nil || !held {
		f.Close()
		if err != nil {
			return nil, &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": lockPath(path), "Reason": err.Error()}}
		}
		return nil, &Error{Code: ErrInUse.Code, Args: map[string]any{"Path": path}}
	}
	return &fileLock{f: f}, nil
}

// release gives the lock up; the file stays, so no other process can be
// left holding a lock on a removed name.
func (l *fileLock) release() {
	if l != nil && l.f != nil {
		unlock(l.f)
		l.f.Close()
		l.f = nil
	}
}

// OpenExclusive opens the database for a window: one window per file. The
// lock beside the file is taken first; while it is held a second window is
// refused with ErrInUse, and so is `samspil restore`. Close releases it.
// Headless readers (export, check, backup) use Open and are not refused.
func OpenExclusive(path string) (*Store, error) {
	l, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	s, err := Open(path)
	if err != nil {
		l.release()
		return nil, err
	}
	s.lock = l
	return s, nil
}
