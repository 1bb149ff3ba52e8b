// Package app is Samspil's desktop user interface, built with Fyne. It talks
// to the database only through package data.
package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/glcheck"
	"samspil/app/i18n"
	"samspil/assets"
	"samspil/data"
)

// AppID identifies Samspil to Fyne: preferences and the default database
// live in the user config folder under this id.
const AppID = "dk.samspil.app"

// Main runs the GUI with the command-line args (without the program name)
// and returns the exit code.
func Main(args []string, version string) int {
	fs := flag.NewFlagSet("samspil", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "database file or postgres:// URL of a shared register")
	language := fs.String("lang", "", "da or en")
	firstFrame := fs.Bool("first-frame", false, "print how long the window took to start, then quit")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(os.Stderr, "samspil:", err)
		return 2
	}
	if os.Getenv("GOGC") == "" {
		// The window's own live heap is small (about 25 MiB with ten
		// years of data) but drawing makes garbage all the time; collecting
		// at half again the live heap instead of twice it keeps the app
		// within its memory budget for a few cheap collections more.
		debug.SetGCPercent(50)
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if *language == "" {
		*language = a.Preferences().StringWithFallback(prefLanguage, i18n.Danish)
	}
	if err := i18n.SetLanguage(*language); err != nil {
		fmt.Fprintln(os.Stderr, "samspil:", err)
		return 1
	}
	// Without a usable OpenGL Fyne makes no window and says so only in its
	// log: explain it in a native message box instead (glcheck).
	guard := glcheck.Install(*language)
	var w fyne.Window
	guard.Do(func() { w = a.NewWindow("Samspil") })
	restoreSize(a, w)
	path := *dbPath
	if path == "" {
		path = a.Preferences().StringWithFallback(prefDatabase, defaultDatabase(a))
	}
	var u *UI
	stopSignals := onTerminate(func() {
		fyne.Do(func() {
			if u != nil {
				u.quitNow()
			} else {
				a.Quit()
			}
		})
	})
	defer stopSignals()
	start(a, w, path, version, func(ui *UI) { u = ui })
	if *firstFrame {
		began := processStart
		a.Lifecycle().SetOnStarted(func() {
			fyne.Do(func() {
				fmt.Printf("first frame after %d ms\n", time.Since(began).Milliseconds())
				// Quitting the driver this early races with its first pointer
				// events (a crash inside GLFW); close the database and leave.
				if u != nil {
					u.store.Close()
				}
				os.Exit(0)
			})
		})
	}
	guard.Do(w.Show)
	guard.Done()
	a.Run()
	if u != nil && !u.closed {
		u.unfollow()
		u.store.Close()
	}
	return 0
}

// processStart is when the program began, for --first-frame.
var processStart = time.Now()

// defaultDatabase is samspil.db in the app's storage folder.
func defaultDatabase(a fyne.App) string {
	return filepath.Join(a.Storage().RootURI().Path(), "samspil.db")
}

// start opens the database at path — a file, or a shared register's
// postgres:// URL — and shows the welcome or the main window; a file that
// cannot be opened is explained, and left untouched. A server is not
// locked: several windows share it, which is what it is for.
func start(a fyne.App, w fyne.Window, path, version string, started func(*UI)) {
	var s *data.Store
	var err error
	if data.IsServerURL(path) {
		s, err = data.Open(path)
	} else {
		os.MkdirAll(filepath.Dir(path), 0o700)
		s, err = data.OpenExclusive(path) // one window per file: a second is refused
	}
	if err != nil {
		if data.IsServerURL(path) {
			showServerError(a, w, path, err, func() { start(a, w, path, version, started) },
				func() { // the file on this computer instead, now and next time
					a.Preferences().RemoveValue(prefDatabase)
					start(a, w, defaultDatabase(a), version, started)
				})
			return
		}
		showOpenError(a, w, path, err, func() { restoreAtStart(a, w, path, version, started) })
		return
	}
	u := newUI(a, w, s, version)
	started(u)
	u.follow()
	if u.isNew() {
		showWelcome(u, u.build)
		return
	}
	u.build()
	u.checkAndBackup()
}

// backupsDir is where the open database's automatic backups go: beside a
// file, or for a shared register in the app's folder on this computer.
func (u *UI) backupsDir() string {
	if u.store.OnServer() {
		return serverBackupsFor(filepath.Dir(defaultDatabase(u.app)), u.store.Path())
	}
	return backupsFor(u.store.Path())
}

// serverBackupsFor is the backup folder of a shared register in dir:
// backups-<host>-<database>, so each server database has its own daily
// backups and restore list. A socket folder given as host= counts as the
// host; characters a folder name should not hold become "_".
func serverBackupsFor(dir, serverURL string) string {
	host, db := "", ""
	if u, err := url.Parse(serverURL); err == nil {
		host, db = u.Hostname(), strings.TrimPrefix(u.Path, "/")
		if h := u.Query().Get("host"); h != "" && host == "" {
			host = h
		}
		if p := u.Port(); p != "" && p != "5432" {
			host += "_" + p
		}
	}
	clean := func(s, empty string) string {
		s = strings.Trim(strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' {
				return r
			}
			return '_'
		}, s), "_.")
		if s == "" {
			return empty
		}
		return s
	}
	return filepath.Join(dir, "backups-"+clean(host, "localhost")+"-"+clean(db, "postgres"))
}

// backupsFor is the backup folder of a database: beside it and named after
// it (samspil-backups for samspil.db), so that each database has its own
// daily backup and the restore list shows only its own.
func backupsFor(dbPath string) string {
	stem := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	return filepath.Join(filepath.Dir(dbPath), stem+"-backups")
}

// checkAndBackup runs the quick integrity check in the background and then
// the day's backup (at most one a day). A damaged file is not backed up
// over good backups: the user is told and offered a restore instead.
func (u *UI) checkAndBackup() {
	keep := u.settings().BackupsKept
	damaged := false
	server := u.store.OnServer() // the server keeps its own files sound; SQLite's check is for a file
	u.background(func() error {
		if !server {
			if err := u.store.QuickCheck(u.ctx); err != nil {
				damaged = true
				return err
			}
		}
		_, err := u.store.BackupDaily(u.ctx, u.backupsDir(), keep)
		return err
	}, func(err error) {
		switch {
		case damaged:
			u.confirm(i18n.T("ui.damaged_title"), i18n.ErrText(err)+"\n\n"+i18n.T("ui.damaged_offer"), u.restoreBackup)
		case err != nil:
			u.showError(err)
		}
	})
}

// isNew reports whether the database has neither a partnership name nor people.
func (u *UI) isNew() bool {
	st := u.settings()
	people, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{Limit: 1})
	return st.Partnership == "" && len(people) == 0
}

// showOpenError fills the window with why the file could not be opened,
// offering to restore a backup when restore is not nil. The file itself is
// never touched here.
func showOpenError(a fyne.App, w fyne.Window, path string, err error, restore func()) {
	msg := widget.NewLabel(i18n.ErrText(err))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	quit := widget.NewButton(i18n.T("ui.quit"), a.Quit)
	buttons := container.NewHBox(quit)
	if restore != nil && !errors.Is(err, data.ErrInUse) { // open in another window: a restore would be refused too
		r := widget.NewButton(i18n.T("settings.restore"), restore)
		r.Importance = widget.HighImportance
		buttons.Add(r)
	}
	w.SetContent(container.NewPadded(container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("ui.open_failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(path), msg, buttons)))
}

// showServerError fills the window with why a shared register could not be
// opened (its address without a password), offering to try again and to
// open the file on this computer instead.
func showServerError(a fyne.App, w fyne.Window, serverURL string, err error, retry, useFile func()) {
	msg := widget.NewLabel(i18n.ErrText(err))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	again := widget.NewButton(i18n.T("connection.retry"), retry)
	again.Importance = widget.HighImportance
	buttons := container.NewHBox(widget.NewButton(i18n.T("ui.quit"), a.Quit), widget.NewButton(i18n.T("connect.use_file"), useFile), again)
	w.SetContent(container.NewPadded(container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("ui.open_failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(data.RedactURL(serverURL)), msg, buttons)))
}

// onTerminate calls fn on SIGTERM or an interrupt, and returns a function
// that stops listening.
func onTerminate(fn func()) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			fn()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
