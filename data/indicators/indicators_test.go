package indicators

import (
	"cmp"
	"context"
	"maps"
	"math"
	"path/filepath"
	"samspil/data/pgtest"
	"slices"
	"testing"

	"samspil/data"
)

// fixture builds the small partnership worked out by hand in the comments
// of TestFiguresByHand.
func fixture(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "ind.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	d := data.MustDate
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	roles := map[string]int64{}
	rs, _ := s.Roles(ctx)
	for _, r := range rs {
		roles[r.Code] = r.ID
	}
	newPerson := func(name, entry string, invited int64, g *data.GroupPeriod) int64 {
		p := &data.Person{Name: name, EntryChannel: entry, InvitedBy: invited}
		must(s.SavePerson(ctx, p, g))
		return p.ID
	}
	t1 := newPerson("T1", "municipal", 0, &data.GroupPeriod{Group: data.GroupTarget, Start: d("2026-01-01"), CategoryIDs: []int64{1}})
	t2 := newPerson("T2", "host", 0, &data.GroupPeriod{Group: data.GroupTarget, Start: d("2025-11-01"), CategoryIDs: []int64{1}})
	must(s.AddGroupPeriod(ctx, &data.GroupPeriod{PersonID: t2, Group: data.GroupVolunteer, Start: d("2026-03-15")}))
	v1 := newPerson("V1", "network", t1, &data.GroupPeriod{Group: data.GroupVolunteer, Start: d("2025-01-01")})
	r1 := newPerson("R1", "self", 0, &data.GroupPeriod{Group: data.GroupResourceful, Start: d("2025-01-01")})
	s1 := newPerson("S1", "municipal", 0, &data.GroupPeriod{Group: data.GroupMunicipalStaff, StaffKind: "counsellor", Start: d("2025-01-01")})
	x := newPerson("X", "self", 0, nil)
	a := &data.Activity{Name: "A", Kind: "recurring", Status: "active", Start: d("2026-03-05"), InitiatorID: t1}
	b := &data.Activity{Name: "B", Kind: "event", Status: "active", Start: d("2025-01-01"), InitiatorID: v1}
	must(s.SaveActivity(ctx, a))
	must(s.SaveActivity(ctx, b))
	occ := func(act *data.Activity, day string, guests int, ps ...data.Participation) {
		must(s.SaveOccasion(ctx, &data.Occasion{ActivityID: act.ID, Date: d(day), AnonymousGuests: guests, Participants: ps}))
	}
	pp := func(person int64, role string) data.Participation {
		return data.Participation{PersonID: person, RoleID: roles[role]}
	}
	occ(b, "2025-12-01", 0, pp(t2, "less_active"))
	occ(b, "2026-02-10", 0, pp(t1, "supported"), pp(r1, "active"))
	occ(a, "2026-03-05", 2, pp(t1, "supported"), pp(v1, "host"), pp(s1, "accompanies"))
	occ(a, "2026-03-12", 0, pp(t1, "active"), pp(t2, "active"), pp(r1, "active"))
	occ(b, "2026-03-20", 10, pp(t2, "host"), pp(v1, "active"), pp(r1, "less_active"), pp(x, "active"))
	occ(b, "2026-03-25", 5)
	must(s.SavePath(ctx, &data.Path{PersonID: t2, Date: d("2026-03-28"), Kind: "job"}))
	must(s.SavePath(ctx, &data.Path{PersonID: r1, Date: d("2026-03-28"), Kind: "education"}))
	must(s.SetTargetSize(ctx, 2026, 10))
	return s
}

func near(t *testing.T, name string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", name, deref(got), want)
	}
}

func deref(p *float64) any {
	if p == nil {
		return "unknown"
	}
	return *p
}

func TestFiguresByHand(t *testing.T) {
	s := fixture(t)
	r, err := Compute(context.Background(), s, Month(data.MustDate("2026-03-10")))
	if err != nil {
		t.Fatal(err)
	}
	f := r.Current
	// 1-2. Ten participations; T2 counts as target group on 12 March and as
	// volunteer on 20 March; X has no group.
	if f.Participations != 10 || f.Participants != 6 || f.TargetParticipants != 2 {
		t.Errorf("participations %d, participants %d, target %d", f.Participations, f.Participants, f.TargetParticipants)
	}
	want := map[data.Group]GroupCount{data.GroupTarget: {2, 3}, data.GroupVolunteer: {2, 3}, data.GroupMunicipalStaff: {1, 1},
		data.GroupResourceful: {1, 2}, data.GroupUnknown: {1, 1}}
	for g, c := range want {
		if f.ByGroup[g] != c {
			t.Errorf("group %q = %+v, want %+v", g, f.ByGroup[g], c)
		}
	}
	near(t, "target share of participations", f.TargetShareOfParticipations, 0.3)
	near(t, "target share of participants", f.TargetShareOfParticipants, 2.0/6)
	near(t, "reach", f.Reach, 0.2)
	// 3. A started in March by T1 of the target group.
	if f.ActivitiesStarted != 1 || f.StartedBy["target"] != 1 {
		t.Errorf("started %d by %v", f.ActivitiesStarted, f.StartedBy)
	}
	near(t, "citizen initiated", f.CitizenInitiated, 1)
	// 4. Shares 1/3, 2/3 and 0; the first two occasions and days are above 20 %.
	near(t, "share mean", f.ShareMean, 1.0/3)
	near(t, "share median", f.ShareMedian, 1.0/3)
	if f.ShareBuckets[0] != 1 || f.ShareBuckets[3] != 1 || f.ShareBuckets[6] != 1 {
		t.Errorf("buckets %v", f.ShareBuckets)
	}
	if len(f.OverThreshold) != 2 || len(f.DaysOverThreshold) != 2 || f.DaysOverThreshold[1].Date != data.MustDate("2026-03-12") {
		t.Errorf("over threshold %+v, days %+v", f.OverThreshold, f.DaysOverThreshold)
	}
	// 5. Sizes with guests: 5, 3, 14 and the guests-only 5; the median of
	// B's 14 and 5 is 9.5.
	if f.Size != (SizeStats{Occasions: 4, Min: 3, Median: 5, Max: 14}) || f.SizeByKind["recurring"] != (SizeStats{Occasions: 2, Min: 3, Median: 4, Max: 5}) ||
		f.SizeByKind["event"] != (SizeStats{Occasions: 2, Min: 5, Median: 9.5, Max: 14}) {
		t.Errorf("sizes %+v by kind %+v", f.Size, f.SizeByKind)
	}
	// 6. V1, S1 and X came for the first time; T1 invited V1.
	if f.Newcomers != 3 || f.EntryChannels["network"] != 1 || f.EntryChannels["municipal"] != 1 || f.EntryChannels["self"] != 1 {
		t.Errorf("newcomers %d, channels %v", f.Newcomers, f.EntryChannels)
	}
	if len(f.TopInviters) != 1 || f.TopInviters[0].Name != "T1" || f.TopInviters[0].Count != 1 {
		t.Errorf("inviters %+v", f.TopInviters)
	}
	// 8. A had the target group, B did not (T2 was a volunteer by then).
	near(t, "coverage", f.Coverage, 0.5)
	// 9. T1 met V1, T2, R1 (2 of 3 from other groups); T2 met T1, R1 (1 of 2).
	if f.TargetWithTies != 2 || f.HalfOrMoreOthers != 2 {
		t.Errorf("ties %d, half or more %d", f.TargetWithTies, f.HalfOrMoreOthers)
	}
	near(t, "other share mean", f.OtherShareMean, (2.0/3+0.5)/2)
	near(t, "half or more from other groups (the booklet's 85 %)", f.HalfOrMoreShare, 1)
	// 10. T1: Q1 level 3 → Q1 level 3; T2: Q4 level 2 → Q1 level 3; days to
	// active 30 (T1) and 101 (T2).
	if f.Transitions[[2]int{3, 3}] != 1 || f.Transitions[[2]int{2, 3}] != 1 || f.ReachedActive != 2 || f.ReachedHost != 0 {
		t.Errorf("transitions %v, active %d, host %d", f.Transitions, f.ReachedActive, f.ReachedHost)
	}
	near(t, "median days to active", f.MedianDaysToActive, 65.5)
	// 11. T2's job counts (T2 was in the target group); R1's education does not.
	if f.Paths["job"] != 1 || f.Paths["education"] != 0 {
		t.Errorf("paths %v", f.Paths)
	}
	// 12. T1 and R1 came in February and again in March; T2 came back after three months.
	near(t, "retention", f.Retention, 1)
	if f.Returners != 1 {
		t.Errorf("returners %d", f.Returners)
	}
	// 7. One month: 3 of its 10 participations by the target group, at
	// levels 1 (T1 supported), 3 and 3 (T1 and T2 active).
	if len(f.Months) != 1 || f.Months[0].Volunteers != 2 || f.Months[0].Activities != 2 || f.Months[0].Participations[data.GroupTarget] != 3 {
		t.Errorf("months %+v", f.Months)
	}
	near(t, "March's target share", f.Months[0].TargetShare, 0.3)
	if got := f.Months[0].ByLevel; !maps.Equal(got, map[int]int{1: 1, 3: 2}) {
		t.Errorf("March's role levels %v, want 1:1 3:2", got)
	}
	previousByHand(t, r.Previous)
}

// previousByHand checks the month before March in the fixture: on 10
// February T1 (target group, supported) and R1 (resourceful, active).
func previousByHand(t *testing.T, f Figures) {
	t.Helper()
	if f.Period != (Period{data.MustDate("2026-02-01"), data.MustDate("2026-02-28")}) {
		t.Errorf("previous period %+v", f.Period)
	}
	if f.Participations != 2 || f.Participants != 2 || f.TargetParticipants != 1 || f.Occasions != 1 || f.Newcomers != 2 {
		t.Errorf("previous: participations %d, participants %d, target %d, occasions %d, newcomers %d",
			f.Participations, f.Participants, f.TargetParticipants, f.Occasions, f.Newcomers)
	}
	if !maps.Equal(f.ByGroup, map[data.Group]GroupCount{data.GroupTarget: {1, 1}, data.GroupResourceful: {1, 1}}) {
		t.Errorf("previous by group %v", f.ByGroup)
	}
	near(t, "previous reach", f.Reach, 0.1)
	near(t, "previous target share", f.TargetShareOfParticipations, 0.5)
	near(t, "previous coverage", f.Coverage, 1)
	near(t, "previous half or more", f.HalfOrMoreShare, 1)
	if f.Retention != nil || f.PreviousParticipants != 0 {
		t.Errorf("nobody took part in January, yet retention %v of %d", deref(f.Retention), f.PreviousParticipants)
	}
	if !maps.Equal(f.Transitions, map[[2]int]int{{1, 1}: 1}) || f.ReachedActive != 0 {
		t.Errorf("previous transitions %v, reached active %d", f.Transitions, f.ReachedActive)
	}
	if !maps.Equal(f.Months[0].ByLevel, map[int]int{1: 1}) {
		t.Errorf("February's role levels %v", f.Months[0].ByLevel)
	}
	near(t, "February's target share", f.Months[0].TargetShare, 0.5)
}

// TestRetentionByHand compares 12-31 March with the 20 days before it:
// T1, V1 and S1 came on 5 March; T1 and V1 came again (2 of 3). T2 came
// back on 12 March after three months away.
func TestRetentionByHand(t *testing.T) {
	s := fixture(t)
	p := Period{data.MustDate("2026-03-12"), data.MustDate("2026-03-31")}
	r, err := Compute(context.Background(), s, p)
	if err != nil {
		t.Fatal(err)
	}
	f := r.Current
	if f.PreviousParticipants != 3 || f.StillActive != 2 || f.Returners != 1 {
		t.Errorf("previous %d, still active %d, returners %d", f.PreviousParticipants, f.StillActive, f.Returners)
	}
	near(t, "retention", f.Retention, 2.0/3)
}

func TestEmptyPeriodAndUnknownTargetSize(t *testing.T) {
	s := fixture(t)
	r, err := Compute(context.Background(), s, Year(data.MustDate("2024-06-01")))
	if err != nil {
		t.Fatal(err)
	}
	f := r.Current
	if f.Participations != 0 || f.Reach != nil || f.TargetShareOfParticipations != nil || f.ShareMean != nil || f.Coverage != nil || f.Retention != nil {
		t.Errorf("empty period: %+v", f)
	}
	if len(f.Months) != 12 {
		t.Errorf("months %d", len(f.Months))
	}
	r, _ = Compute(context.Background(), s, Year(data.MustDate("2025-06-01")))
	if r.Current.TargetParticipants != 1 || r.Current.Reach != nil {
		t.Errorf("2025 has no size entered: reach %v", deref(r.Current.Reach))
	}
}

func TestPreviousPeriod(t *testing.T) {
	d := data.MustDate
	cases := []struct{ p, want Period }{
		{Period{d("2026-03-01"), d("2026-03-31")}, Period{d("2026-02-01"), d("2026-02-28")}},
		{Quarter(d("2026-05-05")), Period{d("2026-01-01"), d("2026-03-31")}},
		{Year(d("2026-05-05")), Period{d("2025-01-01"), d("2025-12-31")}},
		{Period{d("2026-03-10"), d("2026-03-19")}, Period{d("2026-02-28"), d("2026-03-09")}},
		{Period{d("2025-11-01"), d("2026-02-28")}, Period{d("2025-07-01"), d("2025-10-31")}},
	}
	for _, c := range cases {
		if got := c.p.Previous(); got != c.want {
			t.Errorf("%v before = %v, want %v", c.p, got, c.want)
		}
	}
}

func TestNetworkEdges(t *testing.T) {
	s := fixture(t)
	r, err := Compute(context.Background(), s, Month(data.MustDate("2026-03-10")), WithNetwork())
	if err != nil {
		t.Fatal(err)
	}
	// O1: T1–V1; O2: T1–T2, T1–R1, T2–R1. S1 is a professional; O3 had no
	// target-group member (T2 was a volunteer by then).
	id := func(name string) int64 {
		t.Helper()
		people, err := s.ResearchPeople(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if p.Name == name {
				return p.ID
			}
		}
		t.Fatalf("nobody is called %s", name)
		return 0
	}
	pair := func(a, b string) Edge {
		x, y := id(a), id(b)
		return Edge{A: min(x, y), B: max(x, y), Occasions: 1}
	}
	want := []Edge{pair("T1", "V1"), pair("T1", "T2"), pair("T1", "R1"), pair("T2", "R1")}
	// In order of the first person, then the second (the workbook's order).
	order := func(a, b Edge) int { return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B)) }
	slices.SortFunc(want, order)
	if !slices.Equal(r.Current.Edges, want) {
		t.Errorf("edges = %+v, want %+v", r.Current.Edges, want)
	}
	plain, _ := Compute(context.Background(), s, Month(data.MustDate("2026-03-10")))
	if plain.Current.Edges != nil {
		t.Fatal("edges without asking")
	}
}
