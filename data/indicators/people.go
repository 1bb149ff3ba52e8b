package indicators

import (
	"sort"

	"samspil/data"
)

// initiatives fills the activities started in the period by who started
// them (3): the target group, other citizens (resourceful citizens and
// volunteers), or staff.
func (w *pass) initiatives(f *Figures) {
	f.StartedBy = map[string]int{}
	citizen := 0
	for _, a := range w.d.activities {
		if a.start.IsZero() || !w.p.Contains(a.start) {
			continue
		}
		f.ActivitiesStarted++
		by := "unknown"
		if a.initiator != 0 {
			switch w.d.groups.GroupOn(a.initiator, a.start) {
			case data.GroupTarget:
				by = "target"
			case data.GroupResourceful, data.GroupVolunteer:
				by = "citizen"
			case data.GroupOrgStaff, data.GroupMunicipalStaff:
				by = "staff"
			}
		}
		f.StartedBy[by]++
		if by == "target" || by == "citizen" {
			citizen++
		}
	}
	f.CitizenInitiated = ratio(citizen, f.ActivitiesStarted)
}

// entries fills the entry channels of the period's newcomers and who
// invited most of them (6).
func (w *pass) entries(f *Figures) {
	f.EntryChannels = map[string]int{}
	invited := map[int64]int{}
	for i, first := range w.firstEver {
		if first.IsZero() || !w.p.Contains(first) {
			continue
		}
		f.Newcomers++
		p := w.d.people[i]
		f.EntryChannels[p.entryChannel]++
		if p.invitedBy != 0 {
			invited[p.invitedBy]++
		}
	}
	for id, n := range invited {
		var name string
		if i, ok := w.d.number[id]; ok {
			name = w.d.people[i].name
		}
		f.TopInviters = append(f.TopInviters, Inviter{PersonID: id, Name: name, Count: n})
	}
	sort.Slice(f.TopInviters, func(i, j int) bool {
		a, b := f.TopInviters[i], f.TopInviters[j]
		return a.Count > b.Count || a.Count == b.Count && a.PersonID < b.PersonID
	})
	f.TopInviters = f.TopInviters[:min(5, len(f.TopInviters))]
}

// trajectories fills the role trajectories (10) of the target-group people
// who took part in the period: their highest level in their first quarter
// against their latest quarter in the period, who reached an active or a
// host role by the end of the period, and the median days from their first
// participation to their first at an active level.
func (w *pass) trajectories(f *Figures) {
	f.Transitions = map[[2]int]int{}
	var days []float64
	for person, quarters := range w.quarterMax {
		if !w.seen[person].has(target) {
			continue
		}
		keys := make([]int, 0, len(quarters))
		for k := range quarters {
			keys = append(keys, k)
		}
		sort.Ints(keys)
		latest, inPeriod := 0, false
		for _, k := range keys {
			if k <= quarterKey(w.p.To) && k >= quarterKey(w.p.From) {
				latest, inPeriod = k, true
			}
		}
		if !inPeriod {
			continue
		}
		f.Transitions[[2]int{quarters[keys[0]], quarters[latest]}]++
		top := 0
		for _, k := range keys {
			top = max(top, quarters[k])
		}
		if top >= 3 {
			f.ReachedActive++
			if first := w.firstLevel[person]; !first.IsZero() {
				days = append(days, float64(w.firstEver[person].DaysUntil(first)))
			}
		}
		if top >= 4 {
			f.ReachedHost++
		}
	}
	f.MedianDaysToActive = median(days)
}

// paths fills the onward paths of target-group members (11).
func (w *pass) paths(f *Figures) {
	f.Paths = map[string]int{}
	for _, p := range w.d.paths {
		if !w.p.Contains(p.day) {
			continue
		}
		// The path counts for anyone who was in the target group on or
		// before that day: people often leave the group as they move on.
		for _, per := range w.d.groups.Periods(p.person) {
			if per.Group == data.GroupTarget && !per.Start.After(p.day) {
				f.Paths[p.kind]++
				break
			}
		}
	}
}

// retention fills flexibility and retention (12): who of the previous
// period's participants took part again, and who came back in this period
// after a break of at least two months.
func (w *pass) retention(f *Figures) {
	for i, before := range w.inPrevious {
		if before {
			f.PreviousParticipants++
			if w.seen[i] != 0 {
				f.StillActive++
			}
		}
	}
	f.Retention = ratio(f.StillActive, f.PreviousParticipants)
	f.Returners = countTrue(w.returners)
}

// months fills the time series (7): per month, participations by group,
// volunteers and hosts, active activities and the target group's share;
// and the distinct volunteers and hosts of the whole period.
func (w *pass) months(f *Figures) {
	type acc struct {
		levels     map[int]int
		parts      map[data.Group]int
		volunteers map[int32]bool
		activities map[int32]bool
		total      int
	}
	byMonth := map[string]*acc{}
	volunteers := newBitSet(len(w.d.ids)) // over the whole period
	for i := range w.occasions {
		o := &w.occasions[i]
		parts := w.partsOf(o)
		if len(parts) == 0 {
			continue
		}
		k := monthKey(o.day)
		m := byMonth[k]
		if m == nil {
			m = &acc{levels: map[int]int{}, parts: map[data.Group]int{}, volunteers: map[int32]bool{}, activities: map[int32]bool{}}
			byMonth[k] = m
		}
		m.activities[o.activity] = true
		for _, x := range parts {
			g := groupList[x.group]
			m.parts[g]++
			m.total++
			if g == data.GroupVolunteer || x.hosting {
				m.volunteers[x.person] = true
				volunteers.add(x.person)
			}
			if x.group == target && !x.professional {
				m.levels[int(x.level)]++
			}
		}
	}
	f.Volunteers = volunteers.count()
	for day := data.NewDate(w.p.From.Year, w.p.From.Month, 1); !day.After(w.p.To); day = day.AddMonths(1) {
		k := monthKey(day)
		pt := MonthPoint{Month: k, Participations: map[data.Group]int{}, ByLevel: map[int]int{}}
		if m := byMonth[k]; m != nil {
			pt.Participations, pt.ByLevel = m.parts, m.levels
			pt.Volunteers, pt.Activities = len(m.volunteers), len(m.activities)
			pt.TargetShare = ratio(m.parts[data.GroupTarget], m.total)
		}
		f.Months = append(f.Months, pt)
	}
}
