package indicators

import (
	"context"
	"testing"

	"samspil/data"
)

// measures indexes the rows of a report by key.
func measures(rows []Row) (now, before map[string]Measure) {
	now, before = map[string]Measure{}, map[string]Measure{}
	for _, r := range rows {
		now[r.Key], before[r.Key] = r.Value, r.Previous
	}
	return now, before
}

// wantShare checks a share and the numerator and denominator it came from.
func wantShare(t *testing.T, name string, got Measure, num, den int) {
	t.Helper()
	if got.Numerator != num || got.Denominator != den {
		t.Errorf("%s = %d/%d, want %d/%d", name, got.Numerator, got.Denominator, num, den)
	}
	near(t, name, got.Value, float64(num)/float64(den))
}

// wantCount checks a count, which has no numerator or denominator.
func wantCount(t *testing.T, name string, got Measure, want float64) {
	t.Helper()
	if got.Numerator != 0 || got.Denominator != 0 {
		t.Errorf("%s has a numerator or denominator: %+v", name, got)
	}
	near(t, name, got.Value, want)
}

// startedActivities adds three activities without occasions to the
// fixture, started in March 2026: by T2 on 1 March (target group then, a
// volunteer from 15 March), by S1 of the municipal staff, and by nobody
// known.
func startedActivities(t *testing.T, s *data.Store) {
	t.Helper()
	ctx := context.Background()
	ids := map[string]int64{}
	ps, err := s.SearchPeople(ctx, data.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		ids[p.Name] = p.ID
	}
	for _, a := range []*data.Activity{
		{Name: "C", Kind: "recurring", Status: "active", Start: data.MustDate("2026-03-01"), InitiatorID: ids["T2"]},
		{Name: "D", Kind: "recurring", Status: "active", Start: data.MustDate("2026-03-02"), InitiatorID: ids["S1"]},
		{Name: "E", Kind: "recurring", Status: "active", Start: data.MustDate("2026-03-03")},
	} {
		if err := s.SaveActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBookletFiguresByHand checks the figures the booklet reports that the
// workbook states beside the older ones, on the fixture of
// TestFiguresByHand in March 2026 (and February before it).
func TestBookletFiguresByHand(t *testing.T) {
	s := fixture(t)
	startedActivities(t, s)
	r, err := Compute(context.Background(), s, Month(data.MustDate("2026-03-10")))
	if err != nil {
		t.Fatal(err)
	}
	now, before := measures(r.Rows())
	// Six distinct participants (T1, T2, V1, R1, S1, X); T1 and T2 took
	// part while in the target group.
	wantShare(t, "target_share_of_participants", now["target_share_of_participants"], 2, 6)
	// Sizes: 5 (A, 3 people + 2 guests), 3 (A), 14 (B, 4 + 10 guests) and
	// 5 (B, guests only).
	wantCount(t, "size_min", now["size_min"], 3)
	wantCount(t, "size_max", now["size_max"], 14)
	wantCount(t, "median_size", now["median_size"], 5)
	// Newcomers: V1 (network), S1 (municipal), X (self). T1 and R1 came in
	// February and T2 in December, so they are not newcomers in March.
	wantShare(t, "entry_network", now["entry_network"], 1, 3)
	wantShare(t, "entry_host", now["entry_host"], 0, 3)
	wantShare(t, "entry_municipal", now["entry_municipal"], 1, 3)
	wantShare(t, "entry_self", now["entry_self"], 1, 3)
	wantShare(t, "entry_other", now["entry_other"], 0, 3)
	// Started in March: A by T1 and C by T2 (both in the target group that
	// day, though T2 is a volunteer by the end of March), D by S1 (staff),
	// E by nobody known.
	wantCount(t, "started_by_target", now["started_by_target"], 2)
	wantCount(t, "started_by_citizen", now["started_by_citizen"], 0)
	wantCount(t, "started_by_staff", now["started_by_staff"], 1)
	wantCount(t, "started_by_unknown", now["started_by_unknown"], 1)
	wantShare(t, "citizen_initiated", now["citizen_initiated"], 2, 4)
	// Volunteers: V1 (volunteer, host on 5 March) and T2 (volunteer and
	// host on 20 March).
	wantCount(t, "volunteers", now["volunteers"], 2)
	wantCount(t, "active_activities", now["active_activities"], 2)
	wantCount(t, "activities_with_target", now["activities_with_target"], 1)
	// The older shares with what they are made of.
	wantShare(t, "reach", now["reach"], 2, 10)
	wantShare(t, "target_share", now["target_share"], 3, 10)
	wantShare(t, "ties", now["ties"], 2, 2)
	wantShare(t, "retention", now["retention"], 2, 2)
	wantShare(t, "coverage", now["coverage"], 1, 2)
	// February: one occasion of B with T1 and R1, both newcomers (T1 by the
	// municipality, R1 on their own); size 2.
	wantShare(t, "entry_municipal before", before["entry_municipal"], 1, 2)
	wantShare(t, "entry_self before", before["entry_self"], 1, 2)
	wantCount(t, "size_min before", before["size_min"], 2)
	wantCount(t, "volunteers before", before["volunteers"], 0)
	if m := before["started_by_target"]; m.Value == nil || *m.Value != 0 {
		t.Errorf("started by target in February = %v", deref(m.Value))
	}
}

// TestMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo: B's two occasions in
// March have 14 and 5 people, so the median is 9.5.
func TestMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo(t *testing.T) {
	s := fixture(t)
	r, err := Compute(context.Background(), s, Month(data.MustDate("2026-03-10")))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Current.SizeByKind["event"].Median; got != 9.5 {
		t.Errorf("median of 5 and 14 = %v, want 9.5", got)
	}
	if got := r.Current.SizeByKind["recurring"].Median; got != 4 {
		t.Errorf("median of 3 and 5 = %v, want 4", got)
	}
}

// TestYearlySeriesAcrossAYearBoundary: June 2025 to March 2026 is two
// rows, the part of 2025 and the part of 2026.
func TestYearlySeriesAcrossAYearBoundary(t *testing.T) {
	s := fixture(t)
	d := data.MustDate
	r, err := Compute(context.Background(), s, Period{d("2025-06-01"), d("2026-03-31")}, WithYears())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Years) != 2 || r.Years[0].Period != (Period{d("2025-06-01"), d("2025-12-31")}) ||
		r.Years[1].Period != (Period{d("2026-01-01"), d("2026-03-31")}) {
		t.Fatalf("years = %+v", r.Years)
	}
	y25, y26 := figureMap(&r.Years[0]), figureMap(&r.Years[1])
	// 2025 (from June): T2 alone at B on 1 December, new that day, in the
	// target group, who came through a host. No target size entered for 2025.
	wantCount(t, "2025 participations", y25["participations"], 1)
	wantShare(t, "2025 entry_host", y25["entry_host"], 1, 1)
	wantCount(t, "2025 size_max", y25["size_max"], 1)
	if y25["reach"].Value != nil || y25["reach"].Numerator != 1 || y25["reach"].Denominator != 0 {
		t.Errorf("2025 reach = %+v, want unknown (1 of no size)", y25["reach"])
	}
	// 2026 (to March): 2 participations in February and 10 in March;
	// newcomers T1 (municipal) and R1 (self) in February, V1 (network), S1
	// (municipal) and X (self) in March — T2 came in 2025. Sizes 2, 5, 3,
	// 14 and 5.
	wantCount(t, "2026 participations", y26["participations"], 12)
	wantCount(t, "2026 newcomers", y26["newcomers"], 5)
	wantShare(t, "2026 entry_municipal", y26["entry_municipal"], 2, 5)
	wantShare(t, "2026 entry_host", y26["entry_host"], 0, 5)
	wantCount(t, "2026 size_min", y26["size_min"], 2)
	wantCount(t, "2026 median_size", y26["median_size"], 5)
	wantCount(t, "2026 started_by_target", y26["started_by_target"], 1)
	wantShare(t, "2026 reach", y26["reach"], 2, 10)
	if r.Current.Period != (Period{d("2025-06-01"), d("2026-03-31")}) {
		t.Errorf("current = %+v", r.Current.Period)
	}
	plain, _ := Compute(context.Background(), s, Month(d("2026-03-10")))
	if plain.Years != nil {
		t.Error("years without asking")
	}
}

func figureMap(f *Figures) map[string]Measure {
	out := map[string]Measure{}
	for _, def := range Definitions {
		out[def.Key] = def.Of(f)
	}
	return out
}
