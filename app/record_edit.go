package app

import (
	"errors"

	"strconv"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// fill shows an occasion: its fields, the activity's regulars and everyone
// who came, ticked with their role.
func (r *recordScreen) fill(o *data.Occasion) {
	r.loading = true
	defer func() { r.loading = false }()
	r.occasion = o
	r.accepted = moveTarget{}
	r.movedStart = nil
	r.fresh = false
	r.notice.hide()
	r.activity.SetID(o.ActivityID) // the form shows the occasion's own activity and day,
	if o.Date != (data.Date{}) {   // so a discarded move leaves nothing behind
		r.date.SetDate(o.Date)
	}
	r.fields.clear()
	r.start.SetText(o.StartTime)
	r.filledStart = o.StartTime
	r.end.SetText(o.EndTime)
	r.guests.SetText("")
	if o.AnonymousGuests > 0 {
		r.guests.SetText(strconv.Itoa(o.AnonymousGuests))
	}
	r.notes.SetText(o.Notes)
	r.search.SetText("")
	var all []*attendee
	if o.ActivityID != 0 {
		regulars, err := r.u.store.Regulars(r.u.ctx, o.ActivityID, 0)
		if err != nil {
			r.u.showError(err)
		}
		for _, g := range regulars {
			all = append(all, &attendee{personID: g.PersonID, name: g.Name, folded: data.FoldName(g.Name), roleID: g.LastRole, regular: true})
		}
	}
	r.ticks.all = all
	var strangers []int64
	for _, p := range o.Participants {
		if r.ticks.find(p.PersonID) == nil {
			strangers = append(strangers, p.PersonID)
		}
	}
	names, err := r.u.store.PeopleByID(r.u.ctx, strangers)
	if err != nil {
		r.u.showError(err)
	}
	for _, p := range o.Participants {
		a := r.ticks.find(p.PersonID)
		if a == nil {
			name := names[p.PersonID].Name
			a = &attendee{personID: p.PersonID, name: name, folded: data.FoldName(name)}
			r.ticks.all = append(r.ticks.all, a)
		}
		a.ticked, a.roleID = true, p.RoleID
	}
	r.lastTicked = nil
	r.refreshGroups()
	r.ticks.filter("")
	r.isDirty = false
	r.status.SetText(editingText(o))
}

// editingText is the status of an occasion as loaded: new, or the
// recorded one of a date (at a time, when it has one: a day may have
// several).
func editingText(o *data.Occasion) string {
	switch {
	case o.ID == 0:
		return i18n.T("record.new_occasion")
	case o.StartTime != "":
		return i18n.Tf("record.editing_at", map[string]any{"Date": i18n.DateText(o.Date), "Time": o.StartTime})
	}
	return i18n.Tf("record.editing", map[string]any{"Date": i18n.DateText(o.Date)})
}

// refreshGroups looks up everyone's group on the occasion's date.
func (r *recordScreen) refreshGroups() {
	ids := make([]int64, len(r.ticks.all))
	for i, a := range r.ticks.all {
		ids[i] = a.personID
	}
	groups, err := r.u.store.GroupsCounted(r.u.ctx, r.day(), ids)
	if err != nil {
		r.u.showError(err)
		return
	}
	for _, a := range r.ticks.all {
		a.group = groups[a.personID]
	}
	r.updateBalance()
}

// changed marks unsaved changes and updates the balance.
func (r *recordScreen) changed() {
	if !r.loading {
		r.isDirty = true
		r.status.SetText(i18n.T("record.unsaved"))
	}
	r.updateBalance()
}

// updateBalance shows the target group's share of the ticked people
// against the threshold, with a warning colour above it.
func (r *recordScreen) updateBalance() {
	var groups []data.Group
	for _, a := range r.ticks.ticked() {
		groups = append(groups, a.group)
	}
	b := data.BalanceOf(groups, r.threshold)
	args := map[string]any{"Target": b.Target, "Total": b.Total, "Share": i18n.Percent(b.Share), "Threshold": i18n.Percent(b.Threshold)}
	switch {
	case b.Total == 0:
		r.balance.SetText(i18n.T("record.balance_empty"))
		r.balance.Importance = widget.MediumImportance
	case b.Over:
		r.balance.SetText(i18n.Tf("record.balance_over", args))
		r.balance.Importance = widget.DangerImportance
	default:
		r.balance.SetText(i18n.Tf("record.balance_ok", args))
		r.balance.Importance = widget.SuccessImportance
	}
	r.balance.Refresh()
}

// defaultRole is the role of someone newly ticked: accompanying for
// municipal staff, active participant for everyone else.
func (r *recordScreen) defaultRole(g data.Group) int64 {
	want := "active"
	if g == data.GroupMunicipalStaff {
		want = "accompanies"
	}
	for _, ro := range r.roles {
		if ro.Code == want {
			return ro.ID
		}
	}
	if len(r.roles) > 0 {
		return r.roles[0].ID
	}
	return 0
}

func (r *recordScreen) roleIndex(id int64) int {
	for i, ro := range r.roles {
		if ro.ID == id {
			return i
		}
	}
	return -1
}

// searchChanged filters the list and, for two letters or more, offers
// people who are not regulars yet.
func (r *recordScreen) searchChanged(q string) {
	if r.loading {
		return
	}
	r.ticks.match(q)
	defer r.ticks.redraw() // once per keystroke, with everyone found
	if len([]rune(q)) < 2 {
		return
	}
	found, err := r.u.store.SearchPeople(r.u.ctx, data.PersonFilter{Query: q, Limit: 20})
	if err != nil {
		r.u.showError(err)
		return
	}
	var others []*attendee
	var ids []int64
	for _, p := range found {
		if r.ticks.find(p.ID) == nil {
			others = append(others, &attendee{personID: p.ID, name: p.Name, folded: data.FoldName(p.Name)})
			ids = append(ids, p.ID)
		}
	}
	groups, err := r.u.store.GroupsCounted(r.u.ctx, r.day(), ids)
	if err != nil {
		r.u.showError(err)
		return
	}
	for _, a := range others {
		a.group = groups[a.personID]
		a.roleID = r.defaultRole(a.group)
	}
	r.ticks.shown = append(r.ticks.shown, others...)
	r.ticks.rank(q) // a new face whose name starts with the letters before a regular who merely contains them
}

// tickFirst ticks the first line the search shows (Enter in the search
// box) and clears the search for the next name.
func (r *recordScreen) tickFirst() {
	if len(r.ticks.shown) == 0 || r.ticks.shown[0].ticked {
		return
	}
	r.tick(r.ticks.shown[0])
	r.search.SetText("")
	r.u.focus(r.search)
}

// tick adds a line found by search, or ticks a regular, with its default role.
func (r *recordScreen) tick(a *attendee) {
	if r.ticks.find(a.personID) == nil {
		groups, err := r.u.store.GroupsCounted(r.u.ctx, r.day(), []int64{a.personID})
		if err != nil {
			r.u.showError(err)
			return
		}
		a.group = groups[a.personID]
		if role, _ := r.u.store.LastRole(r.u.ctx, a.personID, r.occasion.ActivityID); role != 0 {
			a.roleID = role
		} else {
			a.roleID = r.defaultRole(a.group)
		}
	}
	if a.roleID == 0 {
		a.roleID = r.defaultRole(a.group)
	}
	if !a.ticked {
		r.ticks.add(a)
	}
	r.lastTicked = r.ticks.find(a.personID)
	r.ticks.filter(r.search.Text)
	r.changed()
}

// form reads the occasion from the widgets.
func (r *recordScreen) form() (*data.Occasion, error) {
	o := *r.occasion
	var es data.Errors
	o.ActivityID = r.activity.ID()
	day, err := dateOf(r.date, "date")
	if err != nil {
		es = append(es, err.(*data.Error))
	}
	o.Date = day
	o.StartTime, o.EndTime, o.Notes = r.start.Text, r.end.Text, r.notes.Text
	if o.AnonymousGuests, err = intOf(r.guests, "anonymous_guests"); err != nil {
		es = append(es, err.(*data.Error))
	}
	o.Participants = nil
	for _, a := range r.ticks.ticked() {
		o.Participants = append(o.Participants, data.Participation{PersonID: a.personID, RoleID: a.roleID})
	}
	if len(es) > 0 {
		return nil, es
	}
	return &o, nil
}

func (r *recordScreen) dirty() bool { return r.isDirty }

func (r *recordScreen) discard() {
	if r.occasion != nil {
		r.fill(r.occasion)
	}
}

// save writes the occasion and all its participations in one transaction.
// A new occasion at a date and start time the activity already has one is
// not saved beside it: the user is asked whether to add the ticks to it
// (errAsked). A recorded occasion's new activity, date or start time is
// asked about before it moves.
func (r *recordScreen) save() error {
	o, err := r.form()
	if err != nil {
		r.fields.show(err)
		return err
	}
	if o.ID != 0 && (o.ActivityID != r.occasion.ActivityID || o.Date != r.occasion.Date) &&
		r.accepted != (moveTarget{o.ActivityID, o.Date}) {
		r.askMove(o.ActivityID, o.Date) // a date typed in short, or Save pressed under the question
		return errAsked
	}
	if o.ID != 0 && o.ActivityID == r.occasion.ActivityID && o.Date == r.occasion.Date &&
		o.StartTime != r.occasion.StartTime && (r.movedStart == nil || *r.movedStart != o.StartTime) {
		r.askTime(o) // another session the same day, or a wrong time?
		return errAsked
	}
	if o.ID == 0 && o.ActivityID != 0 {
		recorded, err := r.recordedAt(o.ActivityID, o.Date, o.StartTime)
		if errors.Is(err, data.ErrNotFound) && o.StartTime == r.filledStart {
			// The time was not typed here (it came with the form, from the
			// activity's latest occasion) and the day has a session at
			// another time: that may well be the one meant.
			recorded, err = r.u.store.OccasionOn(r.u.ctx, o.ActivityID, o.Date)
		}
		if err == nil {
			r.askMerge(o, recorded)
			return errAsked
		}
		if !errors.Is(err, data.ErrNotFound) {
			return err
		}
	}
	isNew := o.ID == 0
	err = r.store(o)
	if isNew && errors.Is(err, data.ErrOccasionTaken) {
		// Someone else recorded the activity at that date and time
		// between the look above and the save: the same question as
		// when it was there before.
		if recorded, lookErr := r.clashing(o); lookErr == nil {
			o.ID = 0
			r.fields.clear()
			r.askMerge(o, recorded)
			return errAsked
		}
	}
	if data.IsStale(err) && o.ID != 0 {
		r.askStale(err, o) // keep, reload, or lay these changes on top of the other's
		return errAsked
	}
	return err
}

// clashing is the occasion recorded at o's activity, date and start time
// (the unique rule a save ran into), or the day's first when none has
// that time.
func (r *recordScreen) clashing(o *data.Occasion) (*data.Occasion, error) {
	at, err := r.u.store.OccasionAt(r.u.ctx, o.ActivityID, o.Date, o.StartTime)
	if !errors.Is(err, data.ErrNotFound) {
		return at, err
	}
	return r.u.store.OccasionOn(r.u.ctx, o.ActivityID, o.Date)
}

// store writes o and shows it as saved.
func (r *recordScreen) store(o *data.Occasion) error {
	err := r.u.store.SaveOccasion(r.u.ctx, o)
	r.fields.show(err)
	if err != nil {
		return err
	}
	saved, err := r.u.store.Occasion(r.u.ctx, o.ID)
	if err != nil {
		return err
	}
	r.fill(saved)
	r.status.SetText(i18n.Tf("record.saved", map[string]any{"Count": len(saved.Participants), "Date": i18n.DateText(saved.Date)}))
	return nil
}

// newPerson registers someone new without leaving the screen and ticks them.
func (r *recordScreen) newPerson() {
	fields := newFieldSet()
	name := fields.entry("name", widget.NewEntry())
	name.SetText(r.search.Text)
	group := newGroupChooser(r.u, fields, nil)
	var d dialog.Dialog
	create := func() {
		day := r.day() // they came that day, so that is their first contact at the latest
		if today := data.Today(); day.After(today) {
			day = today
		}
		p := &data.Person{Name: name.Text, EntryChannel: "other", FirstContact: day}
		g, err := group.period(day)
		if err == nil {
			err = r.u.store.SavePerson(r.u.ctx, p, g)
		}
		if err != nil {
			fields.show(err)
			return
		}
		d.Hide()
		r.search.SetText("")
		r.tick(&attendee{personID: p.ID, name: p.Name, folded: data.FoldName(p.Name)})
	}
	name.OnSubmitted = func(string) { create() }
	createBtn := widget.NewButton(i18n.T("ui.create"), create)
	createBtn.Importance = widget.HighImportance
	cancelBtn := widget.NewButton(i18n.T("ui.cancel"), func() { d.Hide() })
	content := container.NewVBox(widget.NewForm(widget.NewFormItem(i18n.T("field.name"), name)), group.root,
		fields.summary, container.NewHBox(cancelBtn, createBtn))
	d = dialog.NewCustomWithoutButtons(i18n.T("record.new_person"), content, r.u.win)
	d.Resize(dialogSize(r.u.win, 560, 380))
	d.Show()
	r.u.win.Canvas().Focus(name)
}
