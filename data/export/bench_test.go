package export

import (
	"context"
	"path/filepath"
	"testing"

	"samspil/data"
	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

// BenchmarkExport exports the whole history (ten years; at scale 10 about
// 500,000 participations, a busy house) as a pseudonymised workbook with
// the indicator sheets, and reports the peak resident memory. Budget at
// scale 10: 4 s, 120 MiB.
func BenchmarkExport(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		out := filepath.Join(b.TempDir(), "export.xlsx")
		demotest.PeakRSS(b, func() {
			for b.Loop() {
				if _, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, out, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
