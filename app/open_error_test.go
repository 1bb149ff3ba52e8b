package app

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// A file open in another window is not offered a restore (it would be
// refused as well); a damaged file is.
func TestOpenErrorOffersRestoreOnlyWhereItCanWork(t *testing.T) {
	u := newTestUI(t)
	has := func() bool {
		for _, o := range objects(u.win.Content()) {
			if b, ok := o.(*widget.Button); ok && b.Text == i18n.T("settings.restore") {
				return true
			}
		}
		return false
	}
	showOpenError(u.app, u.win, "samspil.db", data.ErrInUse, func() {})
	if has() {
		t.Fatal("a file open in another window is offered a restore")
	}
	showOpenError(u.app, u.win, "samspil.db", &data.Error{Code: "err.db_damaged"}, func() {})
	if !has() {
		t.Fatal("a damaged file is not offered a restore")
	}
}
