package app

import (
	"context"
	"testing"

	"samspil/data"
	"samspil/data/demo/demotest"
)

// TestMain removes the benchmarks' demo data sets after the run.
func TestMain(m *testing.M) { demotest.Main(m) }

// BenchmarkSearchKeystroke is one keystroke in the registration screen's
// search box, on the busiest activity's last day: filtering and ranking the
// regulars, the ranked search of everyone else (from two letters) with the
// groups they had that day, and the list redrawn. The search text grows a
// letter at a time and starts again. Budget: 16 ms.
func BenchmarkSearchKeystroke(b *testing.B) {
	queries := []string{"a", "an", "ann", "anna", "anna h", "anna ha", "s", "so", "sor", "søren"}
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		u := uiOn(b, s)
		acts, err := s.Activities(context.Background(), "")
		if err != nil {
			b.Fatal(err)
		}
		var busiest int64
		most := -1
		for _, a := range acts {
			if a.Occasions > most {
				busiest, most = a.ID, a.Occasions
			}
		}
		r := screenOf[*recordScreen](b, u, "record")
		r.openActivity(busiest, demotest.End)
		if len(r.ticks.all) == 0 {
			b.Fatal("the busiest activity has no regulars")
		}
		b.ResetTimer()
		i := 0
		for b.Loop() {
			r.search.SetText(queries[i%len(queries)]) // runs the screen's OnChanged, as a typed key does
			i++
		}
		b.StopTimer()
		r.search.SetText("anna")
		if len(r.ticks.shown) == 0 {
			b.Fatal("searching for anna shows nobody: the benchmark searched nothing")
		}
	})
}
