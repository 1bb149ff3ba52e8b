package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"samspil/data"
)

// Two coordinators edit Mia at once (two stores on one file, as two
// windows): the other saves a new phone number and a note; this one has
// typed an e-mail address and a note of their own and presses Ctrl+S. The
// refusal names only what the other changed, with the new values, puts
// the other's phone number in the form, keeps this coordinator's e-mail
// and note (naming the other's note beside it), and the next Ctrl+S saves
// both coordinators' changes.
func TestStalePersonSaveMergesBothCoordinatorsChanges(t *testing.T) {
	u, other, mia, d := miaShownTwice(t)

	theirs, _ := other.Person(u.ctx, mia.ID)
	theirs.Phone, theirs.Notes = "22 22 22 22", "Allergisk over for nødder"
	if err := other.SavePerson(u.ctx, theirs, nil); err != nil {
		t.Fatal(err)
	}

	kb := keyboard{t, u.win}
	retype(kb, d.email, "mia@example.dk")
	retype(kb, d.notes, "Kommer om tirsdagen")
	var asked string
	u.pick = func(_, msg string, labels []string) int { asked = msg; return 0 }
	u.answer = func(_, msg string) bool { asked = msg; return false }
	kb.ctrl(fyne.KeyS)

	if !strings.Contains(asked, "Telefon til »22 22 22 22«") {
		t.Errorf("the message does not name the other's new phone number: %q", asked)
	}
	if strings.Contains(asked, "E-mail") {
		t.Errorf("the message names the e-mail only this coordinator typed: %q", asked)
	}
	if !strings.Contains(asked, "Allergisk over for nødder") || !strings.Contains(asked, "Kommer om tirsdagen") {
		t.Errorf("the message does not name both notes where both changed it: %q", asked)
	}
	if d.phone.Text != "22 22 22 22" || d.email.Text != "mia@example.dk" || d.notes.Text != "Kommer om tirsdagen" {
		t.Fatalf("form after the refusal: phone %q, e-mail %q, notes %q", d.phone.Text, d.email.Text, d.notes.Text)
	}
	if !d.dirty() {
		t.Fatal("the form holds unsaved changes but says it has none")
	}

	asked = ""
	kb.ctrl(fyne.KeyS)
	got, _ := u.store.Person(u.ctx, mia.ID)
	if asked != "" || got.Phone != "22 22 22 22" || got.Email != "mia@example.dk" || got.Notes != "Kommer om tirsdagen" {
		t.Fatalf("second save: asked %q, stored %+v", asked, got)
	}
	if d.dirty() {
		t.Error("the form says it has unsaved changes after saving")
	}
}

// miaShownTwice registers Mia, shows her on the people page and opens a
// second store on the same file, as another coordinator's window.
func miaShownTwice(t *testing.T) (u *UI, other *data.Store, mia *data.Person, d *personDetail) {
	t.Helper()
	u = newTestUI(t)
	other, err := data.Open(u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	mia = &data.Person{Name: "Mia Holm", Phone: "11 11 11 11", FirstContact: data.MustDate("2026-01-05")}
	if err := u.store.SavePerson(u.ctx, mia, &data.GroupPeriod{Group: data.GroupVolunteer, Start: mia.FirstContact}); err != nil {
		t.Fatal(err)
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.openPerson(mia.ID)
	return u, other, mia, ps.detail
}
