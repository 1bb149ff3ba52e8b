package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

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
	k := keyboard{t, u.win}
	var asked string
	u.answer = func(title, msg string) bool { asked = title; return false }

	as := screenOf[*activitiesScreen](t, u, "activities")
	as.load(cafe.ID)
	other, _ := u.store.Activity(ctx, cafe.ID)
	other.Place = "Salen"
	if err := u.store.SaveActivity(ctx, other); err != nil {
		t.Fatal(err)
	}
	u.win.Canvas().Focus(as.desc)
	k.typeText("kaffe og kage")
	k.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "Ændret") || as.desc.Text != "kaffe og kage" {
		t.Errorf("activity: asked %q, description %q", asked, as.desc.Text)
	}
	if got, _ := u.store.Activity(ctx, cafe.ID); got.Place != "Salen" || got.Description != "" {
		t.Errorf("activity stored %+v", got)
	}

	asked = ""
	ls := screenOf[*logbookScreen](t, u, "logbook")
	ls.load(e.ID)
	x, _ := u.store.LogEntry(ctx, e.ID)
	x.Text = "god dag med sol"
	if err := u.store.SaveLogEntry(ctx, x); err != nil {
		t.Fatal(err)
	}
	u.win.Canvas().Focus(ls.author)
	k.typeText("Jonas")
	k.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "Ændret") || ls.author.Text != "Jonas" {
		t.Errorf("log entry: asked %q, author %q", asked, ls.author.Text)
	}
	if got, _ := u.store.LogEntry(ctx, e.ID); got.Text != "god dag med sol" || got.Author != "" {
		t.Errorf("log entry stored %+v", got)
	}
}
