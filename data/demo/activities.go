package demo

import (
	"fmt"
	"time"

	"samspil/data"
)

// activity is an activity of the demo with the members who come to it.
type activity struct {
	spec      activitySpec
	a         *data.Activity
	initiator *member
	members   []*member
}

// planActivities creates Scale copies of every template activity, each with
// an initiator of the spec's group and members drawn from the population.
func (g *generator) planActivities() {
	for copyNo := 0; copyNo < g.opt.Scale; copyNo++ {
		for _, spec := range g.tpl.activities {
			if spec.fromYear >= g.opt.Years {
				continue
			}
			name := spec.name
			if copyNo > 0 {
				name = fmt.Sprintf("%s (hold %d)", spec.name, copyNo+1)
			}
			start := g.start.AddMonths(12*spec.fromYear + g.rng.IntN(6))
			if spec.fromYear == 0 {
				start = g.start.AddMonths(-12)
			}
			act := g.newActivity(spec, name, start)
			if g.rng.IntN(12) == 0 && g.opt.Years > 1 {
				act.a.Status = "ended"
				act.a.End = g.opt.End.AddMonths(-g.rng.IntN(12 * g.opt.Years / 2))
				if act.a.End.Before(start) {
					act.a.End = start.AddMonths(3)
				}
			}
			g.activities = append(g.activities, act)
		}
	}
}

// newActivity creates an activity of the spec starting on start, with an
// initiator of the spec's group and its members.
func (g *generator) newActivity(spec activitySpec, name string, start data.Date) *activity {
	act := &activity{spec: spec, a: &data.Activity{
		Name: name, Kind: spec.kind, Status: "active", Start: start, Place: spec.place,
		Description: describe(spec),
	}}
	act.initiator = g.pickInitiator(start, spec.initiator)
	g.recruit(act)
	return act
}

func describe(spec activitySpec) string {
	return fmt.Sprintf("%s, kl. %s–%s.", spec.place, spec.start, spec.end)
}

// pickInitiator chooses someone of the group who is around when the activity starts.
func (g *generator) pickInitiator(start data.Date, group data.Group) *member {
	candidates := g.pop.activeOn(start, group)
	if len(candidates) == 0 {
		return nil
	}
	return candidates[g.rng.IntN(len(candidates))]
}

// recruit gives the activity members: the initiator, and people who come
// along over the years in proportion to the activity's size.
func (g *generator) recruit(act *activity) {
	if act.initiator != nil {
		act.members = append(act.members, act.initiator)
	}
	share := float64(act.spec.members) / float64(g.totalMembers())
	for _, m := range g.pop.members {
		if m.group == data.GroupMunicipalStaff || act.spec.noTarget && m.group == data.GroupTarget || m == act.initiator {
			continue
		}
		if act.spec.sheltered {
			// Every newcomer who begins sheltered belongs to one of the copies.
			if !m.opensOn.IsZero() && g.rng.IntN(g.opt.Scale) == 0 {
				act.members = append(act.members, m)
			}
			continue
		}
		// Each person belongs to about 2 activities.
		if g.rng.Float64() < 2.0*share/float64(g.opt.Scale) {
			act.members = append(act.members, m)
		}
	}
}

func (g *generator) totalMembers() int {
	n := 0
	for _, s := range g.tpl.activities {
		n += s.members
	}
	return n
}

// holiday reports whether the house is closed: summer weeks 28–31 and Christmas.
func holiday(d data.Date) bool {
	_, week := d.Time().ISOWeek()
	christmas := (d.Month == time.December && d.Day >= 23) || (d.Month == time.January && d.Day == 1)
	return (week >= 28 && week <= 31) || christmas
}

// runActivity lays out the activity's occasions and who came to each.
func (g *generator) runActivity(act *activity) {
	end := g.opt.End
	if !act.a.End.IsZero() {
		end = act.a.End
	}
	first := act.a.Start.StartOfWeek()
	if first.Before(g.start.StartOfWeek()) {
		first = g.start.StartOfWeek()
	}
	for week := 0; ; week += act.spec.every {
		monday := first.AddDays(7 * week)
		if monday.After(end) {
			return
		}
		for _, wd := range act.spec.weekdays {
			day := monday.AddDays((int(wd) + 6) % 7)
			if day.Before(act.a.Start) || day.Before(g.start) || day.After(end) || holiday(day) {
				continue
			}
			if o := g.occasion(act, day); o != nil {
				g.occasions = append(g.occasions, o)
			}
		}
	}
}
