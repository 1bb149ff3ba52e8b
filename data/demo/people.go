package demo

import (
	"math"
	"math/rand/v2"
	"sort"

	"samspil/data"
)

// member is a fictional person with the life the simulation gives them.
type member struct {
	p          *data.Person
	group      data.Group
	categories []int64
	join       data.Date
	leave      data.Date // last day they may come
	pauseFrom  data.Date // a break of at least two months, or zero
	pauseTo    data.Date
	switchOn   data.Date // target group → volunteer, or zero
	opensOn    data.Date // until then only sheltered activities; zero: from the start
	engagement float64   // multiplies an activity's attendance chance
	level      int       // current role level, 1–4
	companion  *member   // municipal staff who may come along
	staffKind  string
	inviter    *member
}

// activeOn reports whether the member may come on day.
func (m *member) activeOn(day data.Date) bool {
	if day.Before(m.join) || day.After(m.leave) {
		return false
	}
	return m.pauseFrom.IsZero() || day.Before(m.pauseFrom) || day.After(m.pauseTo)
}

// groupOn returns the member's group on day.
func (m *member) groupOn(day data.Date) data.Group {
	if !m.switchOn.IsZero() && !day.Before(m.switchOn) {
		return data.GroupVolunteer
	}
	return m.group
}

// population draws the partnership's people over the years.
type population struct {
	rng     *rand.Rand
	tpl     template
	names   *namer
	cats    map[string]int64
	members []*member
	staff   []*member // municipal staff available as companions
}

func drawWeighted(rng *rand.Rand, weights map[string]float64) string {
	keys := make([]string, 0, len(weights))
	total := 0.0
	for k, w := range weights {
		keys = append(keys, k)
		total += w
	}
	sort.Strings(keys)
	x := rng.Float64() * total
	for _, k := range keys {
		x -= weights[k]
		if x < 0 {
			return k
		}
	}
	return keys[len(keys)-1]
}

func (pop *population) drawGroup() data.Group {
	x := pop.rng.Float64()
	for i, share := range pop.tpl.mix {
		x -= share
		if x < 0 {
			return data.Groups[i]
		}
	}
	return data.GroupResourceful
}

// add creates one newcomer who joins on day and stays until at most end.
func (pop *population) add(day, end data.Date, group data.Group) *member {
	rng := pop.rng
	name, gender := pop.names.next()
	m := &member{group: group, join: day, engagement: 0.5 + rng.Float64()}
	stayDays := int(-math.Log(1-rng.Float64()) * 365 * 2.5)
	m.leave = day.AddDays(30 + stayDays)
	if m.leave.After(end) {
		m.leave = end
	}
	if rng.IntN(5) == 0 {
		m.pauseFrom = day.AddDays(60 + rng.IntN(400))
		m.pauseTo = m.pauseFrom.AddDays(62 + rng.IntN(120))
	}
	age := 20 + rng.IntN(50)
	p := &data.Person{Name: name, Gender: gender, FirstContact: day}
	switch group {
	case data.GroupTarget:
		m.level = 1 + rng.IntN(2)
		m.categories = pop.drawCategories()
		if rng.IntN(2) == 0 {
			// Half begin in the sheltered group, among their own and their
			// counsellors or carers, for three months to a year.
			m.opensOn = day.AddDays(90 + rng.IntN(270))
		}
		p.EntryChannel = drawWeighted(rng, pop.tpl.targetEntry)
		age = pop.targetAge()
		if rng.IntN(7) == 0 && m.leave.DaysUntil(end) > 0 {
			m.switchOn = day.AddDays(300 + rng.IntN(400))
		}
		if len(pop.staff) > 0 && pop.tpl.accompany > 0 {
			m.companion = pop.staff[rng.IntN(len(pop.staff))]
		}
	case data.GroupMunicipalStaff:
		m.staffKind = pop.tpl.staffKind
		m.leave = end
		p.EntryChannel = "other"
	default:
		m.level = 3
		p.EntryChannel = drawWeighted(rng, pop.tpl.otherEntry)
	}
	if rng.IntN(5) != 0 {
		p.BirthYear = day.Year - age
	}
	if rng.IntN(3) != 0 {
		p.Phone, p.Email = pop.names.contact(name)
	}
	if p.EntryChannel == "network" && len(pop.members) > 10 {
		m.inviter = pop.members[len(pop.members)-1-rng.IntN(min(len(pop.members), 200))]
	}
	m.p = p
	pop.members = append(pop.members, m)
	if group == data.GroupMunicipalStaff {
		pop.staff = append(pop.staff, m)
	}
	return m
}

func (pop *population) targetAge() int {
	switch pop.tpl.staffKind {
	case "counsellor":
		return 16 + pop.rng.IntN(14) // young people from social psychiatry
	case "care":
		return 25 + pop.rng.IntN(40) // group-home residents
	}
	return 25 + pop.rng.IntN(35)
}

func (pop *population) drawCategories() []int64 {
	first := pop.cats[pick(pop.rng, pop.tpl.categories)]
	if pop.rng.IntN(4) != 0 {
		return []int64{first}
	}
	second := pop.cats[pick(pop.rng, pop.tpl.categories)]
	if second == first {
		return []int64{first}
	}
	return []int64{first, second}
}

// activeOn returns the members who may come on day and belong to group
// (any group when group is GroupUnknown).
func (pop *population) activeOn(day data.Date, group data.Group) []*member {
	var out []*member
	for _, m := range pop.members {
		if m.activeOn(day) && (group == data.GroupUnknown || m.groupOn(day) == group) {
			out = append(out, m)
		}
	}
	return out
}
