package data

import (
	"context"
	"testing"
)

// Finding 8: the retention review goes by last participation (or first
// contact for people who never took part), not by when the record was made:
// people imported today with an old history are up for review, and each
// line carries the date it went by.
func TestRetentionReviewByLastParticipation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old := Today().AddMonths(-30)
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: old,
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}}}))
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today().AddMonths(-1),
		Participants: []Participation{{PersonID: f.jonas.ID, RoleID: f.host}}}))
	never := &Person{Name: "Ib Aldrig", FirstContact: Today().AddMonths(-40)}
	must(t, f.s.SavePerson(ctx, never, &GroupPeriod{Group: GroupVolunteer, Start: Today().AddMonths(-40)}))
	fresh := &Person{Name: "Ny Nysted", FirstContact: Today().AddMonths(-2)}
	must(t, f.s.SavePerson(ctx, fresh, &GroupPeriod{Group: GroupVolunteer, Start: Today().AddMonths(-2)}))
	// Everyone was registered (imported) today; Karin has no first contact.
	rows, err := f.s.SearchPeople(ctx, PersonFilter{ReviewMonths: 24})
	must(t, err)
	got := map[int64]Date{}
	for _, r := range rows {
		got[r.ID] = r.LastActive
	}
	if len(got) != 2 || got[f.mia.ID] != old || got[never.ID] != never.FirstContact {
		t.Fatalf("review = %+v, want Mia (last seen %s) and Ib (first contact %s)", rows, old, never.FirstContact)
	}
}
