package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"samspil/data"
)

// Ticks carried to an earlier day that has its session at another time
// than the one the form came with (the activity's latest) are not saved
// beside it as a second session without a word: Save asks whether they
// belong to that day's session or are a new one (found in a fresh-eyes
// walk: last week's 17:30 café got a second "gang" at 18:30 with two
// people, and they were missing from the real one).
func TestTicksCarriedToADayWithASessionAtAnotherTimeAsk(t *testing.T) {
	for _, choice := range []struct {
		pick     int
		name     string
		sessions int // on 20 November afterwards
		with     int // participants at 17:30
	}{{2, "merge", 1, 2}, {3, "new session", 2, 1}} {
		t.Run(choice.name, func(t *testing.T) {
			u := newTestUI(t)
			cafe, mia, _, _ := recordFixture(t, u)
			active := roleByCode(t, u, "active")
			for _, o := range []*data.Occasion{
				{ActivityID: cafe.ID, Date: data.MustDate("2026-11-20"), StartTime: "17:30",
					Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}}},
				{ActivityID: cafe.ID, Date: data.MustDate("2026-11-25"), StartTime: "18:30"},
			} {
				if err := u.store.SaveOccasion(u.ctx, o); err != nil {
					t.Fatal(err)
				}
			}
			kb := keyboard{t, u.win}
			r := openRecord(t, u)
			r.openActivity(cafe.ID, data.MustDate("2026-11-27")) // a new form, at 18:30
			u.win.Canvas().Focus(r.search)
			kb.tick("karin")
			var asked string
			u.pick = func(title, msg string, labels []string) int {
				asked = msg + " | " + strings.Join(labels, " | ")
				return choice.pick
			}
			retype(kb, r.date, "20-11-2026")
			kb.ctrl(fyne.KeyS)
			if !strings.Contains(asked, "17:30") || !strings.Contains(asked, "ny gang kl. 18:30") {
				t.Fatalf("question = %q; want it to name the 17:30 session and offer a new one at 18:30", asked)
			}
			rows, err := u.store.Occasions(u.ctx, cafe.ID, data.MustDate("2026-11-20"), data.MustDate("2026-11-20"))
			if err != nil || len(rows) != choice.sessions {
				t.Fatalf("sessions on 20 November = %+v, %v; want %d", rows, err, choice.sessions)
			}
			at, err := u.store.OccasionAt(u.ctx, cafe.ID, data.MustDate("2026-11-20"), "17:30")
			if err != nil || len(at.Participants) != choice.with {
				t.Fatalf("the 17:30 session = %+v, %v; want %d participants", at, err, choice.with)
			}
		})
	}
}
