package export

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// zipFolder packs the files of dir into out, which appears only when it
// is complete (see writeAtomically).
func zipFolder(dir, out string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return writeAtomically(out, func(f *os.File) error {
		zw := zip.NewWriter(f)
		for _, name := range names {
			if err := addToZip(zw, filepath.Join(dir, name), name); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}

func addToZip(zw *zip.Writer, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// syncDir flushes a folder's entries to the disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
