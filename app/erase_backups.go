package app

import (
	"fyne.io/fyne/v2/dialog"

	"samspil/app/i18n"
)

// backupsNote is what an erasure's confirmation says about the backups:
// the name leaves the notes too, backups keep the person until they rotate
// out (after the number of days kept), a restore erases them again.
func (u *UI) backupsNote() string {
	return i18n.Tf("erase.backups_note", map[string]any{"Kept": u.settings().BackupsKept})
}

// backupsNoteMany is backupsNote for a bulk erasure of several people.
func (u *UI) backupsNoteMany() string {
	return i18n.Tf("erase.backups_note_many", map[string]any{"Kept": u.settings().BackupsKept})
}

// offerEraseFromBackups asks, after an erasure, whether to remove the
// erased from the backups now as well, and does so in the background.
func (u *UI) offerEraseFromBackups() {
	dir := u.backupsDir()
	u.confirm(i18n.T("erase.from_backups_title"), i18n.Tf("erase.from_backups_question", map[string]any{"Dir": dir}), func() {
		var n int
		u.background(func() error {
			var err error
			n, err = u.store.EraseFromBackups(u.ctx, dir)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(i18n.T("erase.from_backups_title"), i18n.Tf("erase.from_backups_done", map[string]any{"Count": n}), u.win)
		})
	})
}
