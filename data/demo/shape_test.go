package demo

import (
	"context"
	"testing"

	"samspil/data"
	"samspil/data/indicators"
)

// TestFiguresMoveInEveryTemplate: the demos are shaped like the booklet's
// partnerships, so that their figures mean something. In each of the last
// three years: some target-group members meet mostly each other and their
// counsellors or carers (ties across groups below 100 %, but above 0), some
// activities have no target-group member (coverage below 100 %), and
// citizens start activities (citizen-initiated known and above 0).
func TestFiguresMoveInEveryTemplate(t *testing.T) {
	end := data.MustDate("2026-11-30")
	for _, tpl := range Templates {
		t.Run(tpl, func(t *testing.T) {
			s, _ := generate(t, Options{Template: tpl, Years: 3, End: end})
			for year := 2024; year <= 2026; year++ {
				p := indicators.Year(data.NewDate(year, 6, 1))
				r, err := indicators.Compute(context.Background(), s, p)
				if err != nil {
					t.Fatal(err)
				}
				f := r.Current
				if f.HalfOrMoreShare == nil || *f.HalfOrMoreShare >= 1 || *f.HalfOrMoreShare <= 0 {
					t.Errorf("%d: ties across groups %v (%d of %d)", year, show(f.HalfOrMoreShare), f.HalfOrMoreOthers, f.TargetWithTies)
				}
				if f.Coverage == nil || *f.Coverage >= 1 {
					t.Errorf("%d: activities with the target group %v (%d of %d)", year, show(f.Coverage), f.ActivitiesWithTarget, f.ActiveActivities)
				}
				if f.CitizenInitiated == nil || *f.CitizenInitiated <= 0 {
					t.Errorf("%d: citizen-initiated %v (%v)", year, show(f.CitizenInitiated), f.StartedBy)
				}
			}
		})
	}
}

func show(v *float64) any {
	if v == nil {
		return "unknown"
	}
	return *v
}
