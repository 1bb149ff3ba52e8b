package app

import (
	"errors"
	"strconv"
	"strings"

	"samspil/app/i18n"
	"samspil/data"
)

// A recorded occasion saved by two coordinators at once (two hosts
// ticking arrivals on one shift): the second save is refused as stale.
// Rather than choosing between the other's save and their own ticks, the
// coordinator can lay their own changes since they opened the occasion on
// top of what is stored now, so both count.

// askStale asks what to do with a save of a recorded occasion refused as
// stale: keep the form as it is, reload what is stored (dropping what was
// ticked here), or apply this coordinator's changes to the stored one and
// save. mine is the form as Save read it.
func (r *recordScreen) askStale(err error, mine *data.Occasion) {
	base := r.occasion
	changes := r.ownChanges(base, mine)
	msg := i18n.ErrText(err)
	if changes != "" {
		msg += "\n\n" + i18n.Tf("record.stale_mine", map[string]any{"Changes": changes})
	}
	msg += "\n\n" + i18n.T("record.stale_question")
	labels := []string{i18n.T("record.stale_keep"), i18n.T("ui.reload"), i18n.T("record.stale_apply")}
	r.u.choose(i18n.T("stale.title"), msg, labels, 2, func(i int) {
		switch i {
		case 1:
			r.openOccasion(mine.ID)
		case 2:
			r.u.saveAgain(func() error { return r.applyOnTop(base, mine) })()
		}
	})
}

// applyOnTop reads the stored occasion afresh and saves it with this
// coordinator's changes since base applied: the people ticked here are
// added, those unticked here removed, roles changed here changed there,
// and the times, guests and notes changed here replace the stored ones.
// The rest is what the other coordinator saved.
func (r *recordScreen) applyOnTop(base, mine *data.Occasion) error {
	stored, err := r.u.store.Occasion(r.u.ctx, mine.ID)
	if errors.Is(err, data.ErrNotFound) {
		// Deleted meanwhile: the ticks stay in the form as a new occasion.
		r.occasion = &data.Occasion{ActivityID: mine.ActivityID, Date: mine.Date}
		r.isDirty = true
		r.status.SetText(i18n.T("record.stale_gone"))
		return nil
	}
	if err != nil {
		return err
	}
	merged := applyChanges(stored, base, mine)
	err = r.store(merged) // the form keeps base and mine until this succeeds
	if data.IsStale(err) {
		r.askStale(err, mine) // changed again meanwhile
		return errAsked
	}
	if err == nil {
		r.status.SetText(i18n.Tf("record.stale_applied", map[string]any{"Count": len(merged.Participants),
			"Date": i18n.DateText(merged.Date)}))
	}
	return err
}

// applyChanges is stored with the changes from base to mine applied.
func applyChanges(stored, base, mine *data.Occasion) *data.Occasion {
	out := *stored
	out.Participants = nil
	was, now := roleMap(base), roleMap(mine)
	kept := map[int64]bool{}
	for _, p := range stored.Participants {
		_, hadIt := was[p.PersonID]
		role, hasIt := now[p.PersonID]
		switch {
		case hadIt && !hasIt:
			continue // unticked here
		case hadIt && hasIt && role != was[p.PersonID]:
			p.RoleID = role // given another role here
		}
		out.Participants = append(out.Participants, p)
		kept[p.PersonID] = true
	}
	for _, p := range mine.Participants {
		if _, hadIt := was[p.PersonID]; !hadIt && !kept[p.PersonID] {
			out.Participants = append(out.Participants, p) // ticked here
		}
	}
	if mine.ActivityID != base.ActivityID || mine.Date != base.Date {
		out.ActivityID, out.Date = mine.ActivityID, mine.Date
	}
	if mine.StartTime != base.StartTime {
		out.StartTime = mine.StartTime
	}
	if mine.EndTime != base.EndTime {
		out.EndTime = mine.EndTime
	}
	if mine.AnonymousGuests != base.AnonymousGuests {
		out.AnonymousGuests = mine.AnonymousGuests
	}
	if mine.Notes != base.Notes {
		out.Notes = mine.Notes
	}
	return &out
}

func roleMap(o *data.Occasion) map[int64]int64 {
	m := make(map[int64]int64, len(o.Participants))
	for _, p := range o.Participants {
		m[p.PersonID] = p.RoleID
	}
	return m
}

// ownChanges says what this coordinator changed from base to mine: who
// was ticked, unticked or given another role, and which fields.
func (r *recordScreen) ownChanges(base, mine *data.Occasion) string {
	was, now := roleMap(base), roleMap(mine)
	name := func(id int64) string {
		if a := r.ticks.find(id); a != nil {
			return a.name
		}
		return "#" + strconv.FormatInt(id, 10)
	}
	var ticked, unticked, roles []string
	for _, p := range mine.Participants {
		role, hadIt := was[p.PersonID]
		switch {
		case !hadIt:
			ticked = append(ticked, name(p.PersonID))
		case role != p.RoleID:
			roles = append(roles, name(p.PersonID))
		}
	}
	for _, p := range base.Participants {
		if _, hasIt := now[p.PersonID]; !hasIt {
			unticked = append(unticked, name(p.PersonID))
		}
	}
	var parts []string
	for _, x := range []struct {
		key   string
		names []string
	}{{"record.stale_ticked", ticked}, {"record.stale_unticked", unticked}, {"record.stale_roles", roles}} {
		if len(x.names) > 0 {
			parts = append(parts, i18n.Tf(x.key, map[string]any{"Names": strings.Join(x.names, ", ")}))
		}
	}
	for _, f := range []struct {
		field string
		same  bool
	}{{"start_time", mine.StartTime == base.StartTime}, {"end_time", mine.EndTime == base.EndTime},
		{"anonymous_guests", mine.AnonymousGuests == base.AnonymousGuests}, {"notes", mine.Notes == base.Notes}} {
		if !f.same {
			parts = append(parts, i18n.T("field."+f.field))
		}
	}
	return strings.Join(parts, "; ")
}
