package app

import (
	"errors"

	"samspil/app/i18n"
	"samspil/data"
)

// reportSave tells the user why a save did not happen, unless the form
// shows it already. A lost connection to a shared register gets its
// translated message (nothing saved, the form keeps what was typed) and a
// Try again button that runs retry: the same save, with what the form
// holds then.
func (u *UI) reportSave(err error, retry func()) {
	switch {
	case err == nil:
	case errors.Is(err, data.ErrConnection):
		labels := []string{i18n.T("connection.close"), i18n.T("connection.retry")}
		u.choose(i18n.T("connection.lost_title"), i18n.ErrText(err), labels, 1, func(i int) {
			if i == 1 && retry != nil {
				retry()
			}
		})
	case alreadyShown(err):
	default:
		u.showError(err)
	}
}

// saveAgain returns a function that runs save and reports its failure,
// offering itself again after a lost connection: what a Save button does.
func (u *UI) saveAgain(save func() error) func() {
	var run func()
	run = func() { u.reportSave(save(), run) }
	return run
}
