package data

import (
	"context"
	"strings"
	"testing"
)

func TestErasePersonKeepsCountsAndRemovesIdentity(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mia, err := f.s.Person(ctx, f.mia.ID)
	if err != nil {
		t.Fatal(err)
	}
	mia.Phone, mia.Email, mia.Notes, mia.BirthYear = "20304050", "mia@eksempel.dk", "bor hos sin mor", 2001
	must(t, f.s.SavePerson(ctx, mia, nil))
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"),
		Participants: []Participation{{PersonID: mia.ID, RoleID: f.active}, {PersonID: f.jonas.ID, RoleID: f.host}}}))
	must(t, f.s.SaveLogEntry(ctx, &LogEntry{Date: MustDate("2026-03-04"), Text: "god dag", PersonIDs: []int64{mia.ID}}))
	must(t, f.s.SaveConsent(ctx, &Consent{PersonID: mia.ID, Purpose: "research", GivenOn: MustDate("2026-01-01"), Method: "underskrift af Mia"}))
	must(t, f.s.ErasePerson(ctx, mia.ID))

	got, _ := f.s.Person(ctx, mia.ID)
	if !got.Anonymised || strings.Contains(got.Name, "Mia") || got.Phone != "" || got.Email != "" || got.Notes != "" || got.BirthYear != 0 {
		t.Fatalf("erased = %+v", got)
	}
	if n, _ := f.s.ParticipationCount(ctx, mia.ID); n != 1 {
		t.Fatalf("participations after erasure = %d", n)
	}
	if rows, _ := f.s.LogEntries(ctx, LogFilter{PersonID: mia.ID}); len(rows) != 0 {
		t.Fatal("still linked from the logbook")
	}
	cs, _ := f.s.Consents(ctx, mia.ID)
	if len(cs) != 1 || cs[0].Method != "" {
		t.Fatalf("consents = %+v", cs)
	}
	if rows, _ := f.s.SearchPeople(ctx, PersonFilter{Query: "anonym"}); len(rows) != 0 {
		t.Fatal("an erased person is listed")
	}
	log, _ := f.s.AuditLog(ctx, 10)
	if len(log) == 0 || log[0].Action != "erase_person" || strings.Contains(log[0].Details, "Mia") {
		t.Fatalf("audit = %+v", log)
	}
	must(t, f.s.DeletePersonCompletely(ctx, f.jonas.ID))
	o, _ := f.s.OccasionOn(ctx, f.cafe.ID, MustDate("2026-03-04"))
	if len(o.Participants) != 1 {
		t.Fatalf("participants after a full delete = %+v", o.Participants)
	}
}

func TestRetentionReviewAndBulkErase(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	// Back-date the people so they count as registered long ago.
	f.s.db.Exec(`UPDATE people SET created_at = '2020-01-01T00:00:00Z'`)
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today().AddMonths(-30),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}}}))
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today().AddMonths(-1),
		Participants: []Participation{{PersonID: f.jonas.ID, RoleID: f.host}}}))
	rows, err := f.s.SearchPeople(ctx, PersonFilter{ReviewMonths: 24})
	if err != nil || len(rows) != 2 { // Mia (last seen 30 months ago) and Karin (never)
		t.Fatalf("review = %+v, %v", rows, err)
	}
	ids := []int64{rows[0].ID, rows[1].ID}
	must(t, f.s.EraseMany(ctx, ids))
	if rows, _ := f.s.SearchPeople(ctx, PersonFilter{ReviewMonths: 24}); len(rows) != 0 {
		t.Fatalf("still up for review: %+v", rows)
	}
	if n, _ := f.s.ParticipationCount(ctx, f.mia.ID); n != 1 {
		t.Fatal("bulk erasure lost a participation")
	}
	if err := f.s.EraseMany(ctx, []int64{f.jonas.ID, 9999}); err == nil {
		t.Fatal("erased with an unknown id")
	}
	if p, _ := f.s.Person(ctx, f.jonas.ID); p.Anonymised {
		t.Fatal("a failed bulk erasure erased someone")
	}
}
