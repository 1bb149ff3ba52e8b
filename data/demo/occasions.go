package demo

import (
	"samspil/data"
)

// roleCodes maps a role level to the role a citizen takes at that level.
var roleCodes = map[int]string{1: "supported", 2: "less_active", 3: "active", 4: "host"}

// planned is an occasion with the members who came and their roles, kept
// until the people have database ids.
type planned struct {
	act    *activity
	o      *data.Occasion
	people []*member
	roles  []string
}

func (p *planned) add(m *member, role string) {
	p.people = append(p.people, m)
	p.roles = append(p.roles, role)
}

// occasion decides who came on day and in which role; nil when nobody came.
func (g *generator) occasion(act *activity, day data.Date) *planned {
	p := &planned{act: act, o: &data.Occasion{Date: day, StartTime: act.spec.start, EndTime: act.spec.end,
		AnonymousGuests: poisson(g.rng, float64(act.spec.guests))}}
	seen := map[*member]bool{}
	var came []*member
	for _, m := range act.members {
		// A sheltered group keeps its members until three months after
		// they have begun to come to the open activities.
		open := !day.Before(m.opensOn)
		if act.spec.sheltered {
			open = day.Before(m.opensOn.AddMonths(3))
		}
		if open && m.activeOn(day) && !seen[m] && g.rng.Float64() < act.spec.attend*m.engagement {
			came = append(came, m)
			seen[m] = true
		}
	}
	if len(came) < 2 && act.spec.kind == "cause" {
		return nil // a cause meeting needs at least two people
	}
	hostChosen := false
	for _, m := range came {
		role := g.roleOf(act, m, day)
		hostChosen = hostChosen || role == "host" || role == "initiator"
		p.add(m, role)
		if c := m.companion; c != nil && !seen[c] && m.groupOn(day) == data.GroupTarget && g.rng.Float64() < g.tpl.accompany {
			seen[c] = true
			p.add(c, "accompanies")
		}
	}
	// At meetings the group picks a practical host for the week.
	if act.spec.kind == "meeting" && !hostChosen && len(came) > 0 {
		p.roles[0] = "host"
	}
	if len(p.people) == 0 && p.o.AnonymousGuests == 0 {
		return nil
	}
	return p
}

// roleOf returns the role the member takes, moving citizens of the target
// group slowly from receiving support towards active and host roles.
func (g *generator) roleOf(act *activity, m *member, day data.Date) string {
	if m == act.initiator && g.rng.IntN(3) != 0 {
		return "initiator"
	}
	switch m.groupOn(day) {
	case data.GroupTarget:
		if g.rng.Float64() < 0.04 && m.level < 3 {
			m.level++
		} else if m.level == 3 && g.rng.Float64() < 0.006 {
			m.level = 4
		}
		return roleCodes[m.level]
	case data.GroupVolunteer, data.GroupOrgStaff:
		if g.rng.IntN(5) < 2 {
			return "host"
		}
		return "active"
	case data.GroupMunicipalStaff:
		return "accompanies"
	}
	if g.rng.IntN(10) < 3 {
		return "less_active"
	}
	return "active"
}
