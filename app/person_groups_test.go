package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// A period's start can be corrected on the person's group tab; a start
// that would leave a participation without a group is refused there.
func TestGroupPeriodStartCanBeCorrected(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, _, _ := recordFixture(t, u)
	active := roleByCode(t, u, "active")
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-03-04"),
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}}}); err != nil {
		t.Fatal(err)
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.detail.load(mia.ID)
	ps.detail.tabs.SelectIndex(2) // a click on the groups tab
	g := ps.detail.sections.groups
	g.list.Select(0)
	kb := keyboard{t, u.win}
	retype(kb, g.editStart, "01-02-2026")
	test.Tap(buttonIn(t, g.content(), i18n.T("person.save_period_dates")))
	periods, _ := u.store.GroupPeriods(u.ctx, mia.ID)
	if periods[0].Start != data.MustDate("2026-02-01") {
		t.Fatalf("start = %s after correcting it to 01-02-2026", periods[0].Start)
	}
	g.list.Select(0)
	retype(kb, g.editStart, "01-04-2026")
	test.Tap(buttonIn(t, g.content(), i18n.T("person.save_period_dates")))
	if g.editStart.Validate() == nil {
		t.Fatal("a start after Mia's participation on 04-03 is not refused at the field")
	}
	if periods, _ = u.store.GroupPeriods(u.ctx, mia.ID); periods[0].Start != data.MustDate("2026-02-01") {
		t.Fatalf("refused start was stored: %s", periods[0].Start)
	}
}

// buttonIn finds the button with the text under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range objects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
