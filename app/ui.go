package app

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// screen is one page of the main window.
type screen interface {
	// view returns the screen's content; it is built once.
	view() fyne.CanvasObject
	// reload fetches fresh data from the store when the screen is shown.
	reload()
}

// editor is a screen that can hold unsaved changes.
type editor interface {
	dirty() bool
	save() error
	discard()
}

// page is a screen with its place in the navigation.
type page struct {
	key    string // preference value and translation key "nav.<key>"
	icon   fyne.Resource
	screen screen
}

// UI is the main window and the screens in it.
type UI struct {
	app     fyne.App
	win     fyne.Window
	store   *data.Store
	ctx     context.Context    // ended when the store is replaced
	cancel  context.CancelFunc // ends ctx
	version string

	// jobs counts background work that may be reading the store; gen
	// counts stores, so that answers about a replaced one are dropped.
	jobs sync.WaitGroup
	gen  atomic.Int64

	pages   []page
	current int
	nav     *widget.List
	body    *fyne.Container

	// inline runs background work on the calling goroutine (tests).
	inline bool
	// answer, when set, answers confirmations instead of a dialog (tests).
	answer func(title, msg string) bool
	// pick, when set, answers choose instead of a dialog (tests): the
	// index of the chosen label.
	pick func(title, msg string, labels []string) int
	// closed is set once the database is closed.
	closed bool
	// today, when set, is the day the overview counts to (tests).
	today func() data.Date
	// stopFollow ends the subscription to a shared register's changes
	// (see follow); nil when there is none.
	stopFollow func()
	// post, when set, takes the refreshes for others' changes instead of
	// fyne.Do (tests run them on their own goroutine).
	post func(func())
}

// errAsked is returned by a save that put a question to the user first:
// nothing is saved yet, and whoever asked for the save must not go on as
// if it were (leave the page, quit).
var errAsked = errors.New("samspil: waiting for the user's answer")

// background runs work off the UI goroutine and then done on it with
// work's error, so that loading big lists never freezes the window. An
// answer that arrives after the store was replaced is about the old one
// and is dropped.
func (u *UI) background(work func() error, done func(error)) {
	u.spawn(work, done, false)
}

// spawn runs work as a job the store's replacement waits for; done runs
// on the UI goroutine, even after a replacement when always is set (a
// job with a dialog to close).
func (u *UI) spawn(work func() error, done func(error), always bool) {
	if u.inline {
		done(work())
		return
	}
	gen := u.gen.Load()
	u.jobs.Add(1)
	go func() {
		err := work()
		u.jobs.Done()
		fyne.Do(func() {
			if always || gen == u.gen.Load() {
				done(err)
			}
		})
	}()
}

// quiesce ends the background work on the store (its context is
// cancelled) and waits until none is left reading it. Runs on the UI
// goroutine; the jobs' answers come later and are dropped.
func (u *UI) quiesce() {
	u.gen.Add(1)
	u.cancel()
	u.jobs.Wait()
	u.ctx, u.cancel = context.WithCancel(context.Background())
}

// swapStore replaces the open store with s once no background work holds
// the old one, and closes the old one. Others' changes are followed on the
// new one (a shared register) and no longer on the old.
func (u *UI) swapStore(s *data.Store) {
	u.unfollow()
	u.quiesce()
	old := u.store
	u.store = s
	if old != nil && old != s {
		old.Close()
	}
	u.follow()
}

// showError tells the user what went wrong, in their language.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	if errors.Is(err, data.ErrCancelled) {
		dialog.ShowInformation(i18n.T("job.cancelled_title"), i18n.ErrText(err), u.win) // what the user asked for, not a fault
		return
	}
	d := dialog.NewError(&shownError{i18n.ErrText(err)}, u.win)
	d.Show()
}

type shownError struct{ msg string }

func (e *shownError) Error() string { return e.msg }

// confirm asks before something destructive; msg says what will happen.
func (u *UI) confirm(title, msg string, yes func()) {
	if u.answer != nil {
		if u.answer(title, msg) {
			yes()
		}
		return
	}
	dialog.ShowConfirm(title, msg, func(ok bool) {
		if ok {
			yes()
		}
	}, u.win)
}

// choose asks a question with several answers, one button each (labels,
// the first being the way back); chosen runs with the index pressed. The
// button at main is the highlighted one.
func (u *UI) choose(title, msg string, labels []string, main int, chosen func(int)) {
	if u.pick != nil {
		chosen(u.pick(title, msg, labels))
		return
	}
	var d dialog.Dialog
	buttons := container.NewHBox()
	for i, l := range labels {
		b := widget.NewButton(l, func() {
			d.Hide()
			chosen(i)
		})
		if i == main {
			b.Importance = widget.HighImportance
		}
		buttons.Add(b)
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(text, buttons), u.win)
	d.Resize(dialogSize(u.win, 620, 240))
	d.Show()
}

// settings returns the partnership settings, or defaults when unreadable.
func (u *UI) settings() data.Settings {
	st, err := u.store.Settings(u.ctx)
	if err != nil {
		u.showError(err)
	}
	return st
}

// updateTitle sets "Samspil — <partnership>", and on a shared register
// where it is (user@host/database: see shownAddress).
func (u *UI) updateTitle() {
	title := "Samspil"
	if name := u.settings().Partnership; name != "" {
		title += " — " + name
	}
	if u.store.OnServer() {
		title += " — " + shownAddress(u.store.Path())
	}
	u.win.SetTitle(title)
}

// show switches to page i, asking first when the current page has unsaved changes.
func (u *UI) show(i int) {
	if i == u.current && u.body.Objects != nil && len(u.body.Objects) > 0 {
		return
	}
	u.whenSettled(func() { u.open(i) }, func() { u.nav.Select(u.current) })
}

// open shows page i without asking.
func (u *UI) open(i int) {
	u.win.Canvas().Unfocus() // keys must not go on into the hidden page's form
	u.current = i
	p := u.pages[i]
	u.body.Objects = []fyne.CanvasObject{p.screen.view()}
	u.body.Refresh()
	p.screen.reload()
	u.nav.Select(i)
	u.app.Preferences().SetString(prefLastScreen, p.key)
}

// whenSettled runs next once the current page has no unsaved changes:
// straight away, or after the user chose to save or discard them. cancel
// runs when the user stays.
func (u *UI) whenSettled(next, cancel func()) {
	ed, ok := u.pages[u.current].screen.(editor)
	if !ok || !ed.dirty() {
		next()
		return
	}
	var d dialog.Dialog
	var saveAndGo func()
	saveAndGo = func() {
		if err := ed.save(); err != nil {
			// errAsked: the save put its own question; the user stays to
			// answer it. A lost connection offers the same save again.
			u.reportSave(err, saveAndGo)
			if cancel != nil {
				cancel()
			}
			return
		}
		next()
	}
	saveBtn := widget.NewButton(i18n.T("ui.save"), func() {
		d.Hide()
		saveAndGo()
	})
	saveBtn.Importance = widget.HighImportance
	discardBtn := widget.NewButton(i18n.T("ui.discard"), func() {
		d.Hide()
		ed.discard()
		next()
	})
	stayBtn := widget.NewButton(i18n.T("ui.stay"), func() {
		d.Hide()
		if cancel != nil {
			cancel()
		}
	})
	d = dialog.NewCustomWithoutButtons(i18n.T("ui.unsaved_title"), container.NewVBox(
		widget.NewLabel(i18n.T("ui.unsaved_text")),
		container.NewHBox(stayBtn, discardBtn, saveBtn),
	), u.win)
	d.Show()
}

// pageIndex returns the index of the page with key, or 0.
func (u *UI) pageIndex(key string) int {
	for i, p := range u.pages {
		if p.key == key {
			return i
		}
	}
	return 0
}

// goTo opens the page with key (asking about unsaved changes) and returns its screen.
func (u *UI) goTo(key string, then func(screen)) {
	i := u.pageIndex(key)
	u.whenSettled(func() {
		u.open(i)
		if then != nil {
			then(u.pages[i].screen)
		}
	}, nil)
}

// focus gives o the keyboard focus. Fyne refuses (and logs) an object
// that is not in the window; asking the driver for the object's canvas
// first is no test, since a page just put in the window has none until it
// is first drawn — so the cursor went nowhere when Registrering opened.
func (u *UI) focus(o fyne.Focusable) {
	if u.body == nil {
		return // the screens are still being made; nothing is in the window yet
	}
	if obj, ok := o.(fyne.CanvasObject); ok && obj.Visible() {
		u.win.Canvas().Focus(o)
	}
}
