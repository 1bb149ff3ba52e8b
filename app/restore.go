package app

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"samspil/data"
)

// chooseBackup asks for a backup file and calls chosen with its path.
func chooseBackup(w fyne.Window, dir string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(dialogSize(w, 800, 600))
	d.Show()
}

// restoreBackup replaces the open database with a backup the user picks,
// after a confirmation; the current file is kept among the backups first.
func (u *UI) restoreBackup() {
	chooseBackup(u.win, u.backupsDir(), func(backup string) {
		msg := Tf("settings.restore_confirm", map[string]any{"File": filepath.Base(backup)})
		u.confirm(T("settings.restore"), msg, func() {
			path := u.store.Path()
			if err := data.VerifyBackup(u.ctx, backup); err != nil {
				u.showError(err)
				return
			}
			u.store.Close()
			_, err := data.RestoreFile(u.ctx, path, backup, u.backupsDir())
			s, openErr := data.Open(path)
			if openErr != nil {
				showOpenError(u.app, u.win, path, openErr, nil)
				return
			}
			u.store = s
			if err == nil {
				err = s.Update(u.ctx, func(tx *data.Tx) error { return tx.Audit("restore", filepath.Base(backup)) })
			}
			u.rebuild()
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(T("settings.restore"), T("settings.restore_done"), u.win)
		})
	})
}

// restoreAtStart restores a backup over a file that could not be opened,
// then starts the app on it.
func restoreAtStart(a fyne.App, w fyne.Window, path, version string, started func(*UI)) {
	dir := backupsFor(path)
	chooseBackup(w, dir, func(backup string) {
		if _, err := data.RestoreFile(context.Background(), path, backup, dir); err != nil {
			dialog.ShowError(&shownError{errText(err)}, w)
			return
		}
		start(a, w, path, version, func(u *UI) {
			u.store.Update(u.ctx, func(tx *data.Tx) error { return tx.Audit("restore", filepath.Base(backup)) })
			started(u)
		})
	})
}
