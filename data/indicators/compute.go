package indicators

import (
	"context"
	"sort"

	"samspil/data"
)

// Option changes what Compute works out.
type Option func(*dataset)

// WithNetwork also lists the network of the current period: every pair of
// people (not professionals) who met at an occasion where at least one of
// them was in the target group, with the number of occasions they shared.
func WithNetwork() Option { return func(d *dataset) { d.network = true } }

// Only leaves out of every figure the people for whom keep is false: their
// participations, their entry and their onward paths, as if they had never
// been registered. The research workbook uses it so that its figures count
// the same people as its tables.
func Only(keep func(personID int64) bool) Option { return func(d *dataset) { d.keep = keep } }

// ComparedWith compares the period with before instead of p.Previous().
func ComparedWith(before Period) Option { return func(d *dataset) { d.before = &before } }

// WithYears also works out each calendar year of the period (the first and
// last may be part years), for the yearly series.
func WithYears() Option { return func(d *dataset) { d.years = true } }

// Compute works out the indicators of the period and of the period before,
// from one consistent reading of the register (see data.Store.Read).
func Compute(ctx context.Context, s *data.Store, p Period, opts ...Option) (*Report, error) {
	var l *Loaded
	err := s.Read(ctx, func(view *data.Store) error {
		var err error
		l, err = Load(ctx, view, p, opts...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return l.Report(), nil
}

// Loaded is what the indicators of a period need from the register, read
// once; Report works them out without reading any more.
type Loaded struct {
	d         *dataset
	p, before Period
}

// Load reads what the indicators of the period (and of the period before)
// need. Give it the view of a Store.Read whose other reads must agree
// with the figures, as the research export does; Compute is Load and
// Report in a read of their own.
func Load(ctx context.Context, s *data.Store, p Period, opts ...Option) (*Loaded, error) {
	d := &dataset{}
	for _, o := range opts {
		o(d)
	}
	before := p.Previous()
	if d.before != nil {
		before = *d.before
	}
	if err := d.load(ctx, s, later(p.To, before.To)); err != nil {
		return nil, err
	}
	return &Loaded{d: d, p: p, before: before}, nil
}

// Report works out the indicators from what was loaded. It uses no
// database, so it may run on a goroutine of its own.
func (l *Loaded) Report() *Report {
	d, p, before := l.d, l.p, l.before
	r := &Report{Previous: d.figures(before, before.Previous(), false), Threshold: d.settings.BalanceThreshold}
	r.Current = d.figures(p, before, d.network)
	if d.years {
		for _, y := range p.Years() {
			r.Years = append(r.Years, d.figures(y, y.Previous(), false))
		}
	}
	return r
}

// pass is what one walk over the participations collects for a period.
// Per-person state is kept in slices indexed by person number.
type pass struct {
	p          Period
	d          *dataset
	occasions  []occasion  // the period's, in date order
	firstEver  []data.Date // first participation ever (zero: none yet)
	lastDay    []data.Date // latest participation so far in the walk
	returners  []bool      // came back in the period after a break of two months or more
	seen       []groupSet  // the groups a person had in the period; empty: did not take part
	firstLevel []data.Date // first day a person took part at level 3 or more
	inPrevious []bool
	quarterMax map[int32]map[int]int // target-group people: highest level per quarter
	network    bool                  // list the network's edges
	edges      map[uint64]int32      // pairs of person numbers packed a<<32|b, filled by ties when the network is asked for
}

func (d *dataset) walk(p, prev Period) *pass {
	n := len(d.ids)
	w := &pass{p: p, d: d, occasions: d.span(p), firstEver: make([]data.Date, n), lastDay: make([]data.Date, n),
		returners: make([]bool, n), seen: make([]groupSet, n), firstLevel: make([]data.Date, n),
		inPrevious: make([]bool, n), quarterMax: map[int32]map[int]int{}}
	for _, o := range d.occasions {
		day := o.day
		if day.After(p.To) {
			break
		}
		in, before := p.Contains(day), prev.Contains(day)
		for _, x := range d.parts[o.first:o.end] {
			i, level := x.person, int(x.level)
			if w.firstEver[i].IsZero() {
				w.firstEver[i] = day
			}
			if last := w.lastDay[i]; in && !last.IsZero() && !last.AddMonths(2).After(day) {
				w.returners[i] = true
			}
			w.lastDay[i] = day
			if !x.professional && level >= 3 && w.firstLevel[i].IsZero() {
				w.firstLevel[i] = day
			}
			if x.group == target && !x.professional {
				q := w.quarterMax[i]
				if q == nil {
					q = map[int]int{}
					w.quarterMax[i] = q
				}
				// Every quarter taken part in counts, at level 0 too.
				k := quarterKey(day)
				q[k] = max(q[k], level)
			}
			if before {
				w.inPrevious[i] = true
			}
			if in {
				w.seen[i].add(x.group)
			}
		}
	}
	return w
}

// partsOf returns the participations of an occasion.
func (w *pass) partsOf(o *occasion) []part { return w.d.parts[o.first:o.end] }

// figures computes every indicator of the period, with retention counted
// from the participants of before, and its network when asked.
func (d *dataset) figures(p, before Period, network bool) Figures {
	w := d.walk(p, before)
	w.network = network
	f := Figures{Period: p}
	w.participation(&f)
	w.composition(&f)
	w.ties(&f)
	w.initiatives(&f)
	w.entries(&f)
	w.trajectories(&f)
	w.paths(&f)
	w.retention(&f)
	w.months(&f)
	return f
}

// median returns the middle value (the mean of the two middle ones).
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return &m
}

func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	m := sum / float64(len(xs))
	return &m
}
