package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// groupsTab shows a person's group periods: a new group can be added (the
// open one ends the day before), and a period's start and end corrected —
// the store refuses dates that overlap another period or leave a
// participation without a group.
type groupsTab struct {
	e          env
	root       fyne.CanvasObject
	personID   int64
	rows       []*data.GroupPeriod
	list       *widget.List
	sel        int
	categories map[int64]string

	newGroup  *groupChooser
	newFrom   *sw.DateField
	addErr    *fieldSet
	editStart *sw.DateField
	editEnd   *sw.DateField
	editErr   *fieldSet
}

func newGroupsTab(e env) *groupsTab {
	t := &groupsTab{e: e, sel: -1, addErr: newFieldSet(), editErr: newFieldSet()}
	t.list = textList(func() int { return len(t.rows) }, func(i int) string { return t.line(t.rows[i]) }, t.selectRow)
	t.newGroup = newGroupChooser(e, t.addErr, nil)
	t.newFrom = t.addErr.date("start", newDateEntry(data.Today()))
	addBtn := widget.NewButton(i18n.T("person.add_period"), t.add)
	t.editStart = t.editErr.date("start", newDateEntry(data.Date{}))
	t.editEnd = t.editErr.date("end", newDateEntry(data.Date{}))
	t.editEnd.SetPlaceHolder(i18n.T("person.end_open_hint"))
	saveBtn := widget.NewButton(i18n.T("person.save_period_dates"), t.saveDates)
	form := container.NewVBox(
		widget.NewLabelWithStyle(i18n.T("person.new_period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		t.newGroup.root,
		widget.NewForm(widget.NewFormItem(i18n.T("field.start"), t.newFrom)), container.NewHBox(addBtn), t.addErr.summary,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(i18n.T("person.edit_period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(widget.NewFormItem(i18n.T("field.start"), t.editStart), widget.NewFormItem(i18n.T("field.end"), t.editEnd)),
		container.NewHBox(saveBtn), t.editErr.summary)
	split := container.NewVSplit(t.list, container.NewVScroll(form))
	split.Offset = 0.3
	t.root = split
	return t
}

func (t *groupsTab) content() fyne.CanvasObject { return t.root }

func (t *groupsTab) load(personID int64, c catalogs) {
	t.personID, t.categories, t.rows, t.sel = personID, c.categories, nil, -1
	if personID != 0 {
		var err error
		t.rows, err = t.e.db().GroupPeriods(t.e.context(), personID)
		t.e.showError(err)
	}
	t.newGroup.reloadCategories()
	t.editStart.SetDate(data.Date{})
	t.editEnd.SetDate(data.Date{})
	t.addErr.clear()
	t.editErr.clear()
	resetList(t.list)
}

// selectRow puts the selected period's dates in the edit fields.
func (t *groupsTab) selectRow(i int) {
	t.sel = i
	t.editErr.clear()
	if i < 0 || i >= len(t.rows) {
		return
	}
	t.editStart.SetDate(t.rows[i].Start)
	t.editEnd.SetDate(t.rows[i].End)
}

func (t *groupsTab) line(g *data.GroupPeriod) string {
	to := i18n.T("person.until_now")
	if !g.End.IsZero() {
		to = i18n.DateText(g.End)
	}
	line := fmt.Sprintf("%s – %s: %s", i18n.DateText(g.Start), to, groupText(g.Group))
	if g.StaffKind != "" {
		line += " (" + i18n.Label("staff", g.StaffKind) + ")"
	}
	if len(g.CategoryIDs) > 0 {
		names := make([]string, len(g.CategoryIDs))
		for i, id := range g.CategoryIDs {
			names[i] = t.categories[id]
		}
		line += " (" + strings.Join(names, ", ") + ")"
	}
	return line
}

func (t *groupsTab) add() {
	from, err := dateOf(t.newFrom, "start")
	if err == nil {
		var g *data.GroupPeriod
		g, err = t.newGroup.period(from)
		if err == nil {
			g.PersonID = t.personID
			err = t.e.db().AddGroupPeriod(t.e.context(), g)
		}
	}
	t.after(t.addErr, err)
}

// saveDates writes the selected period's corrected start and end (an
// empty end: the period is still open).
func (t *groupsTab) saveDates() {
	if !selected(t.editErr, t.sel, len(t.rows)) {
		return
	}
	g := *t.rows[t.sel]
	start, err := dateOf(t.editStart, "start")
	if err == nil {
		g.Start = start
		if g.End, err = dateOf(t.editEnd, "end"); err == nil {
			err = t.e.db().UpdateGroupPeriod(t.e.context(), &g)
		}
	}
	t.after(t.editErr, err)
}

// after shows an edit's error, or reloads the periods.
func (t *groupsTab) after(fields *fieldSet, err error) {
	fields.show(err)
	if err != nil {
		return
	}
	rows, err := t.e.db().GroupPeriods(t.e.context(), t.personID)
	t.e.showError(err)
	t.rows, t.sel = rows, -1
	t.editStart.SetDate(data.Date{})
	t.editEnd.SetDate(data.Date{})
	resetList(t.list)
}
