package data

import "os"

// The database holds special-category personal data, so its files are for
// the user alone (mode 0600) wherever Samspil keeps it, not only in its
// private app folder: a new database is created so, SQLite gives its
// write-ahead log and shared memory the database file's mode, and an
// existing database is narrowed to it when opened (a restored file, or
// one made by an older Samspil under the usual umask).

// privateMode is the mode of every database file.
const privateMode os.FileMode = 0o600

// createPrivate creates the empty file of a new database at path for the
// user alone, before SQLite opens it.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, privateMode)
	if err != nil {
		return &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	f.Close()
	return os.Chmod(path, privateMode)
}

// narrowToUser takes the group's and others' access away from the
// database and its -wal and -shm files, where they have any; a file it
// cannot change (not the user's own) is left as it is.
func narrowToUser(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, st.Mode().Perm()&privateMode)
		}
	}
}
