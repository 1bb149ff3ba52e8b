package export

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// zipFolder packs the files of dir into a file without a name (or a
// hidden temporary one) beside out and links it into place, so out is
// complete or absent.
func zipFolder(dir, out string) error {
	tmp, err := createHidden(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.discard()
		}
	}()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	zw := zip.NewWriter(tmp.File)
	for _, name := range names {
		if err := addToZip(zw, filepath.Join(dir, name), name); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.linkInto(out); err != nil {
		return err
	}
	done = true
	return tmp.Close()
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
