package data

import (
	"context"
	"testing"
)

// registeredToday saves a target-group person the way the person form does
// for a newcomer: first contact today, first period from today.
func registeredToday(t *testing.T, s *Store, name string, today Date) *Person {
	t.Helper()
	p := &Person{Name: name, FirstContact: today}
	must(t, s.SavePerson(context.Background(), p, &GroupPeriod{Group: GroupTarget, Start: today, CategoryIDs: []int64{1}}))
	return p
}

// Last week's occasion, recorded today for people registered today, counts
// them in the group they were registered with, not under "unknown".
func TestHistoryRecordedLaterCountsInTheFirstGroup(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	today, lastWeek := MustDate("2026-11-24"), MustDate("2026-11-17")
	ann, bo := registeredToday(t, f.s, "Ann", today), registeredToday(t, f.s, "Bo", today)
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: lastWeek,
		Participants: []Participation{{PersonID: ann.ID, RoleID: f.active}, {PersonID: bo.ID, RoleID: f.active}}}))
	groups, err := f.s.GroupsOn(ctx, lastWeek, []int64{ann.ID, bo.ID})
	if err != nil || groups[ann.ID] != GroupTarget || groups[bo.ID] != GroupTarget {
		t.Fatalf("groups last week = %v, %v; want both in the target group", groups, err)
	}
	if p, _ := f.s.Person(ctx, ann.ID); p.FirstContact != lastWeek {
		t.Fatalf("first contact = %s, want %s (she came then)", p.FirstContact, lastWeek)
	}
	if n, _, _ := f.s.EarlyParticipations(ctx); n != 0 {
		t.Fatalf("%d people with participations before their first group", n)
	}
}

// A first period that starts after a first contact on or before the
// occasion was set on purpose: it is not moved, and the repair leaves it
// alone too. A file written before first periods followed history (a
// first contact and first period after the participations) is repaired.
func TestFirstPeriodSetOnPurposeStaysAndOldFilesAreRepaired(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p := &Person{Name: "Cille", FirstContact: MustDate("2026-01-01")}
	must(t, f.s.SavePerson(ctx, p, &GroupPeriod{Group: GroupVolunteer, Start: MustDate("2026-06-01")}))
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"),
		Participants: []Participation{{PersonID: p.ID, RoleID: f.active}}}))
	if g, _ := f.s.GroupPeriods(ctx, p.ID); g[0].Start != MustDate("2026-06-01") {
		t.Fatalf("period moved by itself to %s", g[0].Start)
	}
	if people, _, _ := f.s.EarlyParticipations(ctx); people != 0 {
		t.Fatal("a period set on purpose is offered for repair")
	}
	old := oldFilePerson(t, f, "Dina", MustDate("2026-02-04"), MustDate("2026-03-04"))
	people, parts, err := f.s.EarlyParticipations(ctx)
	if err != nil || people != 1 || parts != 2 {
		t.Fatalf("early = %d people, %d participations, %v; want 1, 2", people, parts, err)
	}
	people, parts, err = f.s.RepairEarlyParticipations(ctx)
	if err != nil || people != 1 || parts != 2 {
		t.Fatalf("repaired %d people, %d participations, %v", people, parts, err)
	}
	if g, _ := f.s.GroupPeriods(ctx, old.ID); g[0].Start != MustDate("2026-02-04") {
		t.Fatalf("repaired period starts %s, want 2026-02-04", g[0].Start)
	}
	if q, _ := f.s.Person(ctx, old.ID); q.FirstContact != MustDate("2026-02-04") {
		t.Fatalf("repaired first contact %s", q.FirstContact)
	}
	if people, _, _ := f.s.EarlyParticipations(ctx); people != 0 {
		t.Fatal("early participations left after the repair")
	}
	if n := auditCount(t, f.s, "repair_first_periods"); n != 1 {
		t.Fatalf("repair logged %d times", n)
	}
}

// oldFilePerson makes what a file written before first periods followed
// history holds: someone who took part on the days, whose first contact
// and first period were later set to the day they were registered.
func oldFilePerson(t *testing.T, f *fixture, name string, days ...Date) *Person {
	t.Helper()
	ctx := context.Background()
	p := registeredToday(t, f.s, name, MustDate("2026-06-01"))
	for _, d := range days {
		must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: d, StartTime: "19:00",
			Participants: []Participation{{PersonID: p.ID, RoleID: f.active}}}))
	}
	_, err := f.s.db.Exec(`UPDATE people SET first_contact = '2026-06-01' WHERE id = ?`, p.ID)
	must(t, err)
	_, err = f.s.db.Exec(`UPDATE group_periods SET start_date = '2026-06-01' WHERE person_id = ?`, p.ID)
	must(t, err)
	return p
}

func auditCount(t *testing.T, s *Store, action string) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = ?`, action).Scan(&n))
	return n
}

// Correcting the first contact corrects the first period that started on
// it; a later first contact that would orphan a participation is refused.
func TestFirstContactMovesTheFirstPeriod(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p := registeredToday(t, f.s, "Dorte", MustDate("2026-11-24"))
	p.FirstContact = MustDate("2026-09-01")
	must(t, f.s.SavePerson(ctx, p, nil))
	if g, _ := f.s.GroupPeriods(ctx, p.ID); g[0].Start != MustDate("2026-09-01") {
		t.Fatalf("first period starts %s, want the new first contact", g[0].Start)
	}
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-10-01"),
		Participants: []Participation{{PersonID: p.ID, RoleID: f.active}}}))
	p.FirstContact = MustDate("2026-10-15")
	err := f.s.SavePerson(ctx, p, nil)
	if errCode(err) != "err.first_contact_after_participation" || FieldErrors(err)["first_contact"] == nil {
		t.Fatalf("later first contact: err = %v; want it refused at the field", err)
	}
	if g, _ := f.s.GroupPeriods(ctx, p.ID); g[0].Start != MustDate("2026-09-01") {
		t.Fatalf("refused change moved the period to %s", g[0].Start)
	}
}

// A period's dates can be edited, but not so that a participation it
// covered falls outside every period.
func TestEditingAPeriodCannotOrphanParticipations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}}}))
	g, _ := f.s.GroupPeriods(ctx, f.mia.ID)
	g[0].Start = MustDate("2026-02-01")
	must(t, f.s.UpdateGroupPeriod(ctx, g[0]))
	g[0].Start = MustDate("2026-04-01")
	if err := f.s.UpdateGroupPeriod(ctx, g[0]); errCode(err) != "err.period_orphans" {
		t.Fatalf("orphaning start: err = %v", err)
	}
	if got, _ := f.s.GroupPeriods(ctx, f.mia.ID); got[0].Start != MustDate("2026-02-01") {
		t.Fatalf("refused edit left start %s", got[0].Start)
	}
}

// Editing a recorded occasion's date moves it, with everyone on it; moving
// it onto a day the activity already has is refused.
func TestMovingARecordedOccasion(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-11-24"),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}, {PersonID: f.jonas.ID, RoleID: f.host}}}
	must(t, f.s.SaveOccasion(ctx, o))
	other := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-11-18")}
	must(t, f.s.SaveOccasion(ctx, other))
	o.Date = MustDate("2026-11-25")
	must(t, f.s.SaveOccasion(ctx, o))
	rows, _ := f.s.Occasions(ctx, f.cafe.ID, Date{}, Date{})
	if len(rows) != 2 || rows[0].Date != MustDate("2026-11-25") || rows[0].Participants != 2 {
		t.Fatalf("occasions after the move = %+v", rows)
	}
	o.Date = MustDate("2026-11-18")
	if err := f.s.SaveOccasion(ctx, o); errCode(err) != "err.occasion_exists" || FieldErrors(err)["date"] == nil {
		t.Fatalf("move onto a recorded day: err = %v", err)
	}
	if got, _ := f.s.Occasion(ctx, o.ID); got.Date != MustDate("2026-11-25") {
		t.Fatalf("refused move left the occasion on %s", got.Date)
	}
}
