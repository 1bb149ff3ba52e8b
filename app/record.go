package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// recordScreen records who came to an occasion and in which role: the
// screen a coordinator uses after every activity.
type recordScreen struct {
	u        *UI
	root     fyne.CanvasObject
	activity *idSelect
	date     *sw.DateField
	start    *widget.Entry
	end      *widget.Entry
	guests   *widget.Entry
	notes    *widget.Entry
	search   *sw.TabEntry
	balance  *widget.Label
	status   *widget.Label
	fields   *fieldSet
	ticks    *tickList
	saveBtn  *widget.Button
	newBtn   *widget.Button
	page     *fyne.Container // the registration form, hidden while there is no activity
	empty    *sw.EmptyState  // no activity to record yet
	hint     *widget.Label   // an activity with no one on the list yet
	notice   *changeNotice   // what is shown was changed by another coordinator

	occasion    *data.Occasion // being edited; ID 0 for a new one
	accepted    moveTarget     // where the user agreed to move the recorded occasion
	movedStart  *string        // the start time the user agreed to move it to
	filledStart string         // the start time the form was filled with (not typed here)
	fresh       bool           // a new occasion asked for (Ny registrering) beside the day's recorded ones
	lastTicked  *attendee      // the line Tab in the search box jumps to
	roles       []data.Role
	roleNames   []string
	threshold   float64
	isDirty     bool
	loading     bool
}

func newRecordScreen(u *UI) *recordScreen {
	r := &recordScreen{u: u, fields: newFieldSet()}
	r.activity = newIDSelect(func(int64) {
		r.targetChanged()
		if !r.loading {
			r.u.focus(r.search) // the next thing typed is a name
		}
	})
	r.activity.PlaceHolder = i18n.T("record.pick_activity")
	r.date = r.fields.date("date", newDateEntry(data.Today()))
	r.date.OnDate = func(data.Date) { r.targetChanged() }
	touch := func(string) { r.changed() }
	r.start = r.fields.entry("start_time", widget.NewEntry())
	r.start.SetPlaceHolder("14:00")
	r.start.OnChanged = touch
	r.end = r.fields.entry("end_time", widget.NewEntry())
	r.end.SetPlaceHolder("16:00")
	r.end.OnChanged = touch
	r.guests = r.fields.entry("anonymous_guests", widget.NewEntry())
	r.guests.SetPlaceHolder("0")
	r.guests.OnChanged = touch
	r.notes = r.fields.entry("notes", widget.NewEntry())
	r.notes.OnChanged = touch
	r.balance = widget.NewLabel("")
	r.balance.Wrapping = fyne.TextWrapWord
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.ticks = newTickList(r)
	r.search = sw.NewTabEntry()
	r.search.SetPlaceHolder(i18n.T("record.search_hint"))
	r.search.OnChanged = r.searchChanged
	r.search.OnSubmitted = func(string) { r.tickFirst() }
	r.search.Claim = func() bool { return r.lastTicked != nil && r.lastTicked.ticked }
	r.search.OnTab = func() { r.ticks.focusRole(r.lastTicked) }
	personBtn := widget.NewButtonWithIcon(i18n.T("record.new_person"), theme.ContentAddIcon(), r.newPerson)
	r.newBtn = widget.NewButtonWithIcon(i18n.T("record.new"), theme.DocumentIcon(), r.askNew)
	r.saveBtn = widget.NewButtonWithIcon(i18n.T("record.save"), theme.DocumentSaveIcon(), u.saveAgain(r.save))
	r.saveBtn.Importance = widget.HighImportance
	head := widget.NewForm(
		widget.NewFormItem(i18n.T("field.activity"), container.NewVBox(r.activity, r.fields.note("activity"))),
		widget.NewFormItem(i18n.T("field.date"), r.date),
	)
	times := container.NewGridWithColumns(3,
		widget.NewForm(widget.NewFormItem(i18n.T("field.start_time"), r.start)),
		widget.NewForm(widget.NewFormItem(i18n.T("field.end_time"), r.end)),
		widget.NewForm(widget.NewFormItem(i18n.T("field.anonymous_guests"), r.guests)))
	top := container.NewVBox(head, times, r.balance, container.NewBorder(nil, nil, nil, personBtn, r.search), r.fields.note("participants"))
	r.notice = newChangeNotice(i18n.T("ui.reload"), r.askReload, func() { r.page.Refresh() })
	bottom := container.NewVBox(widget.NewForm(widget.NewFormItem(i18n.T("field.notes"), r.notes)), r.fields.summary, r.notice.root,
		container.NewBorder(nil, nil, nil, container.NewHBox(r.newBtn, r.saveBtn), r.status))
	r.empty = sw.NewEmptyState(i18n.T("empty.record"),
		widget.NewButtonWithIcon(i18n.T("empty.first_activity"), theme.ContentAddIcon(), func() { u.goTo("activities", nil) }))
	r.empty.Hide()
	r.hint = widget.NewLabel(i18n.T("empty.record_names"))
	r.hint.Wrapping = fyne.TextWrapWord
	r.hint.Alignment = fyne.TextAlignCenter
	r.hint.Hide()
	r.page = container.NewBorder(top, bottom, nil, nil, container.NewStack(r.ticks.list, container.NewVBox(r.hint)))
	r.root = container.NewStack(r.page, r.empty)
	return r
}

func (r *recordScreen) view() fyne.CanvasObject { return r.root }

// reload refreshes the catalogues and the activity list, keeping the form,
// and puts the cursor in the search box, where the next name goes.
func (r *recordScreen) reload() {
	roles, err := r.u.store.Roles(r.u.ctx)
	if err != nil {
		r.u.showError(err)
		return
	}
	r.roles, r.roleNames = roles, make([]string, len(roles))
	for i, ro := range roles {
		r.roleNames[i] = ro.Name(i18n.Language())
	}
	r.threshold = r.u.settings().BalanceThreshold
	if err := r.loadActivities(); err != nil {
		r.u.showError(err)
		return
	}
	if r.occasion == nil {
		r.reopen()
	}
	r.u.focus(r.search)
}

// loadActivities offers the active and paused activities (and the one
// chosen), keeping the choice.
func (r *recordScreen) loadActivities() error {
	acts, err := r.u.store.Activities(r.u.ctx, "")
	if err != nil {
		return err
	}
	var ids []int64
	var names []string
	for _, a := range acts {
		if a.Status == "active" || a.Status == "paused" || a.ID == r.activity.ID() {
			ids = append(ids, a.ID)
			names = append(names, a.Name)
		}
	}
	r.loading = true
	r.activity.setItems(ids, names)
	r.loading = false
	r.empty.SetShown(len(ids) == 0)
	r.page.Hidden = len(ids) == 0
	return nil
}

// openActivity starts recording the activity on the day.
func (r *recordScreen) openActivity(activityID int64, day data.Date) {
	r.loading = true
	r.activity.SetID(activityID)
	r.date.SetDate(day)
	r.loading = false
	r.reopen()
	r.u.focus(r.search)
}

// openOccasion edits a recorded occasion: that one, not the first of its
// day, since an activity may meet several times a day.
func (r *recordScreen) openOccasion(id int64) {
	o, err := r.u.store.Occasion(r.u.ctx, id)
	if err != nil {
		r.u.showError(err)
		return
	}
	r.fill(o)
	r.u.focus(r.search)
}

// target returns the activity and day the form names, ok false while the
// date is not a date.
func (r *recordScreen) target() (activityID int64, day data.Date, ok bool) {
	day, err := data.ParseDate(r.date.Text)
	return r.activity.ID(), day, err == nil && !day.IsZero()
}

// reopen loads the occasion of the chosen activity and day — the one at
// the start time the form shows, or else the day's first — or starts a
// new one with the activity's regulars unticked.
func (r *recordScreen) reopen() {
	if r.loading {
		return
	}
	activityID, day, ok := r.target()
	if !ok {
		return
	}
	o, err := r.recordedAt(activityID, day, r.start.Text)
	if errors.Is(err, data.ErrNotFound) {
		o, err = r.u.store.OccasionOn(r.u.ctx, activityID, day)
	}
	if errors.Is(err, data.ErrNotFound) || activityID == 0 {
		o, err = r.newOccasion(activityID, day), nil
	}
	if err != nil {
		r.u.showError(err)
		return
	}
	r.fill(o)
}

// recordedAt is the activity's occasion on the day at the start time:
// the same session, which a new registration must not be saved beside.
// Without a start time it is the one recorded without one, or else the
// day's first — a registration with no time is taken to be the day's.
func (r *recordScreen) recordedAt(activityID int64, day data.Date, start string) (*data.Occasion, error) {
	o, err := r.u.store.OccasionAt(r.u.ctx, activityID, day, start)
	if errors.Is(err, data.ErrNotFound) && start == "" {
		return r.u.store.OccasionOn(r.u.ctx, activityID, day)
	}
	return o, err
}

// newOccasion is an empty occasion of the activity on the day, at the
// clock times of its latest occasion.
func (r *recordScreen) newOccasion(activityID int64, day data.Date) *data.Occasion {
	o := &data.Occasion{ActivityID: activityID, Date: day}
	if activityID != 0 {
		if last, err := r.u.store.LatestOccasion(r.u.ctx, activityID); err == nil {
			o.StartTime, o.EndTime = last.StartTime, last.EndTime
		}
	}
	return o
}
