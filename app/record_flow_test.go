package app

import (
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// regularsFixture is the café with Mia and Jonas as regulars from last week.
func regularsFixture(t *testing.T, u *UI) (cafe *data.Activity, mia, jonas, karin *data.Person) {
	t.Helper()
	cafe, mia, jonas, karin = recordFixture(t, u)
	active := roleByCode(t, u, "active")
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-18"),
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}, {PersonID: jonas.ID, RoleID: active.ID}}}); err != nil {
		t.Fatal(err)
	}
	return cafe, mia, jonas, karin
}

// openRecord goes to Registrering as a click in the navigation does.
func openRecord(t *testing.T, u *UI) *recordScreen {
	t.Helper()
	u.nav.Select(u.pageIndex("record"))
	r, ok := u.pages[u.current].screen.(*recordScreen)
	if !ok {
		t.Fatalf("Registrering not shown: page %s", u.pages[u.current].key)
	}
	return r
}

// retype replaces a field's text as a person does: a click in it, Ctrl+A,
// then the new text.
func retype(kb keyboard, f fyne.Focusable, text string) {
	kb.w.Canvas().Focus(f)
	kb.ctrl(fyne.KeyA)
	kb.typeText(text)
}

// The "done when": tick two regulars, correct the date to a day
// without an occasion, press Ctrl+S with the cursor still in the date
// field: the occasion on the corrected date holds both.
func TestTicksFollowACorrectedDateAndCtrlSInTheDateFieldSavesThem(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, _ := regularsFixture(t, u)
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	u.win.Canvas().Focus(r.search)
	kb.tick("mi", "jo")
	retype(kb, r.date, "24-11-2026")
	if n := len(r.ticks.ticked()); n != 2 {
		t.Fatalf("%d ticked after correcting the date, want the 2 ticked before", n)
	}
	kb.ctrl(fyne.KeyS)
	o, err := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-24"))
	if err != nil || len(o.Participants) != 2 {
		t.Fatalf("occasion on the corrected date = %+v, %v; want Mia and Jonas", o, err)
	}
	got := map[int64]bool{o.Participants[0].PersonID: true, o.Participants[1].PersonID: true}
	if !got[mia.ID] || !got[jonas.ID] {
		t.Fatalf("saved %v, want Mia and Jonas", o.Participants)
	}
	if _, err := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-25")); err != data.ErrNotFound {
		t.Fatalf("an occasion on the first date was saved too (%v)", err)
	}
}

// Deleting one digit of the date on the way to another must not drop the
// ticks (4-11-2026 is a valid date on the way from 24-11 to 14-11), and
// another activity takes them along too, with their roles.
func TestTicksSurviveEditingTheDateAndChangingActivity(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, _, karin := regularsFixture(t, u)
	choir := &data.Activity{Name: "Kor", Kind: "recurring", Status: "active"}
	if err := u.store.SaveActivity(u.ctx, choir); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-24"))
	u.win.Canvas().Focus(r.search)
	kb.tick("mia", "karin")
	host := roleByCode(t, u, "host")
	r.ticks.find(mia.ID).roleID = host.ID
	u.win.Canvas().Focus(r.date)
	r.date.CursorColumn = 1
	kb.press(fyne.KeyBackspace) // "4-11-2026"
	kb.typeText("1")            // "14-11-2026"
	if n := len(r.ticks.ticked()); n != 2 {
		t.Fatalf("%d ticked after editing the date, want 2", n)
	}
	r.reload() // the activity list now holds the choir
	r.activity.SetID(choir.ID)
	if a := r.ticks.find(mia.ID); a == nil || !a.ticked || a.roleID != host.ID || r.ticks.find(karin.ID) == nil {
		t.Fatalf("after choosing another activity: Mia %+v, Karin %+v", a, r.ticks.find(karin.ID))
	}
	kb.ctrl(fyne.KeyS)
	o, err := u.store.OccasionOn(u.ctx, choir.ID, data.MustDate("2026-11-14"))
	if err != nil || len(o.Participants) != 2 {
		t.Fatalf("choir on 14-11 = %+v, %v", o, err)
	}
}

// A new occasion on a day the activity already has one asks whether to add
// the ticks to it, naming how many; it never saves a second occasion.
func TestNewOccasionOnARecordedDayAsksToMerge(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, karin := regularsFixture(t, u)
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	var asked string
	u.pick = func(title, msg string, labels []string) int {
		asked = msg + " | " + strings.Join(labels, " | ")
		return 0 // stay
	}
	retype(kb, r.date, "18-11-2026")
	kb.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "2 deltagere") || !strings.Contains(asked, "din afkrydsning") && !strings.Contains(asked, "1 afkrydsning") {
		t.Fatalf("question = %q; want it to name the 2 recorded and the 1 tick at stake", asked)
	}
	if n := len(r.ticks.ticked()); n != 1 || !r.dirty() {
		t.Fatalf("after staying: %d ticked, dirty %v", n, r.dirty())
	}
	u.pick = func(string, string, []string) int { return 2 } // merge
	kb.ctrl(fyne.KeyS)
	rows, _ := u.store.Occasions(u.ctx, cafe.ID, data.Date{}, data.Date{})
	if len(rows) != 1 || rows[0].Participants != 3 {
		t.Fatalf("occasions after merging = %+v; want one with Mia, Jonas and Karin", rows)
	}
	_ = mia
	_ = jonas
	_ = karin
}

// Editing a recorded occasion's date asks whether to open that day or
// move the occasion there; moving moves it (no empty copy). Onto a day the
// activity already has, moving is not offered, and undo puts the date back.
func TestRecordedOccasionMovesWithItsDateWhenAsked(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := regularsFixture(t, u)
	other := &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-11")}
	if err := u.store.SaveOccasion(u.ctx, other); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	first, _ := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-18"))
	r.openOccasion(first.ID)
	var offered []string
	u.pick = func(_, _ string, labels []string) int { offered = labels; return len(labels) - 1 }
	retype(kb, r.date, "19-11-2026")
	if len(offered) != 3 || !strings.Contains(offered[2], "Flyt") {
		t.Fatalf("choices for a free day: %q", offered)
	}
	kb.ctrl(fyne.KeyS)
	moved, err := u.store.Occasion(u.ctx, first.ID)
	if err != nil || moved.Date != data.MustDate("2026-11-19") || len(moved.Participants) != 2 {
		t.Fatalf("occasion after the move = %+v, %v", moved, err)
	}
	if rows, _ := u.store.Occasions(u.ctx, cafe.ID, data.Date{}, data.Date{}); len(rows) != 2 {
		t.Fatalf("%d occasions after moving one, want 2 (no empty new one)", len(rows))
	}
	u.pick = func(_, _ string, labels []string) int { offered = labels; return 0 } // undo
	retype(kb, r.date, "11-11-2026")
	if len(offered) != 2 {
		t.Fatalf("moving onto a recorded day is offered: %q", offered)
	}
	if r.date.Text != "19-11-2026" || r.dirty() {
		t.Fatalf("after undo: date %q, dirty %v", r.date.Text, r.dirty())
	}
}

// Choosing another activity while a recorded occasion is shown (the
// coordinator picked the wrong one) opens that activity's day when asked
// to, and leaves the recorded occasion where it was: it never moves
// without a word.
func TestChoosingAnotherActivityDoesNotMoveARecordedOccasion(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := regularsFixture(t, u)
	choir := &data.Activity{Name: "Kor", Kind: "recurring", Status: "active"}
	if err := u.store.SaveActivity(u.ctx, choir); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	first, _ := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-18"))
	r.openOccasion(first.ID)
	var asked string
	u.pick = func(_, msg string, labels []string) int { asked = msg; return 1 } // open
	r.activity.SetID(choir.ID)
	if !strings.Contains(asked, "Kor") {
		t.Fatalf("question = %q", asked)
	}
	if r.occasion.ID != 0 || r.occasion.ActivityID != choir.ID || len(r.ticks.ticked()) != 0 {
		t.Fatalf("after choosing Kor: occasion %+v, %d ticked", r.occasion, len(r.ticks.ticked()))
	}
	kb.ctrl(fyne.KeyS)
	if o, _ := u.store.Occasion(u.ctx, first.ID); o.ActivityID != cafe.ID || len(o.Participants) != 2 {
		t.Fatalf("the café's occasion was changed: %+v", o)
	}
}

// Opening Registrering puts the cursor in the search box: typed letters
// find people, and none reach the hidden form of the screen before.
func TestOpeningRegistreringPutsTheCursorInTheSearchBox(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := regularsFixture(t, u)
	ps := screenOf[*peopleScreen](t, u, "people")
	u.win.Canvas().Focus(ps.detail.name)
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	kb := keyboard{t, u.win}
	kb.typeText("me")
	if r.search.Text != "me" {
		t.Fatalf("search box holds %q after typing", r.search.Text)
	}
	if ps.detail.name.Text != "" || ps.detail.dirty() {
		t.Fatalf("typing reached the people screen's hidden form: %q", ps.detail.name.Text)
	}
}

// Tab from the search box reaches the role of the person just ticked;
// Right changes it and Enter goes back to the search for the next name.
func TestTabFromTheSearchReachesTheLastTickedRole(t *testing.T) {
	u := newTestUI(t)
	cafe, _, jonas, _ := regularsFixture(t, u)
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	kb.tick("jo")
	kb.press(fyne.KeyTab)
	sel, ok := u.win.Canvas().Focused().(interface{ SelectedIndex() int })
	if !ok {
		t.Fatalf("Tab put the focus on %T, want Jonas's role", u.win.Canvas().Focused())
	}
	before := sel.SelectedIndex()
	kb.press(fyne.KeyRight)
	kb.press(fyne.KeyReturn)
	if u.win.Canvas().Focused() != r.search {
		t.Fatalf("Enter on the role left the focus on %T", u.win.Canvas().Focused())
	}
	if a := r.ticks.find(jonas.ID); a.roleID != r.roles[(before+1)%len(r.roles)].ID {
		t.Fatalf("Jonas's role = %d, want the next after index %d", a.roleID, before)
	}
}

// Someone new, added for last week's occasion, counts in the target group
// there: in the balance line as soon as they are ticked, and once saved.
func TestPersonAddedForLastWeeksOccasionCountsInTheTargetGroup(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := recordFixture(t, u)
	today := data.Today()
	lastWeek := today.AddDays(-7)
	// Registered today on Personer, as a new coordinator does first.
	p := &data.Person{Name: "Sofie Dal", FirstContact: today}
	if err := u.store.SavePerson(u.ctx, p, &data.GroupPeriod{Group: data.GroupTarget, Start: today, CategoryIDs: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, lastWeek)
	kb.tick("sofie")
	if !strings.Contains(r.balance.Text, "1 af 1") {
		t.Fatalf("balance = %q; want Sofie counted in the target group", r.balance.Text)
	}
	kb.ctrl(fyne.KeyS)
	groups, _ := u.store.GroupsOn(u.ctx, lastWeek, []int64{p.ID})
	if groups[p.ID] != data.GroupTarget {
		t.Fatalf("group last week = %q, want target", groups[p.ID])
	}
}

// Ctrl+Q from a text field asks about unsaved work; a save that meets the
// duplicate question does not quit before it is answered.
func TestCtrlQFromATextFieldNeverLosesANewPerson(t *testing.T) {
	u := newTestUI(t)
	recordFixture(t, u)
	ps := screenOf[*peopleScreen](t, u, "people")
	kb := keyboard{t, u.win}
	u.win.Canvas().Focus(ps.detail.name)
	kb.typeText("Mia Holm")
	kb.ctrl(fyne.KeyQ)
	saveBtn := buttonInOverlay(t, u, i18n.T("ui.save"))
	saveBtn.OnTapped()
	if u.closed {
		t.Fatal("the app quit while the duplicate question was still open: the new person is lost")
	}
	if ps.detail.name.Text != "Mia Holm" {
		t.Fatalf("form lost the name: %q", ps.detail.name.Text)
	}
}

// buttonInOverlay finds the button with the text in the top dialog.
func buttonInOverlay(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	for _, o := range objects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button in the dialog", text)
	return nil
}

// A file with participations before their person's first group period (as
// files written before first periods followed history have) is offered a
// logged repair when the window opens.
func TestEarlyParticipationsAreOfferedARepairOnOpening(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := recordFixture(t, u)
	p := &data.Person{Name: "Cille Bak", FirstContact: data.MustDate("2026-06-01")}
	if err := u.store.SavePerson(u.ctx, p, &data.GroupPeriod{Group: data.GroupVolunteer, Start: data.MustDate("2026-06-01")}); err != nil {
		t.Fatal(err)
	}
	active := roleByCode(t, u, "active")
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-03-04"),
		Participants: []data.Participation{{PersonID: p.ID, RoleID: active.ID}}}); err != nil {
		t.Fatal(err)
	}
	// As a file written before first periods followed history holds it
	// (written beside the store, as an older Samspil wrote it).
	old, err := sql.Open("sqlite", u.store.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if _, err := old.Exec(`UPDATE people SET first_contact = '2026-06-01' WHERE id = ?`, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`UPDATE group_periods SET start_date = '2026-06-01' WHERE person_id = ?`, p.ID); err != nil {
		t.Fatal(err)
	}
	var asked string
	u.answer = func(title, msg string) bool { asked = msg; return true }
	u.build()
	if !strings.Contains(asked, "1 deltagelse") {
		t.Fatalf("question on opening = %q", asked)
	}
	if people, _, _ := u.store.EarlyParticipations(u.ctx); people != 0 {
		t.Fatal("the repair left early participations")
	}
}

// A recorded occasion's date typed in short ("9-11-2026", which the field
// reports only when left) still asks before the save moves it, and a
// discarded move leaves nothing behind for the next save.
func TestAShortDateOrADiscardedMoveNeverMovesSilently(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := regularsFixture(t, u)
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	first, _ := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-18"))
	r.openOccasion(first.ID)
	asked := 0
	u.pick = func(_, _ string, labels []string) int { asked++; return 0 } // undo
	retype(kb, r.date, "9-11-2026")
	kb.ctrl(fyne.KeyS)
	if o, _ := u.store.Occasion(u.ctx, first.ID); asked == 0 || o.Date != data.MustDate("2026-11-18") {
		t.Fatalf("short date and Ctrl+S: asked %d times, occasion on %s", asked, o.Date)
	}
	u.pick = func(_, _ string, labels []string) int { return len(labels) - 1 } // move
	retype(kb, r.date, "19-11-2026")
	r.discard()
	if r.date.Text != "18-11-2026" {
		t.Fatalf("after discarding the move the date field says %q", r.date.Text)
	}
	u.win.Canvas().Focus(r.search)
	kb.tick("karin")
	kb.ctrl(fyne.KeyS)
	if o, _ := u.store.Occasion(u.ctx, first.ID); o.Date != data.MustDate("2026-11-18") || len(o.Participants) != 3 {
		t.Fatalf("after a discarded move and a new tick: %+v", o)
	}
}

// Merging into a recorded occasion keeps the roles recorded there and says
// what happens to the anonymous guests.
func TestMergeKeepsRecordedRolesAndSaysWhatHappensToGuests(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, _, karin := regularsFixture(t, u)
	host := roleByCode(t, u, "host")
	recorded, _ := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-18"))
	recorded.Participants[0].RoleID = host.ID
	recorded.AnonymousGuests = 3
	if err := u.store.SaveOccasion(u.ctx, recorded); err != nil {
		t.Fatal(err)
	}
	hostID := recorded.Participants[0].PersonID
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	u.win.Canvas().Focus(r.search)
	name := "mia"
	if hostID != mia.ID {
		name = "jonas"
	}
	kb.tick(name)
	kb.press(fyne.KeyTab) // on this screen the recorded host is given another role
	kb.press(fyne.KeyRight)
	kb.press(fyne.KeyReturn)
	kb.tick("karin")
	var asked string
	u.pick = func(_, msg string, labels []string) int { asked = msg; return len(labels) - 1 }
	retype(kb, r.date, "18-11-2026")
	kb.ctrl(fyne.KeyS)
	if !strings.Contains(asked, "gæster") {
		t.Fatalf("the merge question says nothing of the guests: %q", asked)
	}
	hostName := map[int64]string{mia.ID: "Mia Holm"}[hostID]
	if hostName == "" {
		hostName = "Jonas Berg"
	}
	if !strings.Contains(asked, hostName) || !strings.Contains(asked, host.Name("da")) {
		t.Errorf("the merge question does not name %s, whose role differs, with the recorded role %q: %q", hostName, host.Name("da"), asked)
	}
	o, _ := u.store.Occasion(u.ctx, recorded.ID)
	roles := map[int64]int64{}
	for _, p := range o.Participants {
		roles[p.PersonID] = p.RoleID
	}
	if roles[hostID] != host.ID || roles[karin.ID] == 0 || o.AnonymousGuests != 3 {
		t.Fatalf("after merging: roles %v, guests %d; want the host kept, Karin added, 3 guests", roles, o.AnonymousGuests)
	}
}
