package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestBadInputIsRefusedAndChangesNothing tries more than a hundred bad
// values across every form of the store: each must give a Samspil error
// (translatable) that names the field at fault, and leave every column of
// every table as it was.
func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.s
	type attempt struct {
		name  string
		field string // the form field the message must name ("" for an action)
		do    func() error
	}
	var cases []attempt
	badText := map[string]string{
		"empty": "", "spaces": "   ", "10k": strings.Repeat("x", 10000), "bell": "Anna\a", "nul": "An\x00na",
		"escape": "\x1b[31mAnna", "invalid utf8": "An\xffna",
	}
	for label, v := range badText {
		v := v
		cases = append(cases,
			attempt{"person name " + label, "name", func() error { return s.SavePerson(ctx, &Person{Name: v}, nil) }},
			attempt{"activity name " + label, "name", func() error {
				return s.SaveActivity(ctx, &Activity{Name: v, Kind: "recurring", Status: "active"})
			}},
			attempt{"category name " + label, "name_da", func() error { return s.SaveCategory(ctx, &Category{CatalogItem{NameDA: v}}) }},
		)
	}
	for _, e := range []string{"anna", "anna@", "@eksempel.dk", "anna@eksempel", "anna@@eksempel.dk", "Anna <a@b.dk>", "a b@c.dk", "anna@eksempel.dk.", "a,b@c.dk", "a;b@c.dk"} {
		e := e
		cases = append(cases, attempt{"email " + e, "email", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", Email: e}, nil) }})
	}
	for _, p := range []string{"123", "abc", "12345678x", "++4512345678", "1234567890123456", "20 30 40 50 ext 2", "½12345678"} {
		p := p
		cases = append(cases, attempt{"phone " + p, "phone", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", Phone: p}, nil) }})
	}
	for _, y := range []int{-1, 1, 1899, time.Now().Year() + 1, 3000, 99999} {
		y := y
		cases = append(cases, attempt{fmt.Sprint("birth year ", y), "birth_year", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", BirthYear: y}, nil) }})
	}
	// Each typed date that names no real day is refused by the form's
	// parser, and the day it would have been is refused by the store too.
	for _, d := range []struct {
		typed string
		day   Date
	}{
		{"31-02-2026", Date{2026, 2, 31}}, {"29-02-2025", Date{2025, 2, 29}}, {"2026-13-01", Date{2026, 13, 1}},
		{"00-01-2026", Date{2026, 1, 0}}, {"32-01-2026", Date{2026, 1, 32}}, {"1-1-26", Date{26, 1, 1}},
		{"2026/02/30", Date{2026, 2, 30}}, {"abc", Date{0, 0, -1}}, {"01-01-1800", Date{1800, 1, 1}},
	} {
		if day, err := ParseDate(d.typed); err == nil {
			t.Errorf("date %q: parsed as %v", d.typed, day)
		}
		cases = append(cases, attempt{"occasion on " + d.typed, "date", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: d.day})
		}})
	}
	future := Today().AddDays(10)
	cases = append(cases,
		attempt{"first contact in the future", "first_contact", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", FirstContact: future}, nil) }},
		attempt{"bad gender", "gender", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", Gender: "m"}, nil) }},
		attempt{"bad entry channel", "entry_channel", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", EntryChannel: "tv"}, nil) }},
		attempt{"invited by nobody", "invited_by", func() error { return s.SavePerson(ctx, &Person{Name: "Bo", InvitedBy: 9999}, nil) }},
		attempt{"target group without category", "categories", func() error {
			return s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: GroupTarget, Start: Today()})
		}},
		attempt{"unknown group", "group", func() error {
			return s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: "alien", Start: Today()})
		}},
		attempt{"period without start", "start", func() error { return s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: GroupVolunteer}) }},
		attempt{"period ends before start", "end", func() error {
			return s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: f.jonas.ID, Group: GroupResourceful, Start: MustDate("2026-05-01"), End: MustDate("2026-04-01")})
		}},
		attempt{"overlapping period", "start", func() error {
			return s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: f.jonas.ID, Group: GroupResourceful, Start: MustDate("2025-01-01"), End: MustDate("2026-02-01")})
		}},
		attempt{"staff kind for a volunteer", "staff_kind", func() error {
			return s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: f.jonas.ID, Group: GroupVolunteer, StaffKind: "care", Start: Today()})
		}},
		attempt{"categories for a volunteer", "categories", func() error {
			return s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: f.jonas.ID, Group: GroupVolunteer, Start: Today(), CategoryIDs: []int64{1}})
		}},
		attempt{"unknown category", "categories", func() error {
			return s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: GroupTarget, Start: Today(), CategoryIDs: []int64{999}})
		}},
		attempt{"activity kind", "kind", func() error { return s.SaveActivity(ctx, &Activity{Name: "X", Kind: "party", Status: "active"}) }},
		attempt{"activity status", "status", func() error { return s.SaveActivity(ctx, &Activity{Name: "X", Kind: "event", Status: "done"}) }},
		attempt{"activity ends before start", "end", func() error {
			return s.SaveActivity(ctx, &Activity{Name: "X", Kind: "event", Status: "idea", Start: MustDate("2026-05-01"), End: MustDate("2026-04-01")})
		}},
		attempt{"activity initiator unknown", "initiator", func() error {
			return s.SaveActivity(ctx, &Activity{Name: "X", Kind: "event", Status: "idea", InitiatorID: 4242})
		}},
		attempt{"occasion without activity", "activity", func() error { return s.SaveOccasion(ctx, &Occasion{Date: Today()}) }},
		attempt{"occasion unknown activity", "activity", func() error { return s.SaveOccasion(ctx, &Occasion{ActivityID: 77, Date: Today()}) }},
		attempt{"occasion negative guests", "anonymous_guests", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today(), AnonymousGuests: -5})
		}},
		attempt{"occasion a million guests", "anonymous_guests", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today(), AnonymousGuests: 1000000})
		}},
		attempt{"occasion unknown person", "participants", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today(), Participants: []Participation{{PersonID: 5555, RoleID: 1}}})
		}},
		attempt{"occasion unknown role", "participants", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today(), Participants: []Participation{{PersonID: f.mia.ID, RoleID: 99}}})
		}},
		attempt{"occasion minutes", "minutes", func() error {
			return s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: Today(), Participants: []Participation{{PersonID: f.mia.ID, RoleID: 1, Minutes: 5000}}})
		}},
		attempt{"consent purpose", "purpose", func() error {
			return s.SaveConsent(ctx, &Consent{PersonID: f.mia.ID, Purpose: "marketing", GivenOn: Today()})
		}},
		attempt{"consent without date", "given_on", func() error { return s.SaveConsent(ctx, &Consent{PersonID: f.mia.ID, Purpose: "research"}) }},
		attempt{"consent in the future", "given_on", func() error {
			return s.SaveConsent(ctx, &Consent{PersonID: f.mia.ID, Purpose: "research", GivenOn: future})
		}},
		attempt{"consent withdrawn before given", "withdrawn_on", func() error {
			return s.SaveConsent(ctx, &Consent{PersonID: f.mia.ID, Purpose: "research", GivenOn: MustDate("2026-02-01"), WithdrawnOn: MustDate("2026-01-01")})
		}},
		attempt{"consent for nobody", "person", func() error {
			return s.SaveConsent(ctx, &Consent{PersonID: 888, Purpose: "research", GivenOn: Today()})
		}},
		attempt{"path kind", "kind", func() error { return s.SavePath(ctx, &Path{PersonID: f.mia.ID, Date: Today(), Kind: "prison"}) }},
		attempt{"path without date", "date", func() error { return s.SavePath(ctx, &Path{PersonID: f.mia.ID, Kind: "job"}) }},
		attempt{"path for nobody", "person", func() error { return s.SavePath(ctx, &Path{PersonID: 888, Date: Today(), Kind: "job"}) }},
		attempt{"log without text or theme", "text", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: Today()}) }},
		attempt{"log in the future", "date", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: future, Text: "x"}) }},
		attempt{"log unknown person", "people", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: Today(), Text: "x", PersonIDs: []int64{777}}) }},
		attempt{"log unknown theme", "themes", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: Today(), Text: "x", ThemeIDs: []int64{777}}) }},
		attempt{"log unknown activity", "activity", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: Today(), Text: "x", ActivityID: 777}) }},
		attempt{"log unknown occasion", "occasion", func() error { return s.SaveLogEntry(ctx, &LogEntry{Date: Today(), Text: "x", OccasionID: 777}) }},
		attempt{"threshold 0", "balance_threshold", func() error { st, _ := s.Settings(ctx); st.BalanceThreshold = 0; return s.SaveSettings(ctx, st) }},
		attempt{"threshold 1", "balance_threshold", func() error { st, _ := s.Settings(ctx); st.BalanceThreshold = 1; return s.SaveSettings(ctx, st) }},
		attempt{"threshold negative", "balance_threshold", func() error { st, _ := s.Settings(ctx); st.BalanceThreshold = -0.2; return s.SaveSettings(ctx, st) }},
		attempt{"retention 0", "retention_months", func() error { st, _ := s.Settings(ctx); st.RetentionMonths = 0; return s.SaveSettings(ctx, st) }},
		attempt{"backups 0", "backups_kept", func() error { st, _ := s.Settings(ctx); st.BackupsKept = 0; return s.SaveSettings(ctx, st) }},
		attempt{"consent policy", "no_consent_policy", func() error { st, _ := s.Settings(ctx); st.NoConsentPolicy = "publish"; return s.SaveSettings(ctx, st) }},
		attempt{"partnership 10k", "partnership", func() error {
			st, _ := s.Settings(ctx)
			st.Partnership = strings.Repeat("p", 10000)
			return s.SaveSettings(ctx, st)
		}},
		attempt{"target size year", "year", func() error { return s.SetTargetSize(ctx, 1066, 10) }},
		attempt{"target size negative", "size", func() error { return s.SetTargetSize(ctx, 2026, -3) }},
		attempt{"role level", "level", func() error { return s.SaveRole(ctx, &Role{CatalogItem: CatalogItem{NameDA: "Boss"}, Level: 10}) }},
		attempt{"duplicate role code", "code", func() error {
			return s.SaveRole(ctx, &Role{CatalogItem: CatalogItem{NameDA: "Vært", Code: "host"}, Level: 4})
		}},
		attempt{"theme kind", "kind", func() error { return s.SaveTheme(ctx, &Theme{CatalogItem: CatalogItem{NameDA: "X"}, Kind: "neutral"}) }},
		attempt{"category code symbols", "code", func() error { return s.SaveCategory(ctx, &Category{CatalogItem{NameDA: "X", Code: "Bad Code!"}}) }},
		attempt{"delete used role", "", func() error { return s.DeleteRole(ctx, f.host) }},
		attempt{"delete person with participations", "", func() error { return s.DeletePerson(ctx, f.mia.ID) }},
		attempt{"delete activity with occasions", "", func() error { return s.DeleteActivity(ctx, f.cafe.ID) }},
		attempt{"delete unknown person", "", func() error { return s.DeletePerson(ctx, 4040) }},
		attempt{"merge with itself", "", func() error { p, _ := s.Person(ctx, f.mia.ID); return s.MergePeople(ctx, p, f.mia.ID) }},
		attempt{"erase unknown", "person", func() error { return s.ErasePerson(ctx, 4040) }},
	)
	// Something to refuse deleting: a role, a person and an activity in use.
	must(t, s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-01-05"),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.host}}}))
	if len(cases) < 100 {
		t.Fatalf("only %d bad inputs", len(cases))
	}
	for _, c := range cases {
		before := snapshotDB(t, s)
		err := c.do()
		var e *Error
		switch {
		case err == nil:
			t.Errorf("%s: accepted", c.name)
		case !errors.As(err, &e):
			t.Errorf("%s: not a Samspil error: %v", c.name, err)
		default:
			if _, named := FieldErrors(err)[c.field]; !named {
				t.Errorf("%s: the message does not name %q: %v", c.name, c.field, err)
			}
		}
		if snapshotDB(t, s) != before {
			t.Errorf("%s: the database changed", c.name)
		}
	}
	t.Logf("%d bad inputs refused with a message, database unchanged", len(cases))
}
