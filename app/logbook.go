package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// logbookScreen lists logbook entries by date with filters and edits one.
type logbookScreen struct {
	u        *UI
	root     fyne.CanvasObject
	fActs    *idSelect
	fTheme   *idSelect
	list     *widget.List
	empty    *sw.EmptyState
	rows     []data.LogRow
	themes   []data.Theme
	entry    *data.LogEntry
	isDirty  bool
	loading  bool
	fields   *fieldSet
	date     *sw.DateField
	author   *widget.Entry
	activity *idSelect
	themeBox *checkList
	text     *widget.Entry
	people   []data.PersonRow
	peopleL  *widget.List
	delBtn   *widget.Button
	saveBtn  *widget.Button
}

func newLogbookScreen(u *UI) *logbookScreen {
	l := &logbookScreen{u: u, fields: newFieldSet()}
	l.fActs = newIDSelect(func(int64) { l.query() })
	l.fActs.PlaceHolder = i18n.T("logbook.all_activities")
	l.fTheme = newIDSelect(func(int64) { l.query() })
	l.fTheme.PlaceHolder = i18n.T("logbook.all_themes")
	l.list = textList(func() int { return len(l.rows) }, func(i int) string {
		r := l.rows[i]
		line := i18n.DateText(r.Date)
		if r.ActivityName != "" {
			line += "  " + r.ActivityName
		}
		return line + " — " + firstLine(r.Text)
	}, nil)
	l.list.OnSelected = func(id widget.ListItemID) {
		target := l.rows[id].ID
		if l.entry != nil && l.entry.ID == target {
			return
		}
		u.whenSettled(func() { l.load(target) }, func() { l.list.UnselectAll() })
	}
	newBtn := widget.NewButtonWithIcon(i18n.T("logbook.new"), theme.ContentAddIcon(), func() {
		u.whenSettled(func() { l.list.UnselectAll(); l.show(&data.LogEntry{Date: data.Today()}) }, nil)
	})
	filters := container.NewGridWithColumns(2, l.fActs, l.fTheme)
	l.empty = sw.NewEmptyState(i18n.T("empty.logbook"))
	l.empty.Hide()
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, newBtn, widget.NewLabel(i18n.T("nav.logbook"))), filters), nil, nil, nil,
		container.NewStack(l.list, l.empty))
	split := container.NewHSplit(left, l.buildEditor())
	split.Offset = 0.4
	l.root = split
	return l
}

func (l *logbookScreen) buildEditor() fyne.CanvasObject {
	touch := func(string) {
		if !l.loading {
			l.isDirty = true
		}
	}
	l.date = l.fields.date("date", newDateEntry(data.Today()))
	l.date.OnChanged = touch
	l.author = l.fields.entry("author", widget.NewEntry())
	l.author.OnChanged = touch
	l.activity = newIDSelect(func(int64) { touch("") })
	l.activity.PlaceHolder = i18n.T("ui.none")
	l.themeBox = newCheckList(3, func() { touch("") })
	l.text = l.fields.entry("text", widget.NewMultiLineEntry())
	l.text.SetMinRowsVisible(6)
	l.text.Wrapping = fyne.TextWrapWord
	l.text.OnChanged = touch
	l.peopleL = textList(func() int { return len(l.people) }, func(i int) string { return personLine(l.people[i]) }, nil)
	l.peopleL.OnSelected = func(id widget.ListItemID) {
		l.people = append(l.people[:id], l.people[id+1:]...)
		l.peopleL.UnselectAll()
		l.peopleL.Refresh()
		touch("")
	}
	addPerson := widget.NewButtonWithIcon(i18n.T("logbook.mention"), theme.ContentAddIcon(), func() {
		l.u.pickPerson(i18n.T("logbook.mention"), func(p data.PersonRow) {
			for _, x := range l.people {
				if x.ID == p.ID {
					return
				}
			}
			l.people = append(l.people, p)
			l.peopleL.Refresh()
			touch("")
		})
	})
	l.saveBtn = widget.NewButton(i18n.T("ui.save"), l.u.saveAgain(l.save))
	l.saveBtn.Importance = widget.HighImportance
	l.delBtn = widget.NewButton(i18n.T("ui.delete"), func() {
		e := l.entry
		l.u.confirm(i18n.T("logbook.delete_title"), i18n.T("logbook.delete_confirm"), func() {
			if err := l.u.store.DeleteLogEntry(l.u.ctx, e.ID, e.Version); err != nil {
				l.u.showError(err)
				return
			}
			l.show(&data.LogEntry{Date: data.Today()})
			l.query()
		})
	})
	l.delBtn.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.date"), l.date),
		widget.NewFormItem(i18n.T("field.author"), l.author),
		widget.NewFormItem(i18n.T("field.activity"), container.NewVBox(l.activity, l.fields.note("activity"))),
		widget.NewFormItem(i18n.T("logbook.themes"), l.themeBox.root),
		widget.NewFormItem(i18n.T("field.text"), l.text),
	)
	peopleBox := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel(i18n.T("logbook.people")), addPerson), nil, nil, nil, l.peopleL)
	top := container.NewVBox(form, l.fields.note("people"), l.fields.summary, container.NewHBox(l.saveBtn, l.delBtn))
	split := container.NewVSplit(container.NewVScroll(top), peopleBox)
	split.Offset = 0.68
	return split
}

func (l *logbookScreen) view() fyne.CanvasObject { return l.root }

func (l *logbookScreen) reload() {
	acts, err := l.u.store.Activities(l.u.ctx, "")
	if err == nil {
		l.themes, err = l.u.store.Themes(l.u.ctx)
	}
	if err != nil {
		l.u.showError(err)
		return
	}
	ids, names := []int64{0}, []string{i18n.T("logbook.all_activities")}
	for _, a := range acts {
		ids = append(ids, a.ID)
		names = append(names, a.Name)
	}
	l.loading = true
	l.fActs.setItems(ids, names)
	l.activity.setItems(ids, append([]string{i18n.T("ui.none")}, names[1:]...))
	tids, tnames := []int64{0}, []string{i18n.T("logbook.all_themes")}
	for _, t := range l.themes {
		tids = append(tids, t.ID)
		tnames = append(tnames, t.Name(i18n.Language()))
	}
	l.fTheme.setItems(tids, tnames)
	l.themeBox.setItems(tids[1:], tnames[1:])
	l.loading = false
	if l.entry == nil {
		l.show(&data.LogEntry{Date: data.Today()})
	}
	l.query()
}

func (l *logbookScreen) query() { l.find(false) }

// othersChanged follows other coordinators' changes: the list is read
// again where it was, with the entry shown still selected, and that entry
// is read afresh when the form holds nothing unsaved (a save over a
// change is refused and says so).
func (l *logbookScreen) othersChanged(tables map[string]bool) {
	if !touches(tables, "logbook", "activities", "people") {
		return
	}
	l.find(true)
	if l.entry == nil || l.entry.ID == 0 || l.isDirty || !touches(tables, "logbook", "people") {
		return
	}
	latest, err := l.u.store.LogEntry(l.u.ctx, l.entry.ID)
	if err == nil && latest.Version != l.entry.Version {
		l.show(latest)
	}
}

// find reads the list for the filters; keep leaves it where it was, with
// the entry shown still selected.
func (l *logbookScreen) find(keep bool) {
	if l.loading {
		return
	}
	f := data.LogFilter{ActivityID: l.fActs.ID(), ThemeID: l.fTheme.ID()}
	var rows []data.LogRow
	l.u.background(func() error {
		var err error
		rows, err = l.u.store.LogEntries(l.u.ctx, f)
		return err
	}, func(err error) {
		if err != nil {
			l.u.showError(err)
			return
		}
		l.rows = rows
		l.empty.SetShown(len(rows) == 0 && f == data.LogFilter{})
		if !keep {
			l.list.UnselectAll()
			l.list.Refresh()
			return
		}
		at := -1
		for i, r := range rows {
			if l.entry != nil && r.ID == l.entry.ID && r.ID != 0 {
				at = i
			}
		}
		l.list.Refresh()
		keepPlace(l.list, at)
	})
}

func (l *logbookScreen) load(id int64) {
	e, err := l.u.store.LogEntry(l.u.ctx, id)
	if err != nil {
		l.u.showError(err)
		return
	}
	l.show(e)
}

func (l *logbookScreen) show(e *data.LogEntry) {
	l.loading = true
	defer func() { l.loading = false }()
	l.entry, l.isDirty = e, false
	l.fields.clear()
	l.date.SetText(i18n.DateText(e.Date))
	l.author.SetText(e.Author)
	l.activity.ClearSelected()
	l.activity.SetID(e.ActivityID)
	l.themeBox.setSelected(e.ThemeIDs)
	l.text.SetText(e.Text)
	l.people = nil
	linked, err := l.u.store.PeopleByID(l.u.ctx, e.PersonIDs) // one query, not one per linked person
	l.u.showError(err)
	for _, id := range e.PersonIDs {
		if p, ok := linked[id]; ok {
			l.people = append(l.people, p)
		}
	}
	l.peopleL.Refresh()
	if e.ID == 0 {
		l.delBtn.Hide()
	} else {
		l.delBtn.Show()
	}
}

func (l *logbookScreen) form() (*data.LogEntry, error) {
	e := *l.entry
	day, err := dateOf(l.date, "date")
	if err != nil {
		return nil, err
	}
	e.Date, e.Author, e.Text = day, strings.TrimSpace(l.author.Text), l.text.Text
	if e.ActivityID != l.activity.ID() {
		e.OccasionID = 0
	}
	e.ActivityID = l.activity.ID()
	if e.OccasionID == 0 && e.ActivityID != 0 {
		if o, err := l.u.store.OccasionOn(l.u.ctx, e.ActivityID, day); err == nil {
			e.OccasionID = o.ID
		}
	}
	e.ThemeIDs = l.themeBox.selected()
	e.PersonIDs = nil
	for _, p := range l.people {
		e.PersonIDs = append(e.PersonIDs, p.ID)
	}
	return &e, nil
}

func (l *logbookScreen) dirty() bool { return l.isDirty }
func (l *logbookScreen) discard()    { l.show(l.entry) }

func (l *logbookScreen) save() error {
	e, err := l.form()
	if err == nil {
		err = l.u.store.SaveLogEntry(l.u.ctx, e)
	}
	l.fields.show(err)
	if data.IsStale(err) {
		l.u.offerReload(err, func() { l.load(e.ID) })
		return errAsked
	}
	if err != nil {
		return err
	}
	l.show(e)
	l.query()
	return nil
}
