package app

import (
	"errors"
	"strings"

	"samspil/app/i18n"
	"samspil/data"
)

// What happens to the coordinator's ticks when the activity or the date
// of the registration changes: nothing typed is ever dropped.

// day is the day the form names: the occasion's new date while it is
// being corrected, otherwise the date it was opened on.
func (r *recordScreen) day() data.Date {
	if _, day, ok := r.target(); ok {
		return day
	}
	return r.occasion.Date
}

// targetChanged follows a new activity or date. A recorded occasion is
// moved there when saved; a new occasion with nothing ticked opens what is
// recorded there (or an empty one); a new occasion with ticks carries
// them, with roles, times, guests and notes, to the new activity and day.
func (r *recordScreen) targetChanged() {
	if r.loading || r.occasion == nil {
		return
	}
	activityID, day, ok := r.target()
	switch {
	case !ok:
	case r.occasion.ID != 0:
		r.askMove(activityID, day)
	case !r.isDirty:
		r.reopen()
	default:
		r.carry(activityID, day)
	}
}

// askMove asks what a new activity or date on a recorded occasion means:
// open what is recorded there (the coordinator was looking for another
// occasion — choosing an activity is also how one gets about), move this
// occasion there (its date or activity was wrong), or undo the change. A
// day the activity already has cannot take it: then only opening that one
// or undoing is offered. Nothing moves without the coordinator saying so.
func (r *recordScreen) askMove(activityID int64, day data.Date) {
	if activityID == r.occasion.ActivityID && day == r.occasion.Date {
		r.moveTo(activityID, day)
		return
	}
	args := map[string]any{"Count": len(r.ticks.ticked()), "From": i18n.DateText(r.occasion.Date),
		"Date": i18n.DateText(day), "Activity": r.activity.Selected}
	labels := []string{i18n.T("record.move_undo"), i18n.Tf("record.move_open", args)}
	msg := i18n.Tf("record.move_taken_text", args)
	if _, err := r.u.store.OccasionOn(r.u.ctx, activityID, day); errors.Is(err, data.ErrNotFound) {
		labels = append(labels, i18n.Tf("record.move_here", args))
		msg = i18n.Tf("record.move_text", args)
	}
	r.u.choose(i18n.T("record.move_title"), msg, labels, 1, func(i int) {
		switch i {
		case 1:
			r.undoTarget()
			r.u.whenSettled(func() { r.openActivity(activityID, day) }, nil)
		case 2:
			r.moveTo(activityID, day)
		default:
			r.undoTarget()
		}
	})
}

// undoTarget puts the recorded occasion's activity and date back in the form.
func (r *recordScreen) undoTarget() {
	r.loading = true
	r.activity.SetID(r.occasion.ActivityID)
	r.date.SetDate(r.occasion.Date)
	r.loading = false
	r.refreshGroups()
}

// moveTarget is an activity and a day a recorded occasion may move to.
type moveTarget struct {
	activityID int64
	day        data.Date
}

// moveTo marks a recorded occasion to be moved to the activity and day
// when it is saved (the store refuses a day that already has one).
func (r *recordScreen) moveTo(activityID int64, day data.Date) {
	r.accepted = moveTarget{activityID, day}
	r.refreshGroups()
	if activityID == r.occasion.ActivityID && day == r.occasion.Date {
		r.changed()
		return
	}
	r.isDirty = true
	r.status.SetText(i18n.Tf("record.will_move", map[string]any{"From": i18n.DateText(r.occasion.Date), "Date": i18n.DateText(day)}))
}

// carry keeps the ticked lines for another activity or day; the new
// activity's regulars join them unticked.
func (r *recordScreen) carry(activityID int64, day data.Date) {
	kept := r.ticks.ticked()
	if activityID != r.occasion.ActivityID {
		var regulars []data.Regular
		if activityID != 0 {
			var err error
			if regulars, err = r.u.store.Regulars(r.u.ctx, activityID, 0); err != nil {
				r.u.showError(err)
			}
		}
		r.ticks.all = kept
		for _, a := range kept {
			a.regular = false
		}
		for _, g := range regulars {
			if a := r.ticks.find(g.PersonID); a != nil {
				a.regular = true
				continue
			}
			r.ticks.all = append(r.ticks.all, &attendee{personID: g.PersonID, name: g.Name, folded: data.FoldName(g.Name), roleID: g.LastRole, regular: true})
		}
	}
	r.occasion = &data.Occasion{ActivityID: activityID, Date: day}
	r.refreshGroups()
	r.ticks.filter(r.search.Text)
	args := map[string]any{"Count": len(kept), "Date": i18n.DateText(day)}
	if existing, err := r.recordedAt(activityID, day, r.start.Text); err == nil && activityID != 0 {
		args["Existing"] = len(existing.Participants)
		r.status.SetText(i18n.Tf("record.carried_existing", args))
		return
	}
	r.status.SetText(i18n.Tf("record.carried", args))
}

// askMerge asks what to do with a new occasion's ticks when the activity
// already has an occasion that day: add them to it, or drop them and open
// the recorded one.
func (r *recordScreen) askMerge(mine, recorded *data.Occasion) {
	msg := i18n.Tf("record.merge_text", map[string]any{"Date": i18n.DateText(mine.Date), "Count": len(mine.Participants),
		"Existing": len(recorded.Participants)}) + "\n\n" + i18n.T("record.merge_keeps") +
		"\n\n" + i18n.Tf("record.merge_other_time", map[string]any{"Time": timeText(recorded.StartTime)})
	if roles := r.otherRoles(recorded, mine); roles != "" {
		msg += "\n\n" + i18n.Tf("record.merge_roles", map[string]any{"List": roles})
	}

	labels := []string{i18n.T("ui.stay"), i18n.Tf("record.merge_discard", map[string]any{"Count": len(mine.Participants)}), i18n.T("record.merge")}
	if mine.StartTime != recorded.StartTime { // another session that day: this may be a new one
		labels = append(labels, i18n.Tf("record.time_new", map[string]any{"To": timeText(mine.StartTime)}))
	}
	r.u.choose(i18n.T("record.merge_title"), msg, labels, 2, func(i int) {
		switch i {
		case 1:
			r.fill(recorded)
		case 2:
			merged := mergeOccasions(recorded, mine)
			r.u.saveAgain(func() error { return r.store(merged) })()
		case 3:
			r.u.saveAgain(func() error { return r.store(mine) })()
		}
	})
}

// otherRoles names the people ticked on both occasions in another role
// here than recorded, with both roles: the merge keeps the recorded one.
func (r *recordScreen) otherRoles(recorded, mine *data.Occasion) string {
	was := roleMap(recorded)
	role := func(id int64) string {
		if i := r.roleIndex(id); i >= 0 {
			return r.roleNames[i]
		}
		return "?"
	}
	var lines []string
	for _, p := range mine.Participants {
		if rec, ok := was[p.PersonID]; ok && rec != p.RoleID {
			name := ""
			if a := r.ticks.find(p.PersonID); a != nil {
				name = a.name
			}
			lines = append(lines, i18n.Tf("record.merge_role_item", map[string]any{"Name": name,
				"Recorded": role(rec), "Mine": role(p.RoleID)}))
		}
	}
	return strings.Join(lines, "; ")
}

// mergeOccasions adds mine to the recorded occasion: people ticked in both
// keep their recorded role (the one on this screen is often only the
// default); guests are the larger count, as the question says (the same
// guests may be counted twice otherwise); times and notes fill what is
// empty.
func mergeOccasions(recorded, mine *data.Occasion) *data.Occasion {
	out := *recorded
	out.Participants = append([]data.Participation(nil), recorded.Participants...)
	at := map[int64]int{}
	for i, p := range out.Participants {
		at[p.PersonID] = i
	}
	for _, p := range mine.Participants {
		if _, ok := at[p.PersonID]; ok {
			continue
		}
		out.Participants = append(out.Participants, p)
	}
	out.AnonymousGuests = max(out.AnonymousGuests, mine.AnonymousGuests)
	if out.StartTime == "" && out.EndTime == "" {
		out.StartTime, out.EndTime = mine.StartTime, mine.EndTime
	}
	switch {
	case out.Notes == "":
		out.Notes = mine.Notes
	case mine.Notes != "" && mine.Notes != out.Notes:
		out.Notes += "\n" + mine.Notes
	}
	return &out
}

// askNew starts a new occasion of the same activity today, once unsaved
// changes are saved or discarded — a new one even when the day has one
// recorded already (an activity may meet several times a day): saved at
// another start time it stands beside it, at the same time the merge
// question comes up. The status names the times already recorded.
func (r *recordScreen) askNew() {
	r.u.whenSettled(func() {
		activityID, today := r.activity.ID(), data.Today()
		r.fill(r.newOccasion(activityID, today))
		r.fresh = true
		if activityID != 0 {
			if rows, err := r.u.store.Occasions(r.u.ctx, activityID, today, today); err == nil && len(rows) > 0 {
				times := make([]string, len(rows))
				for i, row := range rows {
					times[len(rows)-1-i] = timeText(row.StartTime) // the list is newest first
				}
				r.status.SetText(i18n.Tf("record.new_beside", map[string]any{"Count": len(rows),
					"Date": i18n.DateText(today), "Times": strings.Join(times, ", ")}))
			}
		}
		r.u.focus(r.search)
	}, nil)
}

// timeText names a start time in a sentence: "kl. 14:00", or "uden
// starttidspunkt" for an occasion recorded without one.
func timeText(start string) string {
	if start == "" {
		return i18n.T("record.no_time")
	}
	return i18n.Tf("record.at_time", map[string]any{"Time": start})
}

// askTime asks what a new start time on a recorded occasion means, as
// askMove does for its activity and date: undo it; move the occasion to
// that time (its time was wrong) — or, when the activity has an occasion
// at that time already, open that one; or record a new occasion at that
// time with the ticks shown (another session the same day), leaving the
// recorded one as it was. mine is the form as Save read it.
func (r *recordScreen) askTime(mine *data.Occasion) {
	there, err := r.u.store.OccasionAt(r.u.ctx, mine.ActivityID, mine.Date, mine.StartTime)
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		r.u.showError(err)
		return
	}
	args := map[string]any{"Count": len(mine.Participants), "Date": i18n.DateText(mine.Date),
		"From": timeText(r.occasion.StartTime), "To": timeText(mine.StartTime)}
	labels := []string{i18n.T("record.move_undo")}
	actions := []func(){r.undoStart}
	msg := i18n.Tf("record.time_text", args)
	if there != nil {
		args["Existing"] = len(there.Participants)
		msg = i18n.Tf("record.time_taken_text", args)
		labels = append(labels, i18n.Tf("record.time_open", args), i18n.Tf("record.time_add", args))
		actions = append(actions, func() {
			r.undoStart()
			r.u.whenSettled(func() { r.openOccasion(there.ID) }, nil)
		})
	} else {
		labels = append(labels, i18n.Tf("record.time_move", args), i18n.Tf("record.time_new", args))
		actions = append(actions, func() {
			start := mine.StartTime
			r.movedStart = &start
			r.u.saveAgain(r.save)()
		})
	}
	actions = append(actions, func() {
		// A new occasion with what the form shows; the recorded one keeps
		// what it has, and its guests and notes stay with it unless they
		// were typed here. Saving meets the merge question if that time is
		// taken.
		r.loading = true
		if mine.AnonymousGuests == r.occasion.AnonymousGuests {
			r.guests.SetText("")
		}
		if mine.Notes == r.occasion.Notes {
			r.notes.SetText("")
		}
		r.loading = false
		r.occasion = &data.Occasion{ActivityID: mine.ActivityID, Date: mine.Date}
		r.movedStart = nil
		r.u.saveAgain(r.save)()
	})
	r.u.choose(i18n.T("record.time_title"), msg, labels, 1, func(i int) { actions[i]() })
}

// undoStart puts the recorded occasion's start time back in the form; the
// form is unchanged again when nothing else was changed.
func (r *recordScreen) undoStart() {
	r.loading = true
	r.start.SetText(r.occasion.StartTime)
	r.loading = false
	if o, err := r.form(); err == nil && sameOccasion(o, r.occasion) {
		r.isDirty = false
		r.status.SetText(editingText(r.occasion))
	}
}

// sameOccasion reports whether a and b record the same: their fields, and
// the same people in the same roles.
func sameOccasion(a, b *data.Occasion) bool {
	if a.ActivityID != b.ActivityID || a.Date != b.Date || a.StartTime != b.StartTime || a.EndTime != b.EndTime ||
		a.AnonymousGuests != b.AnonymousGuests || a.Notes != b.Notes || len(a.Participants) != len(b.Participants) {
		return false
	}
	roles := map[int64]int64{}
	for _, p := range b.Participants {
		roles[p.PersonID] = p.RoleID
	}
	for _, p := range a.Participants {
		if role, ok := roles[p.PersonID]; !ok || role != p.RoleID {
			return false
		}
	}
	return true
}
