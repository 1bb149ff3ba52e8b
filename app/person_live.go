package app

import (
	"errors"

	"samspil/app/i18n"
	"samspil/data"
)

// othersChanged follows other coordinators' changes to the person shown:
// a form with nothing unsaved shows the saved person afresh; a form with
// unsaved changes keeps them and shows a notice offering to reload.
func (d *personDetail) othersChanged(tables map[string]bool) {
	if d.person == nil || d.person.ID == 0 || !touches(tables, "people") {
		return
	}
	latest, err := d.u.store.Person(d.u.ctx, d.person.ID)
	gone := errors.Is(err, data.ErrNotFound)
	switch {
	case err != nil && !gone:
		return // the connection, most likely: the next change tries again
	case !gone && latest.Version == d.person.Version:
		return // as shown: this window's own save, or someone else changed
	case !d.changed && d.u.win.Canvas().Overlays().Top() == nil:
		if gone {
			d.forget(d.person.ID)
			return
		}
		d.show(latest)
		return
	}
	if gone {
		d.notice.show(i18n.T("person.gone_elsewhere"))
		return
	}
	d.notice.show(i18n.T("person.changed_elsewhere"))
}

// askReload shows the saved person in place of the form (the notice's
// button), asking first when the form holds unsaved changes.
func (d *personDetail) askReload() {
	id := d.person.ID
	reload := func() {
		p, err := d.u.store.Person(d.u.ctx, id)
		switch {
		case errors.Is(err, data.ErrNotFound):
			d.forget(id)
		case err != nil:
			d.u.showError(err)
		default:
			d.show(p)
		}
	}
	if !d.changed {
		reload()
		return
	}
	d.u.confirm(i18n.T("person.reload_title"), i18n.T("person.reload_text"), reload)
}
