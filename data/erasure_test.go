package data

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// marianne is registered with contact data, takes part once and is named
// in three logbook notes (one of them unlinked), an occasion's notes and a
// consent's method.
type marianneCase struct {
	f     *fixture
	id    int64
	parts []string // every value that must leave the file
	entry int64
}

func newMarianne(t *testing.T) *marianneCase {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	p := &Person{Name: "Marianne Kjærsgaard", Phone: "51234567", Email: "mk@postkasse.dk", Notes: "bor på Toftevej"}
	must(t, f.s.SavePerson(ctx, p, &GroupPeriod{Group: GroupTarget, Start: MustDate("2026-01-01"), CategoryIDs: []int64{1}}))
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"), Notes: "Kjærsgaard kom sent",
		Participants: []Participation{{PersonID: p.ID, RoleID: f.active}, {PersonID: f.jonas.ID, RoleID: f.host}}}
	must(t, f.s.SaveOccasion(ctx, o))
	e := &LogEntry{Date: MustDate("2026-03-04"), Text: "Marianne havde brug for lidt ro", PersonIDs: []int64{p.ID}}
	must(t, f.s.SaveLogEntry(ctx, e))
	must(t, f.s.SaveLogEntry(ctx, &LogEntry{Date: MustDate("2026-03-05"), Text: "Mariannes mor ringede; MARIANNE kommer igen"}))
	must(t, f.s.SaveLogEntry(ctx, &LogEntry{Date: MustDate("2026-03-06"), Text: "Jonas og Marianne Kjærsgaard bagte"}))
	must(t, f.s.SaveConsent(ctx, &Consent{PersonID: p.ID, Purpose: "research", GivenOn: MustDate("2026-01-01"), Method: "mundtligt"}))
	return &marianneCase{f: f, id: p.ID, entry: e.ID,
		parts: []string{"Marianne", "marianne", "MARIANNE", "Kjærsgaard", "kjaersgaard", "51234567", "mk@postkasse.dk", "Toftevej"}}
}

// assertNotInFiles fails for each part found in the raw bytes of the
// database and its write-ahead log.
func assertNotInFiles(t *testing.T, path string, parts []string) {
	t.Helper()
	for _, file := range []string{path, path + "-wal"} {
		raw, err := os.ReadFile(file)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if bytes.Contains(raw, []byte(p)) {
				t.Errorf("%s still holds %q", filepath.Base(file), p)
			}
		}
	}
}

// Findings 2 and 7: after erasure no name part, phone or e-mail is in any
// free text, nor in the raw bytes of the database or its WAL — open or
// closed.
func TestErasureLeavesNoNamePartInTheFile(t *testing.T) {
	for _, kind := range []string{"anonymise", "delete"} {
		t.Run(kind, func(t *testing.T) {
			m := newMarianne(t)
			ctx := context.Background()
			s := m.f.s
			if kind == "anonymise" {
				must(t, s.EraseMany(ctx, []int64{m.id}))
			} else {
				must(t, s.DeletePersonCompletely(ctx, m.id))
			}
			rows, err := s.LogEntries(ctx, LogFilter{})
			must(t, err)
			for _, r := range rows {
				for _, p := range m.parts {
					if strings.Contains(r.Text, p) {
						t.Errorf("logbook text %q still names %q", r.Text, p)
					}
				}
			}
			assertNotInFiles(t, s.Path(), m.parts)
			must(t, s.Close())
			assertNotInFiles(t, s.Path(), m.parts)
			var n int
			s2, err := Open(s.Path())
			must(t, err)
			defer s2.Close()
			must(t, s2.db.QueryRow(`SELECT count(*) FROM erasures WHERE person_id = ? AND kind = ?`, m.id, kind).Scan(&n))
			if n != 1 {
				t.Errorf("erasure register holds %d entries for the person", n)
			}
		})
	}
}

// A first name shared with someone still registered leaves only the texts
// tied to the erased person; the other Marianne's notes keep her name.
func TestErasureOfASharedFirstNameSparesTheOtherPerson(t *testing.T) {
	m := newMarianne(t)
	ctx := context.Background()
	other := &Person{Name: "Marianne Holm"}
	must(t, m.f.s.SavePerson(ctx, other, &GroupPeriod{Group: GroupVolunteer, Start: MustDate("2026-01-01")}))
	e := &LogEntry{Date: MustDate("2026-03-07"), Text: "Marianne Holm tog over", PersonIDs: []int64{other.ID}}
	must(t, m.f.s.SaveLogEntry(ctx, e))
	must(t, m.f.s.ErasePerson(ctx, m.id))
	got, _ := m.f.s.LogEntry(ctx, e.ID)
	if got.Text != "Marianne Holm tog over" {
		t.Errorf("the other Marianne's entry became %q", got.Text)
	}
	linked, _ := m.f.s.LogEntry(ctx, m.entry)
	if strings.Contains(linked.Text, "Marianne") {
		t.Errorf("the erased person's own entry still names her: %q", linked.Text)
	}
}
