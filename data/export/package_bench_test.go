package export

import (
	"context"
	"path/filepath"
	"testing"

	"samspil/data"
	"samspil/data/demo/demotest"
)

// BenchmarkExportPackage writes the whole history as a pseudonymised
// research package (CSV, .sav and .dta per table, datapackage.json, load
// scripts) and reports the peak resident memory. Budget at scale 10: no
// longer than BenchmarkExport's workbook, 120 MiB.
func BenchmarkExportPackage(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		demotest.PeakRSS(b, func() {
			for b.Loop() {
				out := filepath.Join(b.TempDir(), "pakke")
				if _, err := Run(context.Background(), s, Options{Recipient: "VIVE", Format: "package"}, out, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
