package export

import (
	"context"
	"path/filepath"
	"testing"

	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

// BenchmarkExportBusyHouse exports ten years of a busy house (about 500,000
// participations) as a pseudonymised workbook. Budget: 4 s, 120 MiB.
func BenchmarkExportBusyHouse(b *testing.B) {
	s := demotest.Store(b, 10)
	out := filepath.Join(b.TempDir(), "export.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, out, nil); err != nil {
			b.Fatal(err)
		}
	}
}
