// Package demo fills a Samspil database with deterministic, fictional data
// shaped like the booklet's three partnerships: a culture house with young
// people from social psychiatry and their counsellors ("kulturhus"), a civic
// house of causes ("sager") and a village with group-home residents on
// shop and café shifts ("landsby").
package demo

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"

	"samspil/data"
)

// Options choose the data set. The same options give the same data.
type Options struct {
	Template string    // one of Templates; default "kulturhus"
	Years    int       // years of history, default 3
	Scale    int       // size multiplier, default 1 (10 is a busy house)
	End      data.Date // last day of the history; default today
	Seed     uint64    // varies the draw; default 1
}

// Result counts what was written.
type Result struct {
	People, Activities, Occasions, Participations, LogEntries int
}

func (o *Options) defaults() error {
	if o.Template == "" {
		o.Template = "kulturhus"
	}
	if _, ok := templates[o.Template]; !ok {
		return fmt.Errorf("unknown template %q (want kulturhus, sager or landsby)", o.Template)
	}
	if o.Years == 0 {
		o.Years = 3
	}
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.Years < 1 || o.Years > 50 || o.Scale < 1 || o.Scale > 100 {
		return fmt.Errorf("years must be 1-50 and scale 1-100")
	}
	if o.End.IsZero() {
		o.End = data.Today()
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return nil
}

// Generate writes the demo data set into s in one transaction.
func Generate(ctx context.Context, s *data.Store, opt Options) (Result, error) {
	if err := opt.defaults(); err != nil {
		return Result{}, err
	}
	h := fnv.New64a()
	h.Write([]byte(opt.Template))
	g := &generator{
		opt: opt,
		tpl: templates[opt.Template],
		rng: rand.New(rand.NewPCG(opt.Seed, h.Sum64())),
	}
	g.start = opt.End.AddMonths(-12 * opt.Years).AddDays(1)
	if err := g.loadCatalogs(ctx, s); err != nil {
		return Result{}, err
	}
	g.simulate()
	if err := s.Update(ctx, g.write); err != nil {
		return g.result, err
	}
	return g.result, s.Analyze(ctx)
}

type generator struct {
	opt        Options
	tpl        template
	rng        *rand.Rand
	start      data.Date
	pop        *population
	roles      map[string]int64
	activities []*activity
	occasions  []*planned
	result     Result
}

func (g *generator) loadCatalogs(ctx context.Context, s *data.Store) error {
	cats, err := s.Categories(ctx)
	if err != nil {
		return err
	}
	roles, err := s.Roles(ctx)
	if err != nil {
		return err
	}
	catIDs := map[string]int64{}
	for _, c := range cats {
		catIDs[c.Code] = c.ID
	}
	g.roles = map[string]int64{}
	for _, r := range roles {
		g.roles[r.Code] = r.ID
	}
	g.pop = &population{rng: g.rng, tpl: g.tpl, names: newNamer(g.rng), cats: catIDs}
	return nil
}

// simulate draws people, activities and who came when, all in memory.
func (g *generator) simulate() {
	perYear := g.tpl.newPerScale * g.opt.Scale
	// Staff and a first year's worth of people were there before the history starts.
	before := g.start.AddMonths(-12)
	for i := 0; i < max(2, perYear/25); i++ {
		g.pop.add(before.AddDays(g.rng.IntN(30)), g.opt.End, data.GroupMunicipalStaff)
	}
	g.addNewcomers(before, g.start.AddDays(-1), perYear)
	for y := 0; y < g.opt.Years; y++ {
		from := g.start.AddMonths(12 * y)
		g.addNewcomers(from, from.AddMonths(12).AddDays(-1), perYear)
	}
	slices.SortStableFunc(g.pop.members, func(a, b *member) int { return a.join.Compare(b.join) })
	g.planActivities()
	g.planIdeas()
	for _, a := range g.activities {
		g.runActivity(a)
	}
	slices.SortStableFunc(g.occasions, func(a, b *planned) int {
		if c := a.o.Date.Compare(b.o.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.o.StartTime, b.o.StartTime)
	})
}

func (g *generator) addNewcomers(from, to data.Date, n int) {
	span := from.DaysUntil(to) + 1
	for i := 0; i < n; i++ {
		group := g.pop.drawGroup()
		if group == data.GroupMunicipalStaff {
			group = data.GroupResourceful // staff are drawn separately
		}
		g.pop.add(from.AddDays(g.rng.IntN(span)), g.opt.End, group)
	}
}

// poisson draws a count with the given mean (Knuth's method; means are small).
func poisson(rng *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		return max(0, int(mean+rng.NormFloat64()*math.Sqrt(mean)))
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
