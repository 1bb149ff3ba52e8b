package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"samspil/data"
)

// An activity and a logbook entry changed in another window: Gem (Ctrl+S)
// is refused with the reload offer and the typing stays in the form.
func TestStaleActivityAndLogEntryKeepTheTyping(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	cafe := &data.Activity{Name: "Onsdagscafé", Kind: "recurring", Status: "active"}
	if err := u.store.SaveActivity(ctx, cafe); err != nil {
		t.Fatal(err)
	}
	e := &data.LogEntry{Date: data.Today(), Text: "god dag"}
	if err := u.store.SaveLogEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	var asked string
	u.answer = func(title, msg string) bool { asked = title; return false }
	// typeAndSave types into the field of a form whose record just changed
	// elsewhere, presses Ctrl+S and checks the refusal kept the typing.
	typeAndSave := func(what string, field *widget.Entry, text string) {
		t.Helper()
		asked = ""
		u.win.Canvas().Focus(field)
		keyboard{t, u.win}.typeText(text)
		keyboard{t, u.win}.ctrl(fyne.KeyS)
		if !strings.Contains(asked, "Ændret") || field.Text != text {
			t.Errorf("%s: asked %q, field %q", what, asked, field.Text)
		}
	}

	as := screenOf[*activitiesScreen](t, u, "activities")
	as.load(cafe.ID)
	other, _ := u.store.Activity(ctx, cafe.ID)
	other.Place = "Salen"
	if err := u.store.SaveActivity(ctx, other); err != nil {
		t.Fatal(err)
	}
	typeAndSave("activity", as.desc, "kaffe og kage")
	if got, _ := u.store.Activity(ctx, cafe.ID); got.Place != "Salen" || got.Description != "" {
		t.Errorf("activity stored %+v", got)
	}

	ls := screenOf[*logbookScreen](t, u, "logbook")
	ls.load(e.ID)
	x, _ := u.store.LogEntry(ctx, e.ID)
	x.Text = "god dag med sol"
	if err := u.store.SaveLogEntry(ctx, x); err != nil {
		t.Fatal(err)
	}
	typeAndSave("log entry", ls.author, "Jonas")
	if got, _ := u.store.LogEntry(ctx, e.ID); got.Text != "god dag med sol" || got.Author != "" {
		t.Errorf("log entry stored %+v", got)
	}
}
