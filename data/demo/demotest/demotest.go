// Package demotest gives benchmarks the busy-house data set
// (demo --scale 10 --years 10), generated once per test binary.
package demotest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"samspil/data"
	"samspil/data/demo"
)

var (
	mu    sync.Mutex
	files = map[int]string{}
	dirs  []string
)

// End is the last day of the benchmark data sets, fixed so runs compare.
var End = data.MustDate("2026-11-30")

// Store opens the kulturhus demo of the scale over ten years, generating it
// the first time it is asked for in this process. Call Cleanup from
// TestMain to remove the files.
func Store(tb testing.TB, scale int) *data.Store {
	tb.Helper()
	mu.Lock()
	path, ok := files[scale]
	if !ok {
		dir, err := os.MkdirTemp("", "samspil-bench-*")
		if err != nil {
			mu.Unlock()
			tb.Fatal(err)
		}
		dirs = append(dirs, dir)
		path = filepath.Join(dir, "busy.db")
		if _, err := demo.CreateFile(context.Background(), path, demo.Options{Template: "kulturhus", Years: 10, Scale: scale, End: End}); err != nil {
			mu.Unlock()
			tb.Fatal(err)
		}
		files[scale] = path
	}
	mu.Unlock()
	s, err := data.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Cleanup removes the generated files.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	for _, d := range dirs {
		os.RemoveAll(d)
	}
	dirs, files = nil, map[int]string{}
}

// Copy opens a fresh copy of a data set, for benchmarks that change it.
func Copy(tb testing.TB, src *data.Store) *data.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "copy.db")
	if err := src.Backup(context.Background(), path); err != nil {
		tb.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
