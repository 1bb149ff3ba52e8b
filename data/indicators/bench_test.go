package indicators

import (
	"context"
	"testing"

	"samspil/data"
	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

func benchmarkIndicators(b *testing.B, months int) {
	p := Period{demotest.End.AddMonths(-months).AddDays(1), demotest.End}
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		for b.Loop() {
			if _, err := Compute(context.Background(), s, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkIndicatorsOneYear computes every indicator of the last year
// (and of the year before, for comparison).
func BenchmarkIndicatorsOneYear(b *testing.B) { benchmarkIndicators(b, 12) }

// BenchmarkIndicatorsTenYears computes every indicator over ten years (at
// scale 10 about 500,000 participations). Budget: 1 s.
func BenchmarkIndicatorsTenYears(b *testing.B) { benchmarkIndicators(b, 120) }
