package app

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"samspil/app/i18n"
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
// The work runs in the background behind a progress dialog, once no other
// background work holds the store.
func (u *UI) restoreBackup() {
	if u.store.OnServer() {
		// Replacing a register others are working in is no single
		// window's decision: it is done with samspil copy, as the README
		// says.
		dialog.ShowInformation(i18n.T("settings.restore"), i18n.T("restore.server"), u.win)
		return
	}
	chooseBackup(u.win, u.backupsDir(), func(backup string) {
		msg := i18n.Tf("settings.restore_confirm", map[string]any{"File": filepath.Base(backup)}) + "\n\n" + i18n.T("restore.keeps")
		u.confirm(i18n.T("settings.restore"), msg, func() {
			u.quiesce()
			old, path, dir := u.store, u.store.Path(), u.backupsDir()
			var restored *data.Store
			var restoreErr error
			touched := false // the open file was closed for the restore
			u.longJob(i18n.T("settings.restore"), i18n.T("settings.restore_running"), func(ctx context.Context, _ progressFunc) error {
				if err := data.VerifyBackup(ctx, backup); err != nil {
					return err
				}
				old.Close()
				touched = true
				_, restoreErr = data.RestoreFile(context.Background(), path, backup, dir)
				s, err := data.OpenExclusive(path)
				if err != nil {
					return err
				}
				restored = s
				if restoreErr == nil {
					restoreErr = s.Update(context.Background(), func(tx *data.Tx) error { return tx.Audit("restore", filepath.Base(backup)) })
				}
				return nil
			}, func(err error) {
				u.afterRestore(path, restored, touched, err, restoreErr)
			})
		})
	})
}

// afterRestore puts the restored (or, when the restore failed, the
// reopened) store in place and says how it went.
func (u *UI) afterRestore(path string, s *data.Store, touched bool, openErr, restoreErr error) {
	if s == nil {
		if !touched {
			u.showError(openErr) // refused (or cancelled) before the open file was touched
			return
		}
		showOpenError(u.app, u.win, path, openErr, nil)
		return
	}
	u.swapStore(s)
	u.rebuild()
	if restoreErr != nil {
		u.showError(restoreErr)
		return
	}
	dialog.ShowInformation(i18n.T("settings.restore"), i18n.T("settings.restore_done"), u.win)
}

// restoreAtStart restores a backup over a file that could not be opened,
// then starts the app on it.
func restoreAtStart(a fyne.App, w fyne.Window, path, version string, started func(*UI)) {
	dir := backupsFor(path)
	chooseBackup(w, dir, func(backup string) {
		if _, err := data.RestoreFile(context.Background(), path, backup, dir); err != nil {
			dialog.ShowError(&shownError{i18n.ErrText(err)}, w)
			return
		}
		start(a, w, path, version, func(u *UI) {
			u.store.Update(u.ctx, func(tx *data.Tx) error { return tx.Audit("restore", filepath.Base(backup)) })
			started(u)
		})
	})
}
