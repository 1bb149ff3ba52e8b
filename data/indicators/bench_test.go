package indicators

import (
	"context"
	"testing"

	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

func benchmarkIndicators(b *testing.B, p Period) {
	s := demotest.Store(b, 10)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(context.Background(), s, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIndicatorsOneYear computes every indicator of the last year of a
// busy house (and of the year before, for comparison).
func BenchmarkIndicatorsOneYear(b *testing.B) {
	benchmarkIndicators(b, Period{demotest.End.AddMonths(-12).AddDays(1), demotest.End})
}

// BenchmarkIndicatorsTenYears computes every indicator over ten years of a
// busy house (about 500,000 participations). Budget: 1 s.
func BenchmarkIndicatorsTenYears(b *testing.B) {
	benchmarkIndicators(b, Period{demotest.End.AddMonths(-120).AddDays(1), demotest.End})
}
