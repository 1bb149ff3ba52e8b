package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"samspil/data"
)

// occasionsOn lists the activity's occasions on the day by start time.
func occasionsOn(t *testing.T, u *UI, activityID int64, day data.Date) map[string]*data.Occasion {
	t.Helper()
	rows, err := u.store.Occasions(u.ctx, activityID, day, day)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*data.Occasion{}
	for _, row := range rows {
		o, err := u.store.Occasion(u.ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		out[o.StartTime] = o
	}
	return out
}

// A start time changed on a recorded occasion asks before Ctrl+S moves
// it: undo, move it to that time, or record a new occasion at that time
// with these ticks (the recorded one stays as it was); when the activity
// already has an occasion at that time, opening it is offered instead of
// moving there.
func TestAChangedStartTimeAsksBeforeMovingTheOccasion(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, karin := recordFixture(t, u)
	day := data.MustDate("2026-11-18")
	active := roleByCode(t, u, "active")
	first := &data.Occasion{ActivityID: cafe.ID, Date: day, StartTime: "14:00", EndTime: "16:00", AnonymousGuests: 4, Notes: "regnvejr",
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}, {PersonID: jonas.ID, RoleID: active.ID}}}
	if err := u.store.SaveOccasion(u.ctx, first); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openOccasion(first.ID)

	var offered []string
	var asked string
	answer := func(prefix string) {
		u.pick = func(_, msg string, labels []string) int {
			asked, offered = msg, labels
			for i, l := range labels {
				if strings.HasPrefix(l, prefix) {
					return i
				}
			}
			t.Fatalf("no %q among %q", prefix, labels)
			return 0
		}
	}
	// Undo: nothing moves, the field says 14:00 again.
	answer("Fortryd")
	retype(kb, r.start, "10:00")
	kb.ctrl(fyne.KeyS)
	if len(offered) == 0 {
		t.Fatal("Ctrl+S moved the occasion to 10:00 without a question")
	}
	if !strings.Contains(asked, "14:00") || !strings.Contains(asked, "10:00") {
		t.Errorf("question %q does not name both times", asked)
	}
	if r.start.Text != "14:00" {
		t.Errorf("after undo the start field says %q", r.start.Text)
	}
	if got := occasionsOn(t, u, cafe.ID, day); len(got) != 1 || got["14:00"] == nil {
		t.Fatalf("after undo: %v", got)
	}

	// A new occasion at 19:00 with these ticks: the 14:00 one stays.
	offered = nil
	answer("Registrér en ny")
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	retype(kb, r.start, "19:00")
	retype(kb, r.end, "21:00")
	kb.ctrl(fyne.KeyS)
	got := occasionsOn(t, u, cafe.ID, day)
	if len(got) != 2 || got["14:00"] == nil || got["19:00"] == nil {
		t.Fatalf("after recording a new one at 19:00 the day has %v; status %q %q", got, r.status.Text, r.fields.summary.Text)
	}
	if n := len(got["14:00"].Participants); n != 2 {
		t.Errorf("the 14:00 occasion has %d participants, want its 2", n)
	}
	if n := len(got["19:00"].Participants); n != 3 {
		t.Errorf("the 19:00 occasion has %d participants, want the 3 ticked", n)
	}
	if o := got["19:00"]; o.AnonymousGuests != 0 || o.Notes != "" {
		t.Errorf("the 14:00 occasion's guests and notes went to the new one too: %d, %q", o.AnonymousGuests, o.Notes)
	}
	if r.occasion.ID != got["19:00"].ID || r.dirty() {
		t.Errorf("the form shows occasion %d (dirty %v), want the saved 19:00 one", r.occasion.ID, r.dirty())
	}

	// 14:00 changed to 19:00, which is taken: open it, or undo; no move.
	r.openOccasion(first.ID)
	answer("Åbn")
	retype(kb, r.start, "19:00")
	kb.ctrl(fyne.KeyS)
	for _, l := range offered {
		if strings.HasPrefix(l, "Flyt") {
			t.Errorf("moving onto the taken 19:00 is offered: %q", offered)
		}
	}
	if r.occasion.ID != got["19:00"].ID || r.start.Text != "19:00" {
		t.Errorf("Open showed occasion %d at %q, want the 19:00 one", r.occasion.ID, r.start.Text)
	}

	// Move 14:00 to 10:00: the same occasion, at the new time.
	r.openOccasion(first.ID)
	if r.start.Text != "14:00" || r.dirty() {
		t.Fatalf("opening the 14:00 occasion again shows %q (dirty %v)", r.start.Text, r.dirty())
	}
	answer("Flyt")
	retype(kb, r.start, "10:00")
	kb.ctrl(fyne.KeyS)
	moved, err := u.store.Occasion(u.ctx, first.ID)
	if err != nil || moved.StartTime != "10:00" || len(moved.Participants) != 2 {
		t.Fatalf("after moving: %+v, %v", moved, err)
	}
	if n := len(occasionsOn(t, u, cafe.ID, day)); n != 2 {
		t.Errorf("%d occasions that day after moving one, want 2", n)
	}
	_ = karin
}

// Ny registrering on a day that already has an occasion starts a new
// one: with another start time it is saved beside the recorded one; at
// the same start time it meets the merge question.
func TestNewRegistrationOnARecordedDayCanBeASecondSession(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, _, _ := recordFixture(t, u)
	today := data.Today()
	active := roleByCode(t, u, "active")
	first := &data.Occasion{ActivityID: cafe.ID, Date: today, StartTime: "14:00",
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}}}
	if err := u.store.SaveOccasion(u.ctx, first); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, today)
	if r.occasion.ID != first.ID {
		t.Fatalf("opening the café today shows occasion %d, want the recorded %d", r.occasion.ID, first.ID)
	}
	r.newBtn.OnTapped()
	if r.occasion.ID != 0 || strings.Contains(r.status.Text, "Du retter") {
		t.Fatalf("Ny registrering shows occasion %d: %q", r.occasion.ID, r.status.Text)
	}
	if !strings.Contains(r.status.Text, "14:00") {
		t.Errorf("status %q does not say the day already has an occasion at 14:00", r.status.Text)
	}
	retype(kb, r.start, "19:00")
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	asked := 0
	u.pick = func(_, _ string, labels []string) int { asked++; return 0 }
	kb.ctrl(fyne.KeyS)
	got := occasionsOn(t, u, cafe.ID, today)
	if asked != 0 || len(got) != 2 || got["19:00"] == nil || len(got["14:00"].Participants) != 1 {
		t.Fatalf("after saving at 19:00: asked %d, day has %v", asked, got)
	}

	// The same start time as a recorded occasion: the merge question.
	r.newBtn.OnTapped()
	retype(kb, r.start, "14:00")
	u.win.Canvas().Focus(r.search)
	kb.tick("jonas")
	var msg string
	u.pick = func(_, m string, labels []string) int { asked++; msg = m; return 0 }
	kb.ctrl(fyne.KeyS)
	if asked != 1 || !strings.Contains(msg, "allerede") {
		t.Fatalf("same start time: asked %d, %q", asked, msg)
	}
	if got := occasionsOn(t, u, cafe.ID, today); len(got) != 2 || len(got["14:00"].Participants) != 1 {
		t.Fatalf("staying saved something: %v", got)
	}
}
