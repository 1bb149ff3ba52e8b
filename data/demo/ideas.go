package demo

import (
	"fmt"

	"samspil/data"
)

// ideaStarters are the groups that start the citizens' own activities:
// half the target group, as the booklet hopes, and the other citizens.
var ideaStarters = []data.Group{data.GroupTarget, data.GroupTarget, data.GroupResourceful, data.GroupVolunteer}

// planIdeas adds the small activities citizens start over the years: two a
// year per unit of scale, from the template's ideas, each started by
// someone of the target group or another citizen who is around then; most
// run for a season or two.
func (g *generator) planIdeas() {
	if len(g.tpl.ideas) == 0 {
		return
	}
	used := map[string]int{}
	for y := 0; y < g.opt.Years; y++ {
		for i := 0; i < 2*g.opt.Scale; i++ {
			spec := pick(g.rng, g.tpl.ideas)
			spec.initiator = pick(g.rng, ideaStarters)
			start := g.start.AddMonths(12 * y).AddDays(g.rng.IntN(330))
			if start.After(g.opt.End) {
				continue
			}
			name := fmt.Sprintf("%s %d", spec.name, start.Year)
			if used[name]++; used[name] > 1 {
				name = fmt.Sprintf("%s (hold %d)", name, used[name])
			}
			act := g.newActivity(spec, name, start)
			if end := start.AddMonths(4 + g.rng.IntN(14)); g.rng.IntN(3) != 0 && end.Before(g.opt.End) {
				act.a.Status, act.a.End = "ended", end
			}
			g.activities = append(g.activities, act)
		}
	}
}
