package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	sw "samspil/app/widget"
	"samspil/data"
)

// A new partnership's screens say what they are for and offer the next
// step; the empty state goes once there is something to show.
func TestEmptyScreensSayWhatTheyAreForAndOfferTheNextStep(t *testing.T) {
	u := newTestUI(t)
	for _, c := range []struct {
		page  string
		empty func() *sw.EmptyState
	}{
		{"people", func() *sw.EmptyState { return screenOf[*peopleScreen](t, u, "people").empty }},
		{"activities", func() *sw.EmptyState { return screenOf[*activitiesScreen](t, u, "activities").empty }},
		{"record", func() *sw.EmptyState { return screenOf[*recordScreen](t, u, "record").empty }},
		{"logbook", func() *sw.EmptyState { return screenOf[*logbookScreen](t, u, "logbook").empty }},
	} {
		e := c.empty()
		if !e.Visible() || e.Text() == "" {
			t.Errorf("%s: empty state shown %v, text %q", c.page, e.Visible(), e.Text())
		}
		if c.page != "logbook" && len(e.Actions()) == 0 {
			t.Errorf("%s: no next step offered", c.page)
		}
	}
	// The registration screen's step leads to the activities.
	r := screenOf[*recordScreen](t, u, "record")
	test.Tap(r.empty.Actions()[0])
	if u.pages[u.current].key != "activities" {
		t.Fatalf("the step from Registrering went to %s", u.pages[u.current].key)
	}
	cafe, _, _, _ := recordFixture(t, u)
	if screenOf[*peopleScreen](t, u, "people").empty.Visible() || screenOf[*activitiesScreen](t, u, "activities").empty.Visible() {
		t.Fatal("empty state still shown with people and an activity registered")
	}
	r = screenOf[*recordScreen](t, u, "record")
	if r.empty.Visible() {
		t.Fatal("Registrering still says there is no activity")
	}
	r.openActivity(cafe.ID, data.Today())
	if !r.hint.Visible() || !strings.Contains(r.hint.Text, "Enter") {
		t.Fatalf("an activity nobody has come to gives no hint: %v %q", r.hint.Visible(), r.hint.Text)
	}
	// A filter with no match is not "nobody registered".
	ps := screenOf[*peopleScreen](t, u, "people")
	test.Type(ps.search, "zzz")
	if ps.empty.Visible() {
		t.Fatal("a search without matches says nobody is registered")
	}
}

// The welcome screen says where the register is kept and that it stays there.
func TestWelcomeSaysWhereTheFileLives(t *testing.T) {
	u := newTestUI(t)
	showWelcome(u, func() {})
	found := false
	for _, o := range objects(u.win.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, u.store.Path()) && strings.Contains(l.Text, "denne computer") {
			found = true
		}
	}
	if !found {
		t.Fatal("the welcome screen does not say where the file lives")
	}
}
