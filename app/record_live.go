package app

import (
	"errors"

	"samspil/app/i18n"
	"samspil/data"
)

// othersChanged follows other coordinators' changes on Registrering: the
// activity list, and the occasion the form names. That is read afresh
// when nothing on the screen is unsaved (no tick or field changed, no name
// half typed in the search, no question open); otherwise a notice offers
// to reload it, and the ticks stay as they are.
func (r *recordScreen) othersChanged(tables map[string]bool) {
	if touches(tables, "activities") {
		if err := r.loadActivities(); err != nil {
			return // the next change tries again
		}
	}
	if r.occasion == nil || r.page.Hidden || !touches(tables, "occasions", "participations", "people", "group_periods") {
		return
	}
	activityID, day, ok := r.target()
	if !ok {
		return
	}
	var latest *data.Occasion
	var err error
	if r.occasion.ID != 0 {
		latest, err = r.u.store.Occasion(r.u.ctx, r.occasion.ID)
		if err == nil && latest.Version == r.occasion.Version {
			return // as shown: this window's own save, or a change to something else
		}
	} else if r.fresh {
		return // a new occasion asked for beside the day's recorded ones: it stays new
	} else if activityID != 0 {
		latest, err = r.recordedAt(activityID, day, r.start.Text)
	}
	gone := errors.Is(err, data.ErrNotFound)
	if err != nil && !gone {
		return // the connection, most likely: the next change tries again
	}
	if gone {
		latest = nil
	}
	if r.quiet() {
		switch {
		case latest != nil:
			r.fill(latest)
			r.status.SetText(i18n.T("record.updated_elsewhere"))
		default:
			r.reopen() // gone, or still nothing recorded: a fresh list of regulars
		}
		return
	}
	if latest != nil || r.occasion.ID != 0 {
		r.notice.show(i18n.T("record.changed_elsewhere"))
	}
}

// quiet reports whether the screen holds nothing the user has not saved
// and no question is open, so it may be read afresh.
func (r *recordScreen) quiet() bool {
	return !r.isDirty && r.search.Text == "" && r.u.win.Canvas().Overlays().Top() == nil
}

// askReload shows what is saved in place of the form (the notice's
// button), asking first when the form holds unsaved changes.
func (r *recordScreen) askReload() {
	reload := func() {
		if r.occasion != nil && r.occasion.ID != 0 {
			o, err := r.u.store.Occasion(r.u.ctx, r.occasion.ID)
			if err == nil {
				r.fill(o)
				return
			}
			if !errors.Is(err, data.ErrNotFound) {
				r.u.showError(err)
				return
			}
		}
		r.reopen()
	}
	if !r.isDirty {
		reload()
		return
	}
	r.u.confirm(i18n.T("record.reload_title"), i18n.T("record.reload_text"), reload)
}
