package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Finding 1: a form still showing a person a bulk erasure anonymised must
// not write the name and contact data back.
func TestSaveAfterBulkErasureLeavesPersonErased(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	shown, err := f.s.Person(ctx, f.mia.ID) // the form on the right
	must(t, err)
	must(t, f.s.EraseMany(ctx, []int64{f.mia.ID}))
	shown.Phone, shown.Email, shown.BirthYear = "20304050", "mia@eksempel.dk", 2001
	err = f.s.SavePerson(ctx, shown, nil)
	if !IsStale(err) {
		t.Fatalf("save of an erased person's old form: err = %v, want a stale refusal", err)
	}
	got, _ := f.s.Person(ctx, f.mia.ID)
	if !got.Anonymised || got.Name == "Mia" || got.Phone != "" || got.Email != "" || got.BirthYear != 0 {
		t.Fatalf("after the save: %+v", got)
	}
}

// Finding 4: two copies of one person; the older copy's save is refused and
// says which fields differ, and the newer phone stays.
func TestStaleSaveOfAPersonIsRefusedNamingTheField(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, _ := f.s.Person(ctx, f.mia.ID)
	b, _ := f.s.Person(ctx, f.mia.ID)
	b.Phone = "11223344"
	must(t, f.s.SavePerson(ctx, b, nil))
	a.Notes = "kom med sin mor"
	err := f.s.SavePerson(ctx, a, nil)
	if !errors.Is(err, ErrStale) {
		t.Fatalf("stale save: err = %v, want ErrStale", err)
	}
	if _, ok := FieldErrors(err)["phone"]; !ok {
		t.Fatalf("the refusal does not name the phone: %v", err)
	}
	if msg := Message(err, "da"); !strings.Contains(msg, "Telefon") {
		t.Fatalf("Danish message does not name the field: %q", msg)
	}
	got, _ := f.s.Person(ctx, f.mia.ID)
	if got.Phone != "11223344" || got.Notes != "" {
		t.Fatalf("stored = %+v", got)
	}
	// Reloaded, the save goes through.
	got.Notes = "kom med sin mor"
	must(t, f.s.SavePerson(ctx, got, nil))
}

// Every editable record refuses a stale save: activities, occasions,
// logbook entries and group periods.
func TestStaleSavesOfEveryRecordAreRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"), Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}}}
	must(t, f.s.SaveOccasion(ctx, o))
	e := &LogEntry{Date: MustDate("2026-03-04"), Text: "god dag"}
	must(t, f.s.SaveLogEntry(ctx, e))
	// Load two copies of each, save the first, then the second.
	a1, _ := f.s.Activity(ctx, f.cafe.ID)
	a2, _ := f.s.Activity(ctx, f.cafe.ID)
	a1.Place = "Salen"
	must(t, f.s.SaveActivity(ctx, a1))
	a2.Description = "kaffe"
	if err := f.s.SaveActivity(ctx, a2); !errors.Is(err, ErrStale) {
		t.Errorf("activity: err = %v", err)
	}
	o1, _ := f.s.Occasion(ctx, o.ID)
	o2, _ := f.s.Occasion(ctx, o.ID)
	o1.Notes = "regn"
	must(t, f.s.SaveOccasion(ctx, o1))
	o2.AnonymousGuests = 3
	if err := f.s.SaveOccasion(ctx, o2); !errors.Is(err, ErrStale) {
		t.Errorf("occasion: err = %v", err)
	}
	if got, _ := f.s.Occasion(ctx, o.ID); got.AnonymousGuests != 0 || got.Notes != "regn" {
		t.Errorf("occasion overwritten: %+v", got)
	}
	e1, _ := f.s.LogEntry(ctx, e.ID)
	e2, _ := f.s.LogEntry(ctx, e.ID)
	e1.Text = "god dag med sol"
	must(t, f.s.SaveLogEntry(ctx, e1))
	e2.Author = "Jonas"
	if err := f.s.SaveLogEntry(ctx, e2); !errors.Is(err, ErrStale) {
		t.Errorf("log entry: err = %v", err)
	}
	g1, _ := f.s.GroupPeriods(ctx, f.mia.ID)
	g2, _ := f.s.GroupPeriods(ctx, f.mia.ID)
	g1[0].Start = MustDate("2025-12-01")
	must(t, f.s.UpdateGroupPeriod(ctx, g1[0]))
	g2[0].End = MustDate("2026-12-01")
	if err := f.s.UpdateGroupPeriod(ctx, g2[0]); !errors.Is(err, ErrStale) {
		t.Errorf("group period: err = %v", err)
	}
}
