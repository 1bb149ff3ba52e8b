package data

import (
	"errors"
	"io/fs"
	"os"
)

// checkWritable refuses an existing database file that this user may not
// write. SQLite would open it read-only without a word and fail only at the
// first save, after the coordinator had typed a whole registration.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) {
		return &Error{Code: "err.db_read_only", Args: map[string]any{"Path": path}}
	}
	if err != nil {
		return nil // anything else is for SQLite to find and name
	}
	return f.Close()
}
