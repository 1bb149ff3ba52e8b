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
			var target, total int
			err = s.DB().QueryRow(`SELECT
				count(*) FILTER (WHERE g.grp = 'target'), count(*)
				FROM participations pa JOIN occasions o ON o.id = pa.occasion_id
				LEFT JOIN group_periods g ON g.person_id = pa.person_id AND g.start_date <= o.date
					AND (g.end_date IS NULL OR g.end_date >= o.date)`).Scan(&target, &total)
			if err != nil {
				t.Fatal(err)
			}
			share := float64(target) / float64(total)
			if share < 0.08 || share > 0.40 {
				t.Fatalf("target-group share of participations = %.2f", share)
			}
			var last string
			s.DB().QueryRow(`SELECT max(date) FROM occasions`).Scan(&last)
			if last > end.String() {
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
	var early, late float64
	q := `SELECT avg(r.level) FROM participations pa JOIN occasions o ON o.id = pa.occasion_id
		JOIN roles r ON r.id = pa.role_id JOIN group_periods g ON g.person_id = pa.person_id
		AND g.start_date <= o.date AND (g.end_date IS NULL OR g.end_date >= o.date)
		WHERE g.grp = 'target' AND o.date BETWEEN ? AND ?`
	s.DB().QueryRow(q, "2023-12-01", "2024-05-31").Scan(&early)
	s.DB().QueryRow(q, "2026-06-01", "2026-11-30").Scan(&late)
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
