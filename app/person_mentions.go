package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// mentionsTab lists the logbook entries linked to a person.
type mentionsTab struct {
	e    env
	rows []data.LogRow
	list *widget.List
}

func newMentionsTab(e env) *mentionsTab {
	t := &mentionsTab{e: e}
	t.list = textList(func() int { return len(t.rows) }, func(i int) string {
		r := t.rows[i]
		return i18n.DateText(r.Date) + "  " + firstLine(r.Text)
	}, nil)
	return t
}

func (t *mentionsTab) content() fyne.CanvasObject { return t.list }

func (t *mentionsTab) load(personID int64, _ catalogs) {
	t.rows = nil
	if personID != 0 {
		var err error
		t.rows, err = t.e.db().LogEntries(t.e.context(), data.LogFilter{PersonID: personID})
		t.e.showError(err)
	}
	resetList(t.list)
}
