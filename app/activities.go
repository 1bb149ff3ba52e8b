package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// activitiesScreen lists the activities and edits the selected one, with
// its occasions and its regulars.
type activitiesScreen struct {
	u      *UI
	root   fyne.CanvasObject
	status *codeSelect
	list   *widget.List
	rows   []data.ActivityRow

	activity *data.Activity
	changed  bool
	loading  bool
	fields   *fieldSet
	title    *widget.Label
	name     *widget.Entry
	kind     *codeSelect
	state    *codeSelect
	start    *sw.DateField
	end      *sw.DateField
	place    *widget.Entry
	desc     *widget.Entry
	init     *personButton
	delBtn   *widget.Button

	occasions    []data.OccasionRow
	occasionList *widget.List
	regulars     []data.Regular
	regularList  *widget.List
	empty        *sw.EmptyState
}

func newActivitiesScreen(u *UI) *activitiesScreen {
	a := &activitiesScreen{u: u, fields: newFieldSet()}
	a.status = newCodeSelect("status", data.ActivityStatuses, i18n.T("activities.all_statuses"), func(string) { a.reload() })
	a.status.PlaceHolder = i18n.T("activities.all_statuses")
	a.list = textList(func() int { return len(a.rows) }, func(i int) string { return activityLine(a.rows[i]) }, nil)
	a.list.OnSelected = func(id widget.ListItemID) {
		target := a.rows[id].ID
		if a.activity != nil && a.activity.ID == target {
			return
		}
		u.whenSettled(func() { a.load(target) }, func() { a.list.UnselectAll() })
	}
	newBtn := widget.NewButtonWithIcon(i18n.T("activities.new"), theme.ContentAddIcon(), func() {
		u.whenSettled(func() {
			a.list.UnselectAll()
			a.show(&data.Activity{Kind: "recurring", Status: "active", Start: data.Today()})
		}, nil)
	})
	a.empty = sw.NewEmptyState(i18n.T("empty.activities"),
		widget.NewButtonWithIcon(i18n.T("empty.first_activity"), theme.ContentAddIcon(), func() { u.focus(a.name) }))
	a.empty.Hide()
	left := container.NewBorder(container.NewBorder(nil, nil, nil, newBtn, a.status), nil, nil, nil, container.NewStack(a.list, a.empty))
	split := container.NewHSplit(left, a.buildDetail())
	split.Offset = 0.42
	a.root = split
	a.show(&data.Activity{Kind: "recurring", Status: "active", Start: data.Today()})
	return a
}

func activityLine(r data.ActivityRow) string {
	line := fmt.Sprintf("%s — %s, %s", r.Name, i18n.Label("kind", r.Kind), i18n.Label("status", r.Status))
	if r.InitiatorName != "" {
		line += " — " + r.InitiatorName
	}
	line += " — " + i18n.Tf("activities.occasions_count", map[string]any{"Count": r.Occasions})
	if !r.LastOccasion.IsZero() {
		line += " (" + i18n.DateText(r.LastOccasion) + ")"
	}
	return line
}

func (a *activitiesScreen) buildDetail() fyne.CanvasObject {
	touch := func(string) {
		if !a.loading {
			a.changed = true
		}
	}
	a.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.name = a.fields.entry("name", widget.NewEntry())
	a.name.OnChanged = touch
	a.kind = newCodeSelect("kind", data.ActivityKinds, "", touch)
	a.state = newCodeSelect("status", data.ActivityStatuses, "", touch)
	a.start = a.fields.date("start", newDateEntry(data.Date{}))
	a.start.OnChanged = touch
	a.end = a.fields.date("end", newDateEntry(data.Date{}))
	a.end.OnChanged = touch
	a.place = a.fields.entry("place", widget.NewEntry())
	a.place.OnChanged = touch
	a.desc = a.fields.entry("description", widget.NewMultiLineEntry())
	a.desc.OnChanged = touch
	a.init = newPersonButton(a.u, func() { touch("") })
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.name"), a.name),
		widget.NewFormItem(i18n.T("field.kind"), container.NewVBox(a.kind, a.fields.note("kind"))),
		widget.NewFormItem(i18n.T("field.status"), container.NewVBox(a.state, a.fields.note("status"))),
		widget.NewFormItem(i18n.T("field.start"), a.start),
		widget.NewFormItem(i18n.T("field.end"), a.end),
		widget.NewFormItem(i18n.T("field.place"), a.place),
		widget.NewFormItem(i18n.T("field.initiator"), container.NewVBox(a.init, a.fields.note("initiator"))),
		widget.NewFormItem(i18n.T("field.description"), a.desc),
	)
	saveBtn := widget.NewButton(i18n.T("ui.save"), a.u.saveAgain(a.save))
	saveBtn.Importance = widget.HighImportance
	a.delBtn = widget.NewButton(i18n.T("ui.delete"), a.askDelete)
	a.delBtn.Importance = widget.DangerImportance
	recordBtn := widget.NewButtonWithIcon(i18n.T("activities.record"), theme.DocumentCreateIcon(), func() {
		if a.activity == nil || a.activity.ID == 0 {
			return
		}
		id := a.activity.ID
		a.u.goTo("record", func(s screen) { s.(*recordScreen).openActivity(id, data.Today()) })
	})
	a.occasionList = textList(func() int { return len(a.occasions) }, func(i int) string {
		o := a.occasions[i]
		return fmt.Sprintf("%s %s %s — %s", i18n.WeekdayText(o.Date), i18n.DateText(o.Date), o.StartTime,
			i18n.Tf("overview.occasion_people", map[string]any{"People": i18n.Amount("participants", o.Participants), "Guests": i18n.Amount("guests", o.AnonymousGuests)}))
	}, nil)
	a.occasionList.OnSelected = func(id widget.ListItemID) {
		oid := a.occasions[id].ID
		a.occasionList.UnselectAll()
		a.u.goTo("record", func(s screen) { s.(*recordScreen).openOccasion(oid) })
	}
	a.regularList = textList(func() int { return len(a.regulars) }, func(i int) string {
		r := a.regulars[i]
		return i18n.Tf("activities.regular_line", map[string]any{"Name": r.Name, "Times": i18n.Amount("times", r.Times), "Last": i18n.DateText(r.LastDate)})
	}, nil)
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("activities.tab_occasions"), a.occasionList),
		container.NewTabItem(i18n.T("activities.tab_regulars"), a.regularList))
	top := container.NewVBox(a.title, form, a.fields.summary, container.NewHBox(saveBtn, a.delBtn, recordBtn))
	split := container.NewVSplit(container.NewVScroll(top), tabs)
	split.Offset = 0.68
	return split
}

func (a *activitiesScreen) view() fyne.CanvasObject { return a.root }

func (a *activitiesScreen) reload() { a.readList(false) }

// othersChanged refreshes the list, and the occasions and regulars of the
// activity shown, for other coordinators' changes; the form is left as
// it is (a save of something changed meanwhile is refused and says so).
func (a *activitiesScreen) othersChanged(tables map[string]bool) {
	if !touches(tables, "activities", "occasions", "participations", "people") {
		return
	}
	a.readList(true)
	if a.activity == nil || a.activity.ID == 0 {
		return
	}
	id := a.activity.ID
	var occasions []data.OccasionRow
	var regulars []data.Regular
	a.u.background(func() error {
		var err error
		if occasions, err = a.u.store.Occasions(a.u.ctx, id, data.Date{}, data.Date{}); err == nil {
			regulars, err = a.u.store.Regulars(a.u.ctx, id, 0)
		}
		return err
	}, func(err error) {
		if err != nil || a.activity == nil || a.activity.ID != id {
			return // a refresh that failed leaves what is shown; the next change tries again
		}
		a.occasions, a.regulars = occasions, regulars
		a.occasionList.Refresh()
		a.regularList.Refresh()
	})
}

// rowOf is the list row of the activity with the id, or -1.
func (a *activitiesScreen) rowOf(id int64) int {
	for i, r := range a.rows {
		if r.ID == id && id != 0 {
			return i
		}
	}
	return -1
}

// readList reads the list; keep leaves it where it was, with the activity
// shown still selected.
func (a *activitiesScreen) readList(keep bool) {
	status := a.status.Code()
	var rows []data.ActivityRow
	a.u.background(func() error {
		var err error
		rows, err = a.u.store.Activities(a.u.ctx, status)
		return err
	}, func(err error) {
		if err != nil {
			a.u.showError(err)
			return
		}
		a.rows = rows
		a.empty.SetShown(len(rows) == 0 && status == "")
		if keep && a.activity != nil {
			a.list.Refresh()
			keepPlace(a.list, a.rowOf(a.activity.ID))
			return
		}
		a.list.UnselectAll()
		a.list.Refresh()
	})
}

func (a *activitiesScreen) load(id int64) {
	act, err := a.u.store.Activity(a.u.ctx, id)
	if err != nil {
		a.u.showError(err)
		return
	}
	a.show(act)
}

func (a *activitiesScreen) show(act *data.Activity) {
	a.loading = true
	defer func() { a.loading = false }()
	a.activity, a.changed = act, false
	a.fields.clear()
	a.name.SetText(act.Name)
	a.kind.SetCode(act.Kind)
	a.state.SetCode(act.Status)
	a.start.SetText(i18n.DateText(act.Start))
	a.end.SetText(i18n.DateText(act.End))
	a.place.SetText(act.Place)
	a.desc.SetText(act.Description)
	a.init.setID(act.InitiatorID)
	a.occasions, a.regulars = nil, nil
	if act.ID == 0 {
		a.title.SetText(i18n.T("activities.new_title"))
		a.delBtn.Hide()
	} else {
		a.title.SetText(act.Name)
		a.delBtn.Show()
		var err error
		if a.occasions, err = a.u.store.Occasions(a.u.ctx, act.ID, data.Date{}, data.Date{}); err == nil {
			a.regulars, err = a.u.store.Regulars(a.u.ctx, act.ID, 0)
		}
		a.u.showError(err)
	}
	a.occasionList.Refresh()
	a.regularList.Refresh()
}

func (a *activitiesScreen) form() (*data.Activity, error) {
	act := *a.activity
	var es data.Errors
	act.Name, act.Kind, act.Status = a.name.Text, a.kind.Code(), a.state.Code()
	var err error
	if act.Start, err = dateOf(a.start, "start"); err != nil {
		es = append(es, err.(*data.Error))
	}
	if act.End, err = dateOf(a.end, "end"); err != nil {
		es = append(es, err.(*data.Error))
	}
	act.Place, act.Description, act.InitiatorID = a.place.Text, a.desc.Text, a.init.id
	if len(es) > 0 {
		return nil, es
	}
	return &act, nil
}

func (a *activitiesScreen) dirty() bool { return a.changed }
func (a *activitiesScreen) discard()    { a.show(a.activity) }

func (a *activitiesScreen) save() error {
	act, err := a.form()
	if err == nil {
		err = a.u.store.SaveActivity(a.u.ctx, act)
	}
	a.fields.show(err)
	if data.IsStale(err) {
		a.u.offerReload(err, func() { a.load(act.ID) })
		return errAsked
	}
	if err != nil {
		return err
	}
	a.show(act)
	a.reload()
	return nil
}

func (a *activitiesScreen) askDelete() {
	act := a.activity
	if len(a.occasions) > 0 {
		a.u.showError(&data.Error{Code: "err.activity_has_occasions", Args: map[string]any{"Name": act.Name, "Count": len(a.occasions)}})
		return
	}
	a.u.confirm(i18n.T("activities.delete_title"), i18n.Tf("activities.delete_confirm", map[string]any{"Name": act.Name}), func() {
		if err := a.u.store.DeleteActivity(a.u.ctx, act.ID); err != nil {
			a.u.showError(err)
			return
		}
		a.show(&data.Activity{Kind: "recurring", Status: "active", Start: data.Today()})
		a.reload()
	})
}
