package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// Activity filters of the people list.
var peopleFilters = []string{"all", "last_week", "last_30", "this_year", "inactive_6m", "no_research_consent", "review"}

// peopleScreen lists people with search as you type and filters, and shows
// the selected person's details beside the list.
type peopleScreen struct {
	u        *UI
	root     fyne.CanvasObject
	search   *widget.Entry
	group    *codeSelect
	category *idSelect
	activity *codeSelect
	sortBy   *codeSelect
	count    *widget.Label
	list     *widget.List
	rows     []data.PersonRow
	detail   *personDetail
	eraseAll *widget.Button
	seq      int // the latest query; older answers are dropped
	empty    *sw.EmptyState
}

func newPeopleScreen(u *UI) *peopleScreen {
	ps := &peopleScreen{u: u}
	ps.search = widget.NewEntry()
	ps.search.SetPlaceHolder(i18n.T("people.search_hint"))
	ps.search.OnChanged = func(string) { ps.query() }
	groups := make([]string, len(data.Groups))
	for i, g := range data.Groups {
		groups[i] = string(g)
	}
	ps.group = newCodeSelect("group", groups, i18n.T("people.all_groups"), func(string) { ps.query() })
	ps.group.PlaceHolder = i18n.T("people.all_groups")
	ps.category = newIDSelect(func(int64) { ps.query() })
	ps.category.PlaceHolder = i18n.T("people.all_categories")
	ps.activity = newCodeSelect("filter", peopleFilters, "", func(code string) {
		if ps.eraseAll != nil {
			ps.eraseAll.Hidden = code != "review"
			ps.eraseAll.Refresh()
		}
		ps.query()
	})
	ps.activity.SetCode("all")
	ps.sortBy = newCodeSelect("sort", []string{"name", "newest"}, "", func(string) { ps.query() })
	ps.sortBy.SetCode("name")
	ps.count = widget.NewLabel("")
	ps.list = widget.NewList(func() int { return len(ps.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(reviewLine(ps.rows[id])) })
	ps.detail = newPersonDetail(u, func(id int64) {
		ps.query()
	})
	ps.list.OnSelected = func(id widget.ListItemID) {
		target := ps.rows[id].ID
		if ps.detail.personID() == target {
			return
		}
		u.whenSettled(func() { ps.detail.load(target) }, func() { ps.list.UnselectAll() })
	}
	newBtn := widget.NewButtonWithIcon(i18n.T("people.new"), theme.ContentAddIcon(), func() {
		u.whenSettled(func() {
			ps.list.UnselectAll()
			ps.detail.startNew()
		}, nil)
	})
	filters := container.NewGridWithColumns(2, ps.group, ps.category, ps.activity, ps.sortBy)
	ps.eraseAll = widget.NewButton(i18n.T("people.erase_all"), ps.askEraseAll)
	ps.eraseAll.Importance = widget.DangerImportance
	ps.eraseAll.Hide()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, newBtn, ps.search), filters,
		container.NewBorder(nil, nil, nil, ps.eraseAll, ps.count))
	ps.empty = sw.NewEmptyState(i18n.T("empty.people"),
		widget.NewButtonWithIcon(i18n.T("empty.import"), theme.DownloadIcon(), func() { u.goTo("import", nil) }))
	ps.empty.Hide()
	left := container.NewBorder(top, nil, nil, nil, container.NewStack(ps.list, ps.empty))
	split := container.NewHSplit(left, ps.detail.root)
	split.Offset = 0.38
	ps.root = split
	return ps
}

func (ps *peopleScreen) view() fyne.CanvasObject { return ps.root }

func (ps *peopleScreen) reload() {
	cats, err := ps.u.store.Categories(ps.u.ctx)
	if err != nil {
		ps.u.showError(err)
	}
	ids := []int64{0}
	names := []string{i18n.T("people.all_categories")}
	for _, c := range cats {
		ids = append(ids, c.ID)
		names = append(names, c.Name(i18n.Language()))
	}
	ps.category.setItems(ids, names)
	ps.query()
	ps.detail.reloadCatalogs()
}

// filter builds the data filter from the widgets.
func (ps *peopleScreen) filter() data.PersonFilter {
	f := data.PersonFilter{Query: ps.search.Text, Group: data.Group(ps.group.Code()), CategoryID: ps.category.ID(), SortBy: ps.sortBy.Code()}
	today := data.Today()
	switch ps.activity.Code() {
	case "last_week":
		monday := today.StartOfWeek().AddDays(-7)
		f.ActiveFrom, f.ActiveTo = monday, monday.AddDays(6)
	case "last_30":
		f.ActiveFrom, f.ActiveTo = today.AddDays(-30), today
	case "this_year":
		f.ActiveFrom, f.ActiveTo = data.NewDate(today.Year, 1, 1), today
	case "inactive_6m":
		f.ActiveFrom, f.ActiveTo, f.Inactive = today.AddMonths(-6), today, true
	case "no_research_consent":
		f.MissingResearchConsent = true
	case "review":
		f.ReviewMonths = ps.u.settings().RetentionMonths
	}
	return f
}

// query runs the search in the background; only the newest answer is shown.
func (ps *peopleScreen) query() { ps.find(false) }

// othersChanged runs the search again for other coordinators' changes,
// keeping the person shown selected; the form beside it follows the
// person shown, never writing over what is typed (see personDetail).
func (ps *peopleScreen) othersChanged(tables map[string]bool) {
	if touches(tables, "people", "participations", "occasions", "group_periods") {
		ps.find(true)
	}
	ps.detail.othersChanged(tables)
}

// rowOf is the list row of the person with the id, or -1.
func (ps *peopleScreen) rowOf(id int64) int {
	for i, r := range ps.rows {
		if r.ID == id && id != 0 {
			return i
		}
	}
	return -1
}

// find runs the search; keep leaves the list where it was, with the
// person shown still selected.
func (ps *peopleScreen) find(keep bool) {
	if ps.list == nil || ps.detail == nil {
		return // still being built
	}
	ps.seq++
	seq := ps.seq
	f := ps.filter()
	var rows []data.PersonRow
	ps.u.background(func() error {
		var err error
		rows, err = ps.u.store.SearchPeople(ps.u.ctx, f)
		return err
	}, func(err error) {
		if seq != ps.seq {
			return
		}
		if err != nil {
			ps.u.showError(err)
			return
		}
		ps.rows = rows
		ps.empty.SetShown(len(rows) == 0 && f.IsEmpty())
		ps.count.SetText(i18n.Tf("people.count", map[string]any{"Count": len(rows)}))
		if keep {
			ps.list.Refresh()
			keepPlace(ps.list, ps.rowOf(ps.detail.personID()))
			return
		}
		ps.list.UnselectAll()
		ps.list.Refresh()
	})
}

// askEraseAll anonymises everyone up for retention review, after a backup
// and a confirmation that says how many and what happens to the backups;
// then it offers to remove them from the backups too. A form showing one
// of them is emptied, so Gem cannot write them back.
func (ps *peopleScreen) askEraseAll() {
	ids := make([]int64, len(ps.rows))
	for i, r := range ps.rows {
		ids[i] = r.ID
	}
	if len(ids) == 0 {
		return
	}
	msg := i18n.Tf("people.erase_all_confirm", map[string]any{"Count": len(ids)}) + "\n\n" + ps.u.backupsNoteMany()
	ps.u.confirm(i18n.T("people.erase_all"), msg, func() {
		if _, err := ps.u.store.BackupBefore(ps.u.ctx, ps.u.backupsDir(), "erase", ps.u.settings().BackupsKept); err != nil {
			ps.u.showError(err)
			return
		}
		err := ps.u.store.EraseMany(ps.u.ctx, ids)
		if err != nil {
			ps.u.showError(err)
		} else {
			for _, id := range ids {
				ps.detail.forget(id)
			}
			ps.u.offerEraseFromBackups()
		}
		ps.query()
	})
}

// openPerson shows the person's details (from the overview).
func (ps *peopleScreen) openPerson(id int64) { ps.detail.load(id) }

func (ps *peopleScreen) dirty() bool { return ps.detail.dirty() }
func (ps *peopleScreen) save() error { return ps.detail.save() }
func (ps *peopleScreen) discard()    { ps.detail.discard() }

// reviewLine is a person's line in the list; in the retention review it
// ends with the day their last participation (or first contact) was.
func reviewLine(r data.PersonRow) string {
	if r.LastActive.IsZero() {
		return personLine(r)
	}
	return personLine(r) + " · " + i18n.Tf("people.last_active", map[string]any{"Date": i18n.DateText(r.LastActive)})
}
