package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"samspil/data"
)

// twoHostsOneShift is the window's café occasion of 18-11 (Mia and Jonas)
// opened on Registrering, then changed by another coordinator through
// other: Jonas unticked. It returns the screen and the occasion's id.
func twoHostsOneShift(t *testing.T, u *UI, other *data.Store) (*recordScreen, int64) {
	t.Helper()
	cafe, _, jonas, _ := regularsFixture(t, u)
	r := openRecord(t, u)
	first, _ := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-18"))
	r.openOccasion(first.ID)
	theirs, err := other.Occasion(u.ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kept []data.Participation
	for _, p := range theirs.Participants {
		if p.PersonID != jonas.ID {
			kept = append(kept, p)
		}
	}
	theirs.Participants = kept
	if err := other.SaveOccasion(u.ctx, theirs); err != nil {
		t.Fatal(err)
	}
	return r, first.ID
}

// Two hosts tick arrivals on one shift (two stores on one file, as two
// windows): the other unticks Jonas and saves; this one ticks Karin, gives
// Mia another role and presses Ctrl+S. The refusal offers to apply these
// changes to theirs, naming them; doing so saves Mia (in the new role) and
// Karin without Jonas — both hosts' changes count.
func TestStaleOccasionAppliesMyTicksOnTopOfTheirs(t *testing.T) {
	u := newTestUI(t)
	other, err := data.Open(u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	r, id := twoHostsOneShift(t, u, other)
	host := roleByCode(t, u, "host")
	kb := keyboard{t, u.win}
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	var mia *attendee
	for _, a := range r.ticks.ticked() {
		if strings.HasPrefix(a.name, "Mia") {
			mia = a
		}
	}
	mia.roleID = host.ID
	r.changed()

	var asked string
	u.answer = func(_, msg string) bool { asked = msg; return false }
	u.pick = func(_, msg string, labels []string) int {
		asked = msg
		for i, l := range labels {
			if l == "Læg mine ændringer oven i" {
				return i
			}
		}
		t.Fatalf("no way to apply my changes among %q", labels)
		return 0
	}
	kb.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "Karin Lund") || !strings.Contains(asked, "Mia Holm") {
		t.Errorf("the question does not name what was changed here: %q", asked)
	}
	o, _ := u.store.Occasion(u.ctx, id)
	roles := map[string]int64{}
	for _, p := range o.Participants {
		x, _ := u.store.Person(u.ctx, p.PersonID)
		roles[x.Name] = p.RoleID
	}
	if len(roles) != 2 || roles["Mia Holm"] != host.ID || roles["Karin Lund"] == 0 {
		t.Fatalf("stored after applying: %v; want Mia as host and Karin, Jonas left unticked", roles)
	}
	if r.dirty() || len(r.ticks.ticked()) != 2 {
		t.Errorf("the form after applying: dirty %v, %d ticked", r.dirty(), len(r.ticks.ticked()))
	}
}

// Keeping the form after the refusal keeps every tick, unsaved.
func TestStaleOccasionKeptFormKeepsTheTicks(t *testing.T) {
	u := newTestUI(t)
	other, err := data.Open(u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	r, id := twoHostsOneShift(t, u, other)
	kb := keyboard{t, u.win}
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	u.answer = func(string, string) bool { return false }
	u.pick = func(string, string, []string) int { return 0 }
	kb.ctrl(fyne.KeyS)
	if n := len(r.ticks.ticked()); n != 3 || !r.dirty() {
		t.Fatalf("kept form: %d ticked, dirty %v", n, r.dirty())
	}
	if o, _ := u.store.Occasion(u.ctx, id); len(o.Participants) != 1 {
		t.Fatalf("keeping the form saved something: %v", o.Participants)
	}
}
