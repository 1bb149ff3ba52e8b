package indicators

import (
	"testing"

	"samspil/data"
)

// TestSoFarComparesTheSameDays: an unfinished month, quarter or year is
// compared with the same days of the period before, not with all of it.
func TestSoFarComparesTheSameDays(t *testing.T) {
	d := data.MustDate
	cases := []struct {
		name           string
		whole          Period
		today          data.Date
		now, before    Period
		wantUnfinished bool
	}{
		{"1 December", Month(d("2026-12-01")), d("2026-12-01"),
			Period{d("2026-12-01"), d("2026-12-01")}, Period{d("2026-11-01"), d("2026-11-01")}, true},
		{"30 March against a February of 28 days", Month(d("2026-03-30")), d("2026-03-30"),
			Period{d("2026-03-01"), d("2026-03-30")}, Period{d("2026-02-01"), d("2026-02-28")}, true},
		{"a quarter on 1 December", Quarter(d("2026-12-01")), d("2026-12-01"),
			Period{d("2026-10-01"), d("2026-12-01")}, Period{d("2026-07-01"), d("2026-09-01")}, true},
		{"a year on 15 May", Year(d("2026-05-15")), d("2026-05-15"),
			Period{d("2026-01-01"), d("2026-05-15")}, Period{d("2025-01-01"), d("2025-05-15")}, true},
		{"a finished month", Month(d("2026-10-10")), d("2026-12-01"),
			Period{d("2026-10-01"), d("2026-10-31")}, Period{d("2026-09-01"), d("2026-09-30")}, false},
		{"the last day of a month", Month(d("2026-11-30")), d("2026-11-30"),
			Period{d("2026-11-01"), d("2026-11-30")}, Period{d("2026-10-01"), d("2026-10-31")}, false},
	}
	for _, c := range cases {
		now, before, unfinished := SoFar(c.whole, c.today)
		if now != c.now || before != c.before || unfinished != c.wantUnfinished {
			t.Errorf("%s: %v against %v (unfinished %v), want %v against %v (%v)", c.name, now, before, unfinished, c.now, c.before, c.wantUnfinished)
		}
	}
}

// TestComparedWith: the figures of the period before are those of the
// period given, not of the whole period before.
func TestComparedWith(t *testing.T) {
	s := fixture(t)
	d := data.MustDate
	// March 1-12 against February 1-12: February's only occasion is on 10
	// February (T1 and R1), March's first two on 5 and 12 March (6
	// participations).
	r, err := Compute(t.Context(), s, Period{d("2026-03-01"), d("2026-03-12")}, ComparedWith(Period{d("2026-02-01"), d("2026-02-12")}))
	if err != nil {
		t.Fatal(err)
	}
	if r.Previous.Period != (Period{d("2026-02-01"), d("2026-02-12")}) || r.Previous.Participations != 2 || r.Current.Participations != 6 {
		t.Errorf("previous %v with %d, current %d", r.Previous.Period, r.Previous.Participations, r.Current.Participations)
	}
}
