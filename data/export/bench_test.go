package export

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
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// bigDatabase generates the busy-house data set (demo --scale 10 --years 10)
// once per test run, in a temp folder removed at the end of the run.
func bigDatabase(b *testing.B) *data.Store {
	b.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "samspil-bench-*")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		_, bigErr = demo.CreateFile(context.Background(), bigPath, demo.Options{Template: "kulturhus", Years: 10, Scale: 10, End: data.MustDate("2026-11-30")})
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	s, err := data.Open(bigPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" {
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}

// BenchmarkExportBusyHouse exports ten years of a busy house (about 500,000
// participations) as a pseudonymised workbook. Budget: 4 s, 120 MiB.
func BenchmarkExportBusyHouse(b *testing.B) {
	s := bigDatabase(b)
	out := filepath.Join(b.TempDir(), "export.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, out, nil); err != nil {
			b.Fatal(err)
		}
	}
}
