// Package demotest gives benchmarks the busy-house data set
// (demo --scale 10 --years 10), generated once per test binary: in a file,
// or in a database of its own on the test server when the tests run on
// PostgreSQL (see pgtest).
package demotest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"samspil/data"
	"samspil/data/demo"
	"samspil/data/pgtest"
)

var (
	mu        sync.Mutex
	files     = map[int]string{} // scale → file or server URL
	dirs      []string
	databases []string // made on the test server, dropped by Cleanup
)

// End is the last day of the benchmark data sets, fixed so runs compare.
var End = data.MustDate("2026-11-30")

// options are the demo's options for a scale.
func options(scale int) demo.Options {
	return demo.Options{Template: "kulturhus", Years: 10, Scale: scale, End: End}
}

// Store opens the kulturhus demo of the scale over ten years, generating it
// the first time it is asked for in this process. Call Cleanup from
// TestMain to remove the files (or the server's databases).
func Store(tb testing.TB, scale int) *data.Store {
	tb.Helper()
	mu.Lock()
	path, ok := files[scale]
	if !ok {
		var err error
		if pgtest.Enabled() {
			path, err = generateOnServer(fmt.Sprintf("samspil_bench_%d_scale%d", os.Getpid(), scale), options(scale))
		} else {
			path, err = generateFile(options(scale))
		}
		if err != nil {
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

// generateFile writes the demo into a file of a temporary folder of its own.
func generateFile(opt demo.Options) (string, error) {
	dir, err := os.MkdirTemp("", "samspil-bench-*")
	if err != nil {
		return "", err
	}
	dirs = append(dirs, dir)
	path := filepath.Join(dir, "busy.db")
	_, err = demo.CreateFile(context.Background(), path, opt)
	return path, err
}

// generateOnServer creates the database name on the test server, which
// lives until Cleanup, and generates the demo into it.
func generateOnServer(name string, opt demo.Options) (string, error) {
	admin := os.Getenv(pgtest.EnvVar)
	if err := pgtest.Admin(admin, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	databases = append(databases, name)
	url := pgtest.WithDatabase(admin, name)
	s, err := data.Open(url)
	if err != nil {
		return "", err
	}
	_, err = demo.Generate(context.Background(), s, opt)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return url, err
}

// Cleanup removes the generated files and databases.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	for _, d := range dirs {
		os.RemoveAll(d)
	}
	for _, name := range databases {
		pgtest.Admin(os.Getenv(pgtest.EnvVar), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	}
	dirs, databases, files = nil, nil, map[int]string{}
}

// Copy opens a fresh copy of a data set, for benchmarks that change it. On
// the test server the copy is generated again into a fresh database, as
// the data set itself was.
func Copy(tb testing.TB, src *data.Store) *data.Store {
	tb.Helper()
	var path string
	if pgtest.Enabled() {
		scale, ok := scaleOf(src)
		if !ok {
			tb.Fatalf("demotest.Copy: %s is no data set of demotest.Store", src.Path())
		}
		path = pgtest.Fresh(tb)
		s, err := data.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		if _, err := demo.Generate(context.Background(), s, options(scale)); err != nil {
			tb.Fatal(err)
		}
		return s
	}
	path = filepath.Join(tb.TempDir(), "copy.db")
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

// scaleOf finds the scale of a data set that Store opened.
func scaleOf(s *data.Store) (int, bool) {
	mu.Lock()
	defer mu.Unlock()
	for scale, path := range files {
		if path == s.Path() || data.RedactURL(path) == s.Path() {
			return scale, true
		}
	}
	return 0, false
}
