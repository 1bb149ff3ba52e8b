package data

import (
	"context"
	"testing"
)

func TestMergePeopleMovesEverythingAndKeepsTheHigherRole(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dup := &Person{Name: "Mia H.", Phone: "20304050"}
	must(t, f.s.SavePerson(ctx, dup, &GroupPeriod{Group: GroupTarget, Start: MustDate("2025-06-01"), End: MustDate("2025-12-31"), CategoryIDs: []int64{1}}))
	both := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"), Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}, {PersonID: dup.ID, RoleID: f.host}}}
	must(t, f.s.SaveOccasion(ctx, both))
	only := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-11"), Participants: []Participation{{PersonID: dup.ID, RoleID: f.active}}}
	must(t, f.s.SaveOccasion(ctx, only))
	must(t, f.s.SaveConsent(ctx, &Consent{PersonID: dup.ID, Purpose: "research", GivenOn: MustDate("2026-01-01")}))
	must(t, f.s.SaveLogEntry(ctx, &LogEntry{Date: MustDate("2026-03-04"), Text: "x", PersonIDs: []int64{dup.ID, f.mia.ID}}))
	f.cafe.InitiatorID = dup.ID
	must(t, f.s.SaveActivity(ctx, f.cafe))

	merged, _ := f.s.Person(ctx, f.mia.ID)
	merged.Phone = dup.Phone
	must(t, f.s.MergePeople(ctx, merged, dup.ID))

	if _, err := f.s.Person(ctx, dup.ID); err != ErrNotFound {
		t.Fatal("the merged record is still there")
	}
	got, _ := f.s.Person(ctx, f.mia.ID)
	if got.Phone != "20304050" {
		t.Fatalf("chosen field not kept: %+v", got)
	}
	o, _ := f.s.Occasion(ctx, both.ID)
	if len(o.Participants) != 1 || o.Participants[0].RoleID != f.host {
		t.Fatalf("shared occasion = %+v (want one row, the host role)", o.Participants)
	}
	if n, _ := f.s.ParticipationCount(ctx, f.mia.ID); n != 2 {
		t.Fatalf("participations = %d", n)
	}
	ps, _ := f.s.GroupPeriods(ctx, f.mia.ID)
	if len(ps) != 2 {
		t.Fatalf("periods = %+v (the earlier, non-overlapping one moves)", ps)
	}
	if cs, _ := f.s.Consents(ctx, f.mia.ID); len(cs) != 1 {
		t.Fatalf("consents = %+v", cs)
	}
	if rows, _ := f.s.LogEntries(ctx, LogFilter{PersonID: f.mia.ID}); len(rows) != 1 {
		t.Fatal("logbook link lost")
	}
	if a, _ := f.s.Activity(ctx, f.cafe.ID); a.InitiatorID != f.mia.ID {
		t.Fatal("initiator not moved")
	}
	if r, _ := f.s.Check(ctx); !r.OK() {
		t.Fatalf("check after merge: %+v", r)
	}
	if err := f.s.MergePeople(ctx, got, got.ID); errCode(err) != "err.merge_same" {
		t.Fatalf("merging a person with itself: %v", err)
	}
}
