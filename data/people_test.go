package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestPersonValidation(t *testing.T) {
	cases := []struct {
		name  string
		p     Person
		field string // "" means valid
	}{
		{"unicode name", Person{Name: "Søren O'Brien-Ærø Élise"}, ""},
		{"empty name", Person{Name: "   "}, "name"},
		{"10k name", Person{Name: strings.Repeat("a", 10000)}, "name"},
		{"control char", Person{Name: "Anna\x07"}, "name"},
		{"future birth year", Person{Name: "A", BirthYear: 3000}, "birth_year"},
		{"old birth year", Person{Name: "A", BirthYear: 1850}, "birth_year"},
		{"good phone", Person{Name: "A", Phone: "+45 12 34 56 78"}, ""},
		{"short phone", Person{Name: "A", Phone: "1234"}, "phone"},
		{"letters phone", Person{Name: "A", Phone: "12345678x"}, "phone"},
		{"good email", Person{Name: "A", Email: "anna.b@kultur.dk"}, ""},
		{"no at", Person{Name: "A", Email: "anna.kultur.dk"}, "email"},
		{"no dot", Person{Name: "A", Email: "anna@localhost"}, "email"},
		{"display name", Person{Name: "A", Email: "Anna <a@b.dk>"}, "email"},
		{"bad gender", Person{Name: "A", Gender: "x"}, "gender"},
		{"bad channel", Person{Name: "A", EntryChannel: "tv"}, "entry_channel"},
		{"future contact", Person{Name: "A", FirstContact: Today().AddDays(3)}, "first_contact"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			p.normalize()
			err := p.Validate()
			fields := FieldErrors(err)
			if c.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if _, ok := fields[c.field]; !ok {
				t.Fatalf("want an error on %s, got %v", c.field, err)
			}
		})
	}
}

func TestSavePersonRefusesInvalidAndStoresNothing(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	err := s.SavePerson(ctx, &Person{Name: "Bo", Email: "bo@"}, &GroupPeriod{Group: GroupVolunteer, Start: Today()})
	if FieldErrors(err)["email"] == nil {
		t.Fatalf("want email error, got %v", err)
	}
	if got := Message(err, "da"); !strings.Contains(got, "E-mail: er ikke en gyldig e-mailadresse") {
		t.Fatalf("Danish message = %q", got)
	}
	// A bad first group rolls back the person too.
	err = s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: GroupTarget, Start: Today()})
	if FieldErrors(err)["categories"] == nil {
		t.Fatalf("want categories error, got %v", err)
	}
	err = s.SavePerson(ctx, &Person{Name: "Bo"}, &GroupPeriod{Group: GroupTarget, Start: Today(), CategoryIDs: []int64{999}})
	if FieldErrors(err)["categories"] == nil {
		t.Fatalf("want unknown category error, got %v", err)
	}
	rows, _ := s.SearchPeople(ctx, PersonFilter{})
	if len(rows) != 0 {
		t.Fatalf("half-written person: %+v", rows)
	}
}

func TestGroupPeriodsMoveAndRefuseOverlap(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	p := &Person{Name: "Kasper"}
	jan := MustDate("2026-01-01")
	if err := s.SavePerson(ctx, p, &GroupPeriod{Group: GroupTarget, Start: jan, CategoryIDs: []int64{1, 3}}); err != nil {
		t.Fatal(err)
	}
	jun := MustDate("2026-06-01")
	if err := s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: p.ID, Group: GroupVolunteer, Start: jun}); err != nil {
		t.Fatal(err)
	}
	ps, err := s.GroupPeriods(ctx, p.ID)
	if err != nil || len(ps) != 2 {
		t.Fatalf("periods = %v, %v", ps, err)
	}
	if ps[0].End != MustDate("2026-05-31") || len(ps[0].CategoryIDs) != 2 || !ps[1].End.IsZero() {
		t.Fatalf("first period not closed the day before: %+v %+v", ps[0], ps[1])
	}
	on := func(d string) Group {
		m, err := s.GroupsOn(ctx, MustDate(d), []int64{p.ID})
		if err != nil {
			t.Fatal(err)
		}
		return m[p.ID]
	}
	if on("2026-05-31") != GroupTarget || on("2026-06-01") != GroupVolunteer || on("2025-12-31") != GroupUnknown {
		t.Fatal("GroupsOn gives the wrong group around the change")
	}
	err = s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: p.ID, Group: GroupResourceful, Start: MustDate("2026-03-01"), End: MustDate("2026-03-31")})
	if errCode(err) != "err.period_overlap" {
		t.Fatalf("overlap: %v", err)
	}
	if err := s.CloseGroupPeriod(ctx, ps[1].ID, MustDate("2026-05-01")); FieldErrors(err)["end"] == nil {
		t.Fatalf("closing before start: %v", err)
	}
}

func TestSearchPeopleMatchesFoldedNamesPhoneEmail(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for _, p := range []*Person{
		{Name: "Åse Sørensen", Phone: "20 30 40 50"},
		{Name: "Aase Hansen", Email: "aase@net.dk"},
		{Name: "René Müller"},
		{Name: "Bo 100%_sikker"},
	} {
		if err := s.SavePerson(ctx, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	cases := map[string]int{"åse": 2, "aase": 2, "sorensen": 1, "2030": 1, "net.dk": 1, "rene": 1, "muller": 0, "mueller": 1, "100%": 1, "%": 4, "_": 4, "": 4, "åse hansen": 1}
	for q, want := range cases {
		rows, err := s.SearchPeople(ctx, PersonFilter{Query: q})
		if err != nil || len(rows) != want {
			t.Errorf("search %q = %d rows (%v), want %d", q, len(rows), err, want)
		}
	}
}

func TestLikelyDuplicates(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	anna := &Person{Name: "Anna Kristensen"}
	s.SavePerson(ctx, anna, nil)
	s.SavePerson(ctx, &Person{Name: "Jens Hansen"}, nil)
	for _, q := range []string{"anna kristensen", "Kristensen Anna", "Ánna Kristensen", "Anna Kristensn", "  ANNA   KRISTENSEN "} {
		got, err := s.LikelyDuplicates(ctx, q, 0)
		if err != nil || len(got) != 1 || got[0].ID != anna.ID {
			t.Errorf("duplicates of %q = %+v, %v", q, got, err)
		}
	}
	if got, _ := s.LikelyDuplicates(ctx, "Anna Kristensen", anna.ID); len(got) != 0 {
		t.Errorf("the person itself is listed: %+v", got)
	}
	if got, _ := s.LikelyDuplicates(ctx, "Hans Jensen", 0); len(got) != 0 {
		t.Errorf("different names matched: %+v", got)
	}
	if !SimilarNames("Åge Ørsted", "Aage Oersted") {
		t.Error("aa/å and oe/ø should fold together")
	}
}

func TestDeletePersonRefusedWithParticipations(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	anna := &Person{Name: "Anna"}
	bo := &Person{Name: "Bo"}
	s.SavePerson(ctx, anna, nil)
	s.SavePerson(ctx, bo, nil)
	act := &Activity{Name: "Café", Kind: "recurring", Status: "active"}
	if err := s.SaveActivity(ctx, act); err != nil {
		t.Fatal(err)
	}
	o := &Occasion{ActivityID: act.ID, Date: MustDate("2026-11-02"), Participants: []Participation{{PersonID: anna.ID, RoleID: 3}}}
	if err := s.SaveOccasion(ctx, o); err != nil {
		t.Fatal(err)
	}
	err := s.DeletePerson(ctx, anna.ID)
	if errCode(err) != "err.person_has_participations" || !strings.Contains(Message(err, "da"), "Anna har 1 deltagelse ") {
		t.Fatalf("delete anna: %v", err)
	}
	if err := s.DeletePerson(ctx, bo.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Person(ctx, bo.ID); err != ErrNotFound {
		t.Fatalf("bo still there: %v", err)
	}
	if err := s.DeleteActivity(ctx, act.ID); errCode(err) != "err.activity_has_occasions" {
		t.Fatalf("delete activity: %v", err)
	}
}

func TestDuplicateFinderMatchesLikeSimilarNames(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for _, n := range []string{"Anna Kristensen", "Jens Hansen", "Åge Ørsted"} {
		if err := s.SavePerson(ctx, &Person{Name: n}, nil); err != nil {
			t.Fatal(err)
		}
	}
	f, err := s.NewDuplicateFinder(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"kristensen anna": 1, "Anna Kristensn": 1, "Aage Oersted": 1, "Hans Jensen": 0, "Jens": 0} {
		if got := f.Find(name, 0); len(got) != want {
			t.Errorf("Find(%q) = %v, want %d", name, got, want)
		}
	}
}

func TestDeleteMistakenPeriodAndConsent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ps, _ := f.s.GroupPeriods(ctx, f.jonas.ID)
	must(t, f.s.DeleteGroupPeriod(ctx, ps[0].ID))
	if ps, _ := f.s.GroupPeriods(ctx, f.jonas.ID); len(ps) != 0 {
		t.Fatalf("periods left: %+v", ps)
	}
	c := &Consent{PersonID: f.jonas.ID, Purpose: "photos", GivenOn: MustDate("2026-01-01")}
	must(t, f.s.SaveConsent(ctx, c))
	must(t, f.s.DeleteConsent(ctx, c.ID))
	if err := f.s.DeleteConsent(ctx, c.ID); err != ErrNotFound {
		t.Fatalf("second delete: %v", err)
	}
}

func TestNamesSortTheDanishWay(t *testing.T) {
	names := []string{"Åse Holm", "Ærø Jensen", "Østergaard", "Aagaard", "anna", "Zacho", "Émile", "ebbe", "Bo", "Ålbæk", "Øjvind", "Ulla", "Yrsa"}
	rows := make([]PersonRow, len(names))
	for i, n := range names {
		rows[i] = PersonRow{ID: int64(i), Name: n}
	}
	sortByName(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Name)
	}
	want := "anna, Bo, ebbe, Émile, Ulla, Yrsa, Zacho, Ærø Jensen, Øjvind, Østergaard, Aagaard, Ålbæk, Åse Holm"
	if strings.Join(got, ", ") != want {
		t.Fatalf("order\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
}

// A search with a limit (a picker, the registration) returns the names
// with a word starting with the letters first, not the alphabetically
// first of everyone who merely contains them.
func TestLimitedSearchPrefersNamesStartingWithTheLetters(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		if err := s.SavePerson(ctx, &Person{Name: fmt.Sprintf("Hanne Nr%d", i)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SavePerson(ctx, &Person{Name: "Peter Anneberg"}, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := s.SearchPeople(ctx, PersonFilter{Query: "ann", Limit: 3})
	if err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	found := false
	for _, r := range rows {
		found = found || r.Name == "Peter Anneberg"
	}
	if !found {
		t.Errorf("the limited search left out the name with a word starting with 'ann': %+v", rows)
	}
}
