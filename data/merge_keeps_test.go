package data

import (
	"context"
	"testing"
)

// Finding 6: a merge of two records with overlapping group periods, a
// shared occasion with equal role levels and minutes drops nothing: the
// periods are combined (the coordinator's choice where they disagree), the
// minutes stay and the equal-level role is the one chosen.
func TestMergeWithOverlapsAndEqualRolesDropsNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	roles, _ := f.s.Roles(ctx)
	var initiator int64
	for _, r := range roles {
		if r.Code == "initiator" {
			initiator = r.ID // level 4, like host
		}
	}
	// Mia: target group from 2026-01-01 (open). Her duplicate: volunteer
	// from 2025-06-01, then target 2026-02-01 – 2026-04-30.
	dup := &Person{Name: "Mia H."}
	must(t, f.s.SavePerson(ctx, dup, &GroupPeriod{Group: GroupVolunteer, Start: MustDate("2025-06-01"), End: MustDate("2026-01-31")}))
	must(t, f.s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: dup.ID, Group: GroupTarget, Start: MustDate("2026-02-01"), End: MustDate("2026-04-30"), CategoryIDs: []int64{1}}))
	shared := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"), Participants: []Participation{
		{PersonID: f.mia.ID, RoleID: f.host}, {PersonID: dup.ID, RoleID: initiator, Minutes: 90}}}
	must(t, f.s.SaveOccasion(ctx, shared))
	early := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2025-09-03"), Participants: []Participation{{PersonID: dup.ID, RoleID: f.host}}}
	must(t, f.s.SaveOccasion(ctx, early))

	c, err := f.s.MergeConflicts(ctx, f.mia.ID, dup.ID)
	must(t, err)
	if len(c.Overlaps) != 1 || len(c.EqualRoles) != 1 || c.EqualRoles[0].OccasionID != shared.ID {
		t.Fatalf("conflicts = %+v", c)
	}
	merged, _ := f.s.Person(ctx, f.mia.ID)
	must(t, f.s.MergePeopleWith(ctx, merged, dup.ID, MergeOptions{
		PeriodsFromDrop: true, Roles: map[int64]int64{shared.ID: initiator}}))

	ps, _ := f.s.GroupPeriods(ctx, f.mia.ID)
	want := []struct {
		g          Group
		start, end string
	}{{GroupVolunteer, "2025-06-01", "2026-01-31"}, {GroupTarget, "2026-02-01", ""}}
	if len(ps) != len(want) {
		t.Fatalf("periods = %+v", ps)
	}
	for i, w := range want {
		if ps[i].Group != w.g || ps[i].Start.String() != w.start || (w.end == "") != ps[i].End.IsZero() || (w.end != "" && ps[i].End.String() != w.end) {
			t.Errorf("period %d = %+v, want %v", i, ps[i], w)
		}
	}
	o, _ := f.s.Occasion(ctx, shared.ID)
	if len(o.Participants) != 1 || o.Participants[0].RoleID != initiator || o.Participants[0].Minutes != 90 {
		t.Fatalf("shared occasion = %+v (want the chosen initiator role and the 90 minutes)", o.Participants)
	}
	groups, _ := f.s.GroupsOn(ctx, early.Date, []int64{f.mia.ID})
	if groups[f.mia.ID] != GroupVolunteer {
		t.Errorf("the early host participation counts as %q, want volunteer", groups[f.mia.ID])
	}
	if r, _ := f.s.Check(ctx); !r.OK() {
		t.Fatalf("check after merge: %+v", r)
	}
}
