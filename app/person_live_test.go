package app

import (
	"testing"

	"samspil/data"
)

// Another coordinator changes the person shown (two stores on one file,
// as two windows; the change announcement is handed to the window as the
// server's would be): an untouched form shows the new value quietly; a
// form with typing keeps it and shows a notice, whose Genindlæs asks
// before showing what is saved.
func TestPersonFormFollowsOthersChanges(t *testing.T) {
	u, other, mia, d := miaShownTwice(t)
	change := func(f func(p *data.Person)) {
		t.Helper()
		p, _ := other.Person(u.ctx, mia.ID)
		f(p)
		if err := other.SavePerson(u.ctx, p, nil); err != nil {
			t.Fatal(err)
		}
		u.othersChanged(map[string]bool{"people": true})
	}

	change(func(p *data.Person) { p.Phone = "22 22 22 22" })
	if d.phone.Text != "22 22 22 22" || d.dirty() || d.notice.shown() {
		t.Fatalf("untouched form after the other's change: phone %q, dirty %v, notice %v", d.phone.Text, d.dirty(), d.notice.shown())
	}

	kb := keyboard{t, u.win}
	retype(kb, d.notes, "Kommer om tirsdagen")
	change(func(p *data.Person) { p.Email = "mia@example.dk" })
	if !d.notice.shown() || d.notes.Text != "Kommer om tirsdagen" || d.email.Text != "" {
		t.Fatalf("form with typing: notice %v, notes %q, e-mail %q", d.notice.shown(), d.notes.Text, d.email.Text)
	}
	asked := false
	u.answer = func(string, string) bool { asked = true; return true }
	d.notice.button.OnTapped()
	if !asked || d.email.Text != "mia@example.dk" || d.notice.shown() || d.dirty() {
		t.Fatalf("after Genindlæs: asked %v, e-mail %q, notice %v, dirty %v", asked, d.email.Text, d.notice.shown(), d.dirty())
	}
}
