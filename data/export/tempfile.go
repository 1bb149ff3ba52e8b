package export

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// A file an export writes holds personal data before it is complete, so
// it is made without a name where the system allows (Linux: O_TMPFILE)
// and linked into place only when whole; elsewhere it gets a hidden
// temporary name, and leftovers of killed exports are removed before the
// next export into the folder.

// hiddenFile is a file being written that no one can open by name yet.
type hiddenFile struct {
	*os.File
	named bool // it has a temporary name (systems without nameless files)
}

// createHidden makes a file for writing in dir; pattern is os.CreateTemp's,
// for the systems where it needs a temporary name.
func createHidden(dir, pattern string) (*hiddenFile, error) {
	if f, err := openNameless(dir); err == nil {
		return &hiddenFile{File: f}, nil
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &hiddenFile{File: f, named: true}, nil
}

// linkInto puts the finished, closed file at target, replacing what is there.
func (h *hiddenFile) linkInto(target string) error {
	if h.named {
		return os.Rename(h.Name(), target)
	}
	// A whole file gets a temporary name for the instant before the rename
	// (linking straight onto an existing target is refused).
	tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".0.tmp")
	os.Remove(tmp)
	if err := linkNameless(h.File, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// discard closes the file and removes its name, if it has one.
func (h *hiddenFile) discard() {
	h.Close()
	if h.named {
		os.Remove(h.Name())
	}
}

// staleAfter is how long an export's temporary file or folder stays
// unchanged before it counts as left by a killed export (a running
// export writes to it all the time).
const staleAfter = 2 * time.Minute

// leftoverName matches the temporary names exports give files and folders
// (os.CreateTemp's ".NAME.xlsx.123456.tmp").
var leftoverName = regexp.MustCompile(`^\..+\.\d+\.tmp$`)

// RemoveLeftovers removes what killed exports left in dir: hidden files
// and folders with an export's temporary name that have not changed for
// a while. Each export calls it for its target's folder.
func RemoveLeftovers(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !leftoverName.MatchString(e.Name()) {
			continue
		}
		if st, err := e.Info(); err == nil && now.Sub(st.ModTime()) > staleAfter {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
