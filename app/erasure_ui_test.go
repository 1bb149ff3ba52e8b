package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"samspil/data"
)

// reviewPerson registers someone last seen long ago, so the retention
// review lists them, and opens the review on Personer.
func reviewPerson(t *testing.T, u *UI) (*peopleScreen, *data.Person) {
	t.Helper()
	ctx := context.Background()
	long := data.Today().AddMonths(-40)
	p := &data.Person{Name: "Marianne Kjærsgaard", Phone: "51234567", FirstContact: long}
	if err := u.store.SavePerson(ctx, p, &data.GroupPeriod{Group: data.GroupVolunteer, Start: long}); err != nil {
		t.Fatal(err)
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.activity.SetCode("review")
	ps.activity.OnChanged(ps.activity.Selected)
	if len(ps.rows) != 1 {
		t.Fatalf("review lists %d people", len(ps.rows))
	}
	ps.list.Select(0)
	if ps.detail.personID() != p.ID {
		t.Fatal("the person's form did not open")
	}
	return ps, p
}

// Finding 1 as the coordinator met it: Personer → review → select a
// person → type in the form → "Anonymisér alle i listen" → Ja → Ctrl+S.
// The form no longer shows the person, and the person stays erased.
func TestBulkErasureThenSaveLeavesThePersonErased(t *testing.T) {
	u := newTestUI(t)
	var asked []string
	u.answer = func(title, msg string) bool { asked = append(asked, title+": "+msg); return true }
	ps, p := reviewPerson(t, u)
	k := keyboard{t, u.win}
	u.win.Canvas().Focus(ps.detail.phone)
	k.typeText("9")
	ps.eraseAll.OnTapped()
	if strings.Contains(ps.detail.name.Text, "Marianne") {
		t.Errorf("after the bulk erasure the form still shows %q", ps.detail.name.Text)
	}
	k.ctrl(fyne.KeyS)
	got, err := u.store.Person(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Anonymised || got.Phone != "" || strings.Contains(got.Name, "Marianne") {
		t.Fatalf("after Gem: %+v", got)
	}
	if len(asked) == 0 || !strings.Contains(asked[0], "sikkerhedskopi") {
		t.Errorf("the confirmation says nothing about backups: %q", asked)
	}
}

// Finding 4 in the window: the person changed elsewhere; Gem is refused
// with a message naming the field the other changed and its new value,
// what was typed stays in the form beside the other's change, and the
// next Gem saves both.
func TestStaleSaveKeepsTheTypingAndOffersReload(t *testing.T) {
	u := newTestUI(t)
	ps, p := reviewPerson(t, u)
	other, _ := u.store.Person(context.Background(), p.ID) // a second window
	other.Phone = "11223344"
	if err := u.store.SavePerson(context.Background(), other, nil); err != nil {
		t.Fatal(err)
	}
	var asked string
	u.pick = func(title, msg string, _ []string) int { asked = title + ": " + msg; return 0 }
	k := keyboard{t, u.win}
	u.win.Canvas().Focus(ps.detail.notes)
	k.typeText("ringer selv")
	k.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "Telefon til »11223344«") || !strings.Contains(asked, "gem igen") {
		t.Fatalf("asked %q", asked)
	}
	if ps.detail.notes.Text != "ringer selv" {
		t.Fatalf("the typing was lost: notes = %q", ps.detail.notes.Text)
	}
	if got, _ := u.store.Person(context.Background(), p.ID); got.Phone != "11223344" || got.Notes != "" {
		t.Fatalf("stored %+v", got)
	}
	k.ctrl(fyne.KeyS)
	if got, _ := u.store.Person(context.Background(), p.ID); got.Phone != "11223344" || got.Notes != "ringer selv" {
		t.Fatalf("after the second Gem: stored %+v", got)
	}
	if ps.detail.phone.Text != "11223344" {
		t.Fatalf("the form shows phone %q", ps.detail.phone.Text)
	}
}
