package app

import (
	"context"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// Preference keys.
const (
	prefLastScreen = "ui.last_screen"
	prefWidth      = "ui.window_width"
	prefHeight     = "ui.window_height"
	prefLanguage   = "ui.language"
	prefDatabase   = "db.path"
)

// newUI builds the main window's screens around an open store.
func newUI(a fyne.App, w fyne.Window, s *data.Store, version string) *UI {
	u := &UI{app: a, win: w, store: s, version: version}
	u.ctx, u.cancel = context.WithCancel(context.Background())
	u.makePages()
	return u
}

// makePages creates every screen afresh, in the current language.
func (u *UI) makePages() {
	u.pages = []page{
		{"overview", theme.HomeIcon(), newOverview(u)},
		{"people", theme.AccountIcon(), newPeopleScreen(u)},
		{"activities", theme.ListIcon(), newActivitiesScreen(u)},
		{"record", theme.DocumentCreateIcon(), newRecordScreen(u)},
		{"logbook", theme.FileTextIcon(), newLogbookScreen(u)},
		{"import", theme.DownloadIcon(), newImportScreen(u)},
		{"export", theme.UploadIcon(), newExportScreen(u)},
		{"settings", theme.SettingsIcon(), newSettingsScreen(u)},
	}
}

// rebuild remakes the window in the current language, on the same page.
func (u *UI) rebuild() {
	key := u.pages[u.current].key
	u.makePages()
	if u.body == nil {
		showWelcome(u, u.build)
		return
	}
	u.app.Preferences().SetString(prefLastScreen, key)
	u.build()
}

// build lays out the navigation and the first page in the window.
func (u *UI) build() {
	u.body = container.NewStack()
	u.nav = widget.NewList(
		func() int { return len(u.pages) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Registrering........"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.pages[id].icon)
			row.Objects[1].(*widget.Label).SetText(i18n.T("nav." + u.pages[id].key))
		})
	u.nav.OnSelected = func(id widget.ListItemID) {
		if id != u.current || len(u.body.Objects) == 0 {
			u.show(id)
		}
	}
	version := widget.NewLabel("Samspil " + u.version)
	version.Importance = widget.LowImportance
	side := container.NewBorder(nil, version, nil, nil, u.nav)
	split := container.NewHSplit(side, u.body)
	split.Offset = 0.16
	u.win.SetContent(split)
	u.addShortcuts()
	u.updateTitle()
	u.open(u.pageIndex(u.app.Preferences().StringWithFallback(prefLastScreen, "overview")))
	u.offerRepairs()
}

// Keyboard shortcuts of the main menu. The window tries the main menu's
// shortcuts before it gives a key to the focused widget, so these work
// wherever the cursor is — in a text field too, where a shortcut added to
// the canvas never arrives.
var (
	shortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	pageKeys     = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
)

// addShortcuts puts Save (Ctrl+S), Quit (Ctrl+Q) and one item per page
// (Ctrl+1 …) in the window's main menu, and asks before the window closes.
func (u *UI) addShortcuts() {
	save := fyne.NewMenuItem(i18n.T("menu.save"), u.saveCurrent)
	save.Shortcut = shortcutSave
	quit := fyne.NewMenuItem(i18n.T("ui.quit"), u.requestQuit)
	quit.Shortcut, quit.IsQuit = shortcutQuit, true
	pages := fyne.NewMenu(i18n.T("menu.go"))
	for i, p := range u.pages {
		item := fyne.NewMenuItem(i18n.T("nav."+p.key), func() { u.show(i) })
		if i < len(pageKeys) {
			item.Shortcut = &desktop.CustomShortcut{KeyName: pageKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
		}
		pages.Items = append(pages.Items, item)
	}
	u.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(i18n.T("menu.file"), save, fyne.NewMenuItemSeparator(), quit), pages))
	u.win.SetCloseIntercept(u.requestQuit)
}

// saveCurrent saves the page shown, when it holds unsaved changes.
func (u *UI) saveCurrent() {
	if u.win.Canvas().Overlays().Top() != nil {
		return // a question is open: it is answered first (the menu's shortcuts reach past dialogs)
	}
	if ed, ok := u.pages[u.current].screen.(editor); ok {
		u.reportSave(ed.save(), u.saveCurrent)
	}
}

// requestQuit quits once unsaved changes are saved or discarded.
func (u *UI) requestQuit() {
	u.whenSettled(u.quit, nil)
}

// quitNow is for SIGTERM (log-out, shutdown), when nobody can answer: a
// pending edit is saved if it is valid and otherwise discarded, and the
// log says which.
func (u *UI) quitNow() {
	if ed, ok := u.pages[u.current].screen.(editor); ok && ed.dirty() {
		if err := ed.save(); err != nil {
			log.Printf("samspil: unsaved changes discarded at shutdown: %s", i18n.ErrText(err))
			ed.discard()
		} else {
			log.Printf("samspil: unsaved changes saved at shutdown")
		}
	}
	u.quit()
}

// quit remembers the window, closes the database cleanly and ends the app.
func (u *UI) quit() {
	if u.closed {
		return
	}
	size := u.win.Canvas().Size()
	prefs := u.app.Preferences()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
	u.unfollow()
	if err := u.store.Close(); err != nil {
		log.Printf("samspil: closing the database: %v", err)
	}
	u.closed = true
	u.app.Quit()
}

// restoreSize sizes the window as it was last time.
func restoreSize(a fyne.App, w fyne.Window) {
	p := a.Preferences()
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1200)), float32(p.FloatWithFallback(prefHeight, 780))))
}
