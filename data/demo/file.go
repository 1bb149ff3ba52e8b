package demo

import (
	"context"
	"os"
	"path/filepath"

	"samspil/data"
)

// CreateFile writes a new demo database at path. It refuses an existing
// file, builds the data in a temporary file beside it and renames that into
// place, so a failed or interrupted run leaves nothing at path.
func CreateFile(ctx context.Context, path string, opt Options) (Result, error) {
	if _, err := os.Stat(path); err == nil {
		return Result{}, &data.Error{Code: "err.target_exists", Args: map[string]any{"Path": path}}
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	removeDB(tmp)
	s, err := data.Open(tmp)
	if err != nil {
		return Result{}, err
	}
	res, err := Generate(ctx, s, opt)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		removeDB(tmp)
	}
	return res, err
}

func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
