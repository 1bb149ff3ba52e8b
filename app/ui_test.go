package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// newTestUI opens the main window over a fresh database in a temp dir,
// with the test driver and background work run inline.
func newTestUI(t *testing.T) *UI {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return uiOn(t, s)
}

// uiOn builds the window over an open store, in Danish, with a test
// partnership's name.
func uiOn(t testing.TB, s *data.Store) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	if err := i18n.SetLanguage(i18n.Danish); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Samspil")
	w.Resize(fyne.NewSize(1200, 800))
	u := newUI(a, w, s, "test")
	u.inline = true
	st, _ := s.Settings(context.Background())
	st.Partnership = "Testhuset og Testby Kommune"
	if err := s.SaveSettings(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	u.build()
	w.Show()
	return u
}

// screenOf opens the page and returns its screen.
func screenOf[T screen](t testing.TB, u *UI, key string) T {
	t.Helper()
	u.open(u.pageIndex(key))
	s, ok := u.pages[u.current].screen.(T)
	if !ok {
		t.Fatalf("page %s is a %T", key, u.pages[u.current].screen)
	}
	return s
}

// press sends a key to a focusable widget.
func press(w fyne.Focusable, key fyne.KeyName) { w.TypedKey(&fyne.KeyEvent{Name: key}) }

func TestWindowTitleAndPages(t *testing.T) {
	u := newTestUI(t)
	if got := u.win.Title(); got != "Samspil — Testhuset og Testby Kommune" {
		t.Fatalf("title = %q", got)
	}
	for i, p := range u.pages {
		u.open(i)
		if u.body.Objects[0] != p.screen.view() {
			t.Fatalf("page %s not shown", p.key)
		}
	}
	if got := u.app.Preferences().String(prefLastScreen); got != "settings" {
		t.Fatalf("last screen remembered = %q", got)
	}
}

func TestCreatePersonShowsFieldErrorsAndStoresNothingBad(t *testing.T) {
	u := newTestUI(t)
	ps := screenOf[*peopleScreen](t, u, "people")
	d := ps.detail
	test.Type(d.name, "Anna Bøgh-Sørensen")
	test.Type(d.email, "anna@")
	test.Tap(d.saveBtn)
	if d.email.Validate() == nil {
		t.Fatal("no validation error shown at the e-mail field")
	}
	if !strings.Contains(d.fields.summary.Text, "E-mail: er ikke en gyldig e-mailadresse") {
		t.Fatalf("summary = %q", d.fields.summary.Text)
	}
	if rows, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{}); len(rows) != 0 {
		t.Fatalf("a person was stored despite the error: %+v", rows)
	}
	// The target group needs a category: the note under the categories says so.
	d.email.SetText("anna@kulturhus.dk")
	test.Tap(d.saveBtn)
	if n := d.fields.notes["categories"]; n == nil || !n.Visible() {
		t.Fatal("missing category not shown")
	}
	test.Tap(d.firstGroup.categories.checks[0])
	test.Tap(d.saveBtn)
	rows, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{Query: "anna"})
	if len(rows) != 1 || rows[0].Email != "anna@kulturhus.dk" || rows[0].Group != data.GroupTarget {
		t.Fatalf("stored = %+v", rows)
	}
	if len(ps.rows) != 1 {
		t.Fatalf("list shows %d people after saving", len(ps.rows))
	}
	if d.dirty() {
		t.Fatal("form still dirty after saving")
	}
}

func TestLikelyDuplicateIsShownWhileTyping(t *testing.T) {
	u := newTestUI(t)
	if err := u.store.SavePerson(u.ctx, &data.Person{Name: "Åse Kristensen"}, nil); err != nil {
		t.Fatal(err)
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	test.Type(ps.detail.name, "Aase Kristensen")
	if !ps.detail.duplicates.Visible() || !strings.Contains(ps.detail.duplicates.Text, "Åse Kristensen") {
		t.Fatalf("duplicate hint = %q (visible %v)", ps.detail.duplicates.Text, ps.detail.duplicates.Visible())
	}
}

func TestUnsavedChangesAreNotLostWhenSwitching(t *testing.T) {
	u := newTestUI(t)
	ps := screenOf[*peopleScreen](t, u, "people")
	test.Type(ps.detail.name, "Bo")
	u.show(u.pageIndex("activities"))
	if u.pages[u.current].key != "people" {
		t.Fatal("switched page with unsaved changes without asking")
	}
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("no dialog asked about the unsaved changes")
	}
}

func TestSearchAsYouTypeFiltersPeople(t *testing.T) {
	u := newTestUI(t)
	for _, n := range []string{"Søren Hansen", "Sara Holm", "Ib Møller"} {
		if err := u.store.SavePerson(u.ctx, &data.Person{Name: n}, nil); err != nil {
			t.Fatal(err)
		}
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	if len(ps.rows) != 3 {
		t.Fatalf("rows = %d", len(ps.rows))
	}
	test.Type(ps.search, "s")
	if len(ps.rows) != 2 {
		t.Fatalf("after 's': %d rows", len(ps.rows))
	}
	test.Type(ps.search, "oren")
	if len(ps.rows) != 1 || ps.rows[0].Name != "Søren Hansen" {
		t.Fatalf("after 'soren': %+v", ps.rows)
	}
	if ps.count.Text != "1 person" {
		t.Fatalf("count = %q", ps.count.Text)
	}
}

// TestSelectsOpenTheirPopUp taps the wrapped selects; they open their menu.
// (The test driver finds any object's canvas, so the real-window crash of a
// wrapper without ExtendBaseWidget is caught by the Xvfb smoke run, not here.)
func TestSelectsOpenTheirPopUp(t *testing.T) {
	u := newTestUI(t)
	ps := screenOf[*peopleScreen](t, u, "people")
	before := len(u.win.Canvas().Overlays().List())
	test.Tap(ps.group)
	if len(u.win.Canvas().Overlays().List()) != before+1 {
		t.Fatal("the group filter's menu did not open")
	}
	r := screenOf[*recordScreen](t, u, "record")
	test.Tap(r.activity)
}

func TestLanguageChosenOnTheWelcomeScreenReachesEveryScreen(t *testing.T) {
	a := test.NewTempApp(t)
	t.Cleanup(func() { i18n.SetLanguage(i18n.Danish) })
	i18n.SetLanguage(i18n.Danish)
	s, err := data.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := a.NewWindow("Samspil")
	u := newUI(a, w, s, "test")
	u.inline = true
	if !u.isNew() {
		t.Fatal("a fresh database is not new")
	}
	showWelcome(u, u.build)
	i18n.SetLanguage(i18n.English)
	u.rebuild()
	u.build()
	ov := u.pages[0].screen.(*overview)
	ov.reload()
	if !strings.Contains(ov.heading.Text, "compared with") {
		t.Fatalf("overview heading = %q", ov.heading.Text)
	}
	for _, o := range objects(ov.root) {
		if c, ok := o.(*widget.Card); ok && c.Title == "Denne uges gange" {
			t.Fatal("a card title is still Danish")
		}
	}
}

func TestOverviewChartsAndTrajectoryRender(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, _ := recordFixture(t, u)
	supported, host := roleByCode(t, u, "supported"), roleByCode(t, u, "host")
	// The overview counts to a fixed day: on the real 1 or 2 January, the
	// days before today fell in last year and "this year" lost them.
	today := data.MustDate("2026-06-15")
	u.today = func() data.Date { return today }
	for i, role := range []int64{supported.ID, supported.ID, host.ID} {
		if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: today.AddDays(-i),
			Participants: []data.Participation{{PersonID: mia.ID, RoleID: role}, {PersonID: jonas.ID, RoleID: host.ID}}}); err != nil {
			t.Fatal(err)
		}
	}
	ov := screenOf[*overview](t, u, "overview")
	ov.period.SetCode("year")
	if ov.report == nil || ov.report.Current.Participations != 6 {
		t.Fatalf("this year's report (to %v): %+v", today, ov.report)
	}
	if len(ov.cards.Objects) != 29 { // every key figure of the workbook
		t.Fatalf("%d cards", len(ov.cards.Objects))
	}
	test.WidgetRenderer(ov.months).Layout(fyne.NewSize(400, 200))
	bars := 0
	for _, o := range test.WidgetRenderer(ov.months).Objects() {
		if _, ok := o.(*canvas.Rectangle); ok {
			bars++
		}
	}
	if bars == 0 {
		t.Fatal("the month chart drew no bars")
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.openPerson(mia.ID)
	if got := ps.detail.sections.timeline.levelChart.series[0].values; len(got) != 3 || got[0] != 4 || got[2] != 1 {
		t.Fatalf("trajectory values = %v", got)
	}
}

func TestMergeDialogChoosesFieldsAndMerges(t *testing.T) {
	u := newTestUI(t)
	u.answer = func(string, string) bool { return true }
	_, mia, _, _ := recordFixture(t, u)
	dup := &data.Person{Name: "Mia H.", Email: "mia@eksempel.dk"}
	if err := u.store.SavePerson(u.ctx, dup, nil); err != nil {
		t.Fatal(err)
	}
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.openPerson(mia.ID)
	a, _ := u.store.Person(u.ctx, mia.ID)
	b, _ := u.store.Person(u.ctx, dup.ID)
	ps.detail.showMerge(a, b)
	var mergeBtn *widget.Button
	for _, o := range objects(u.win.Canvas().Overlays().Top()) {
		if btn, ok := o.(*widget.Button); ok && btn.Text == i18n.T("person.merge") {
			mergeBtn = btn
		}
	}
	if mergeBtn == nil {
		t.Fatal("no merge button in the dialog")
	}
	test.Tap(mergeBtn)
	got, _ := u.store.Person(u.ctx, mia.ID)
	if got.Name != "Mia Holm" || got.Email != "mia@eksempel.dk" {
		t.Fatalf("merged = %+v (the empty e-mail takes the other's)", got)
	}
	if _, err := u.store.Person(u.ctx, dup.ID); err != data.ErrNotFound {
		t.Fatal("duplicate still there")
	}
}
