package demo

import (
	"context"
	"path/filepath"
	"samspil/data/pgtest"
	"testing"

	"samspil/data"
)

func generate(t *testing.T, opt Options) (*data.Store, Result) {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "demo.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	res, err := Generate(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, res
}

// targetParticipation counts the participations of the period (zero
// dates: open) and those of people in the target group on the day, and
// returns the mean role level of the latter.
func targetParticipation(t *testing.T, s *data.Store, from, to data.Date) (target, total int, level float64) {
	t.Helper()
	ctx := context.Background()
	groups, err := s.LoadGroupIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	roles, err := s.Roles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	levels := map[int64]int{}
	for _, r := range roles {
		levels[r.ID] = r.Level
	}
	sum := 0
	err = s.EachParticipation(ctx, from, to, func(p data.ParticipationRow) error {
		total++
		if groups.GroupOn(p.PersonID, p.Date) == data.GroupTarget {
			target++
			sum += levels[p.RoleID]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if target > 0 {
		level = float64(sum) / float64(target)
	}
	return target, total, level
}

func TestEveryTemplateIsSoundAndShapedLikeItsPartnership(t *testing.T) {
	end := data.MustDate("2026-11-30")
	for _, tpl := range Templates {
		t.Run(tpl, func(t *testing.T) {
			s, res := generate(t, Options{Template: tpl, Years: 2, End: end})
			ctx := context.Background()
			r, err := s.Check(ctx)
			if err != nil || !r.OK() {
				t.Fatalf("check = %+v, %v", r, err)
			}
			if r.People != res.People || r.Participations != res.Participations || r.Occasions != res.Occasions {
				t.Fatalf("result %+v does not match the database %+v", res, r)
			}
			if res.People < 100 || res.Participations < 3000 || res.LogEntries == 0 {
				t.Fatalf("too small: %+v", res)
			}
			target, total, _ := targetParticipation(t, s, data.Date{}, data.Date{})
			share := float64(target) / float64(total)
			if share < 0.08 || share > 0.40 {
				t.Fatalf("target-group share of participations = %.2f", share)
			}
			_, last, err := s.OccasionDates(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if last.After(end) {
				t.Fatalf("an occasion after the end date: %s", last)
			}
			st, _ := s.Settings(ctx)
			if st.Partnership != templates[tpl].partnership {
				t.Fatalf("settings = %+v", st)
			}
			sizes, _ := s.TargetSizes(ctx)
			if len(sizes) < 2 {
				t.Fatalf("target sizes = %v", sizes)
			}
		})
	}
}

func TestTargetGroupRolesRiseOverTime(t *testing.T) {
	s, _ := generate(t, Options{Template: "kulturhus", Years: 3, End: data.MustDate("2026-11-30")})
	_, _, early := targetParticipation(t, s, data.MustDate("2023-12-01"), data.MustDate("2024-05-31"))
	_, _, late := targetParticipation(t, s, data.MustDate("2026-06-01"), data.MustDate("2026-11-30"))
	if !(late > early) {
		t.Fatalf("mean role level of the target group: early %.2f, late %.2f", early, late)
	}
}

func TestOptionsAreChecked(t *testing.T) {
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "x.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, o := range []Options{{Template: "nope"}, {Years: 51}, {Scale: -1}} {
		if _, err := Generate(context.Background(), s, o); err == nil {
			t.Errorf("options %+v accepted", o)
		}
	}
}
