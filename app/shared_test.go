package app

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/jackc/pgx/v5"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/pgtest"
)

// The tests of a shared register open two windows, as two coordinators
// at two PCs, on one fresh PostgreSQL database. They are named TestShared…
// so CI selects them with -run Shared; without SAMSPIL_TEST_POSTGRES they
// are skipped.

// sharedWindows is two windows on one shared register, with the refreshes
// for others' changes queued for the test's goroutine.
type sharedWindows struct {
	url    string
	a, b   *UI
	queued chan func()
}

// openShared opens two windows on a fresh server database; the first
// gives the partnership its name.
func openShared(t *testing.T) *sharedWindows {
	t.Helper()
	if !pgtest.Enabled() {
		t.Skip("needs PostgreSQL: set " + pgtest.EnvVar)
	}
	sw := &sharedWindows{url: pgtest.Fresh(t), queued: make(chan func(), 256)}
	app := test.NewTempApp(t)
	if err := i18n.SetLanguage(i18n.Danish); err != nil {
		t.Fatal(err)
	}
	// The overview asks data.HasOccasions, which scans PostgreSQL's
	// boolean EXISTS into an int and fails there (a data-layer bug, told
	// to its owner); these tests start on the people list instead.
	app.Preferences().SetString(prefLastScreen, "people")
	open := func() *UI {
		s, err := data.Open(sw.url)
		if err != nil {
			t.Fatal(err)
		}
		w := app.NewWindow("Samspil")
		w.Resize(fyne.NewSize(1200, 800))
		u := newUI(app, w, s, "test")
		u.inline = true
		u.post = func(fn func()) { sw.queued <- fn }
		t.Cleanup(func() {
			u.unfollow()
			s.Close()
		})
		st, _ := s.Settings(context.Background())
		if st.Partnership == "" {
			st.Partnership = "Testhuset og Testby Kommune"
			if err := s.SaveSettings(context.Background(), st); err != nil {
				t.Fatal(err)
			}
		}
		u.build()
		w.Show()
		u.follow()
		return u
	}
	sw.a, sw.b = open(), open()
	return sw
}

// waitFor runs the queued refreshes until ok holds, failing the test
// after a deadline well beyond the few seconds a coordinator waits.
func (sw *sharedWindows) waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !ok() {
		select {
		case fn := <-sw.queued:
			fn()
		case <-deadline:
			t.Fatalf("after 10 s: %s", what)
		}
	}
}

// One coordinator registers a person and an occasion; the other's people
// list and Registrering show them within a few seconds, without a hand
// on that window.
func TestSharedOthersSeeANewPersonAndAnOccasion(t *testing.T) {
	sw := openShared(t)
	cafe, mia, jonas, _ := recordFixture(t, sw.a)
	day := data.MustDate("2026-11-25")

	// The second window waits on the people list and then on Registrering.
	peopleB := screenOf[*peopleScreen](t, sw.b, "people")
	kb := keyboard{t, sw.a.win}
	psA := screenOf[*peopleScreen](t, sw.a, "people")
	psA.detail.startNew()
	sw.a.win.Canvas().Focus(psA.detail.name)
	kb.typeText("Ole Sørensen")
	test.Tap(psA.detail.firstGroup.categories.checks[0]) // the target group needs a category
	kb.ctrl(fyne.KeyS)
	if psA.detail.dirty() {
		t.Fatalf("the first window did not save Ole: %q", psA.detail.fields.summary.Text)
	}
	sw.waitFor(t, "Ole is not in the other window's people list", func() bool {
		for _, r := range peopleB.rows {
			if r.Name == "Ole Sørensen" {
				return true
			}
		}
		return false
	})

	recB := openRecord(t, sw.b)
	recB.openActivity(cafe.ID, day)
	recA := openRecord(t, sw.a)
	recA.openActivity(cafe.ID, day)
	sw.a.win.Canvas().Focus(recA.search)
	kb.tick("mia", "jonas")
	kb.ctrl(fyne.KeyS)
	if recA.occasion.ID == 0 {
		t.Fatalf("the first window did not save the occasion: %q", recA.fields.summary.Text)
	}
	sw.waitFor(t, "the other window's Registrering does not show Mia and Jonas ticked", func() bool {
		ticked := map[int64]bool{}
		for _, a := range recB.ticks.ticked() {
			ticked[a.personID] = true
		}
		return ticked[mia.ID] && ticked[jonas.ID] && recB.occasion.ID == recA.occasion.ID
	})

	// A third name ticked in the second window, not saved yet, is not read
	// over when the first changes the occasion: a notice says so instead.
	sw.b.win.Canvas().Focus(recB.search)
	keyboard{t, sw.b.win}.tick("ole")
	sw.a.win.Canvas().Focus(recA.notes)
	kb.typeText("Regnvejr")
	kb.ctrl(fyne.KeyS)
	sw.waitFor(t, "no notice in the second window that the occasion changed", recB.notice.shown)
	if n := len(recB.ticks.ticked()); n != 3 {
		t.Fatalf("the second window has %d ticked after the other's save, want its own 3", n)
	}
	sw.b.pick = func(title, msg string, labels []string) int { return 0 }
	sw.b.answer = func(title, msg string) bool { return true } // yes, reload
	test.Tap(recB.notice.button)
	if recB.notes.Text != "Regnvejr" || len(recB.ticks.ticked()) != 2 || recB.notice.shown() {
		t.Fatalf("after reloading: notes %q, %d ticked, notice %v", recB.notes.Text, len(recB.ticks.ticked()), recB.notice.shown())
	}
}

// Two coordinators record the same activity on the same day at the same
// time: the second save runs into the unique rule (the first committed
// while it waited) and asks the same question as when the day had an
// occasion already; adding the ticks leaves one occasion with both.
func TestSharedOccasionTakenLeadsToTheMergeQuestion(t *testing.T) {
	sw := openShared(t)
	cafe, mia, jonas, _ := recordFixture(t, sw.a)
	active := roleByCode(t, sw.a, "active")
	day := data.MustDate("2026-11-25")
	r := openRecord(t, sw.a)
	r.openActivity(cafe.ID, day)
	retype(keyboard{t, sw.a.win}, r.start, "14:00")
	sw.a.win.Canvas().Focus(r.search)
	keyboard{t, sw.a.win}.tick("mia")

	// The other coordinator's occasion is written but not committed when
	// this window looks for one; it commits once this window's insert
	// waits for it.
	inserted, release, committed := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		committed <- sw.b.store.Update(context.Background(), func(tx *data.Tx) error {
			err := tx.SaveOccasion(&data.Occasion{ActivityID: cafe.ID, Date: day, StartTime: "14:00",
				Participants: []data.Participation{{PersonID: jonas.ID, RoleID: active.ID}}})
			close(inserted)
			<-release
			return err
		})
	}()
	<-inserted
	go func() {
		waitForLockWaiter(t, sw.url)
		close(release)
	}()
	var asked string
	sw.a.pick = func(title, msg string, labels []string) int {
		asked = title
		return 2 // add my ticks to it
	}
	kb := keyboard{t, sw.a.win}
	kb.ctrl(fyne.KeyS)
	if err := <-committed; err != nil {
		t.Fatal(err)
	}
	if asked != i18n.T("record.merge_title") {
		t.Fatalf("the save asked %q, want the merge question", asked)
	}
	rows, err := sw.a.store.Occasions(sw.a.ctx, cafe.ID, day, day)
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d occasions that day (%v), want one", len(rows), err)
	}
	o, _ := sw.a.store.Occasion(sw.a.ctx, rows[0].ID)
	got := map[int64]bool{}
	for _, p := range o.Participants {
		got[p.PersonID] = true
	}
	if len(got) != 2 || !got[mia.ID] || !got[jonas.ID] {
		t.Fatalf("the occasion holds %v, want Mia and Jonas", o.Participants)
	}
}

// waitForLockWaiter returns once a connection of the test database waits
// for a lock (the window's insert behind the other's uncommitted row).
func waitForLockWaiter(t *testing.T, url string) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Error(err)
		return
	}
	defer conn.Close(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
			t.Error(err)
			return
		}
		if n > 0 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Error("no connection came to wait for the lock")
}

// The server drops the window's connections (a restart, a network
// break): a save then either goes through on a new connection or says the
// connection is lost with Try again — and what was typed is still in the
// form either way, and saved by the retry.
func TestSharedLostConnectionKeepsWhatWasTyped(t *testing.T) {
	sw := openShared(t)
	u := sw.a
	acts := screenOf[*activitiesScreen](t, u, "activities")
	kb := keyboard{t, u.win}
	u.win.Canvas().Focus(acts.name)
	kb.typeText("Strikkeklub")
	u.win.Canvas().Focus(acts.place)
	kb.typeText("Biblioteket")
	if err := pgtest.Admin(sw.url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
		t.Fatal(err)
	}
	var asked []string
	u.pick = func(title, msg string, labels []string) int {
		asked = append(asked, title+": "+msg)
		if acts.name.Text != "Strikkeklub" || acts.place.Text != "Biblioteket" {
			t.Errorf("under the message the form holds %q, %q", acts.name.Text, acts.place.Text)
		}
		return 1 // Try again
	}
	kb.ctrl(fyne.KeyS)
	for _, a := range asked {
		if !strings.Contains(a, i18n.T("connection.lost_title")) {
			t.Fatalf("asked %q, want the lost connection's message", a)
		}
	}
	rows, err := u.store.Activities(u.ctx, "")
	if err != nil || len(rows) != 1 || rows[0].Name != "Strikkeklub" {
		t.Fatalf("after the save (asked %d times): %+v, %v", len(asked), rows, err)
	}
	t.Logf("the save went through after %d lost-connection messages", len(asked))
}

// `samspil --db postgres://…` opens the window on the server: no lock
// (a second window opens too), the title shows where without a password,
// the day's backup is a Samspil file in the server's own folder, and the
// restore menu points at samspil copy instead of replacing everyone's work.
func TestSharedWindowOpensOnTheServer(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("needs PostgreSQL: set " + pgtest.EnvVar)
	}
	url := pgtest.Fresh(t)
	a := test.NewTempApp(t)
	if err := i18n.SetLanguage(i18n.Danish); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetString(prefLastScreen, "people")
	var windows []*UI
	for range 2 {
		w := a.NewWindow("Samspil")
		start(a, w, url, "test", func(u *UI) {
			u.inline = true
			windows = append(windows, u)
			t.Cleanup(func() {
				u.unfollow()
				u.store.Close()
			})
		})
	}
	if len(windows) != 2 {
		t.Fatalf("%d windows opened on the server, want 2 (no lock on a server)", len(windows))
	}
	u := windows[0]
	if !u.store.OnServer() {
		t.Fatal("the window is not on the server")
	}
	st, _ := u.store.Settings(u.ctx)
	st.Partnership = "Fælleshuset"
	if err := u.store.SaveSettings(u.ctx, st); err != nil {
		t.Fatal(err)
	}
	u.build()
	if want := "Samspil — Fælleshuset — " + shownAddress(url); u.win.Title() != want || strings.Contains(want, "?") {
		t.Fatalf("title %q, want %q", u.win.Title(), want)
	}
	dir := u.backupsDir()
	if !strings.HasPrefix(filepath.Base(dir), "backups-") || !strings.HasPrefix(dir, filepath.Dir(defaultDatabase(a))) {
		t.Fatalf("backups in %s", dir)
	}
	u.checkAndBackup()
	files, _ := filepath.Glob(filepath.Join(dir, "samspil-*.db"))
	if len(files) != 1 {
		t.Fatalf("daily backups in %s: %v", dir, files)
	}
	if err := data.VerifyBackup(u.ctx, files[0]); err != nil {
		t.Fatalf("the daily backup is not a sound Samspil file: %v", err)
	}
	u.restoreBackup()
	var said string
	for _, o := range objects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			said += l.Text
		}
	}
	if !strings.Contains(said, "samspil copy") {
		t.Fatalf("restore on a server says %q", said)
	}
}

// A coordinator on a new PC connects from the welcome screen: server (a
// socket folder here), database, user and password typed into the form,
// Enter in the password field. The window then works on the server, the
// settings say where without the password, and the preferences remember
// everything but the password.
func TestSharedConnectFromTheWelcomeScreen(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("needs PostgreSQL: set " + pgtest.EnvVar)
	}
	target, err := url.Parse(pgtest.Fresh(t))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := data.Open(target.String()) // another coordinator set the register up
	if err != nil {
		t.Fatal(err)
	}
	st, _ := seed.Settings(context.Background())
	st.Partnership = "Fælleshuset"
	if err := seed.SaveSettings(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	seed.Close()

	a := test.NewTempApp(t)
	if err := i18n.SetLanguage(i18n.Danish); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetString(prefLastScreen, "settings")
	s, err := data.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Samspil")
	w.Resize(fyne.NewSize(1200, 800))
	u := newUI(a, w, s, "test")
	u.inline = true
	t.Cleanup(func() {
		u.unfollow()
		u.store.Close()
	})
	showWelcome(u, u.build)
	w.Show()
	var connect *widget.Button
	for _, o := range objects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == i18n.T("connect.title") {
			connect = b
		}
	}
	if connect == nil {
		t.Fatal("the welcome screen offers no connection to a shared register")
	}
	test.Tap(connect)
	kb := keyboard{t, w}
	socket := target.Query().Get("host")
	for _, text := range []string{socket, strings.TrimPrefix(target.Path, "/"), target.User.Username()} {
		kb.typeText(text)
		kb.press(fyne.KeyTab)
	}
	kb.typeText("hemmelig")
	kb.press(fyne.KeyReturn)
	if !u.store.OnServer() {
		t.Fatalf("the window is not on the server; the form says %q", overlayText(u))
	}
	short := target.User.Username() + "@localhost" + target.Path // user@host/database, the socket folder being this computer
	if !strings.HasSuffix(w.Title(), "Fælleshuset — "+short) || strings.Contains(w.Title(), "hemmelig") {
		t.Fatalf("title %q, want it to end in %q", w.Title(), short)
	}
	settingsText := ""
	for _, o := range objects(u.pages[u.current].screen.view()) {
		if l, ok := o.(*widget.Label); ok {
			settingsText += l.Text + "\n"
		}
	}
	if !strings.Contains(settingsText, short+"\n") || strings.Contains(settingsText, "sslmode") || strings.Contains(settingsText, "new.db") {
		t.Fatalf("the settings show the old file or not the server:\n%s", settingsText)
	}
	prefs := a.Preferences()
	if prefs.String(prefServerHost) != socket || prefs.String(prefServerUser) != target.User.Username() {
		t.Fatalf("remembered host %q, user %q", prefs.String(prefServerHost), prefs.String(prefServerUser))
	}
	for _, key := range []string{prefServerHost, prefServerDB, prefServerUser, prefServerCA, prefDatabase} {
		if strings.Contains(prefs.String(key), "hemmelig") {
			t.Fatalf("preference %s holds the password", key)
		}
	}
}

// overlayText is the text of the labels in the top dialog.
func overlayText(u *UI) string {
	var out []string
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		for _, o := range objects(top) {
			if l, ok := o.(*widget.Label); ok && l.Text != "" {
				out = append(out, l.Text)
			}
		}
	}
	return strings.Join(out, " | ")
}

// Two hosts tick arrivals on one shift from two windows on the server:
// the first unticks Jonas and saves, the second ticks Karin and presses
// Ctrl+S. The refusal names who changed the occasion; applying the
// second's ticks on top leaves Mia and Karin — both hosts' changes count.
func TestSharedTwoHostsTickingOneShiftBothCount(t *testing.T) {
	sw := openShared(t)
	cafe, mia, jonas, karin := recordFixture(t, sw.a)
	active := roleByCode(t, sw.a, "active")
	day := data.MustDate("2026-11-25")
	o := &data.Occasion{ActivityID: cafe.ID, Date: day, StartTime: "14:00",
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}, {PersonID: jonas.ID, RoleID: active.ID}}}
	if err := sw.a.store.SaveOccasion(sw.a.ctx, o); err != nil {
		t.Fatal(err)
	}
	ra, rb := openRecord(t, sw.a), openRecord(t, sw.b)
	ra.openOccasion(o.ID)
	rb.openOccasion(o.ID)
	ra.ticks.find(jonas.ID).ticked = false
	ra.changed()
	keyboard{t, sw.a.win}.ctrl(fyne.KeyS)
	sw.b.win.Canvas().Focus(rb.search)
	keyboard{t, sw.b.win}.tick("karin")
	var asked string
	sw.b.pick = func(_, msg string, labels []string) int { asked = msg; return len(labels) - 1 }
	keyboard{t, sw.b.win}.ctrl(fyne.KeyS)
	login, _ := url.Parse(sw.url)
	if !strings.Contains(asked, login.User.Username()+" ændrede") || !strings.Contains(asked, "Karin Lund") {
		t.Errorf("the question does not name who changed it, or the tick made here: %q", asked)
	}
	got, _ := sw.a.store.Occasion(sw.a.ctx, o.ID)
	ids := map[int64]bool{}
	for _, p := range got.Participants {
		ids[p.PersonID] = true
	}
	if len(ids) != 2 || !ids[mia.ID] || !ids[karin.ID] {
		t.Fatalf("stored %v, want Mia and Karin", got.Participants)
	}
}
