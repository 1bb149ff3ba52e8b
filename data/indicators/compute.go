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

// Compute works out the indicators of the period and of the period before.
func Compute(ctx context.Context, s *data.Store, p Period, opts ...Option) (*Report, error) {
	d, err := load(ctx, s, p.To)
	if err != nil {
		return nil, err
	}
	r := &Report{Previous: d.figures(p.Previous()), Threshold: d.settings.BalanceThreshold}
	for _, o := range opts {
		o(d)
	}
	r.Current = d.figures(p)
	return r, nil
}

// attendee is one participant of an occasion in the period.
type attendee struct {
	person       int64
	group        data.Group
	professional bool
	hosting      bool // in a host or initiator role
	level        int
}

// pass is what one walk over the participations collects for a period.
type pass struct {
	p          Period
	d          *dataset
	firstEver  map[int64]data.Date
	lastDay    map[int64]data.Date // each person's latest participation so far in the walk
	returners  map[int64]bool      // came back in the period after a break of two months or more
	groupsSeen map[int64]map[data.Group]bool
	byOccasion map[int64][]attendee
	edges      map[uint64]int32 // pairs packed a<<32|b, filled by ties when the network is asked for
	occOrder   []int64
	quarterMax map[int64]map[int]int // target-group people: highest level per quarter
	firstLevel map[int64]data.Date   // first day a person took part at level 3 or more
	inPrevious map[int64]bool
}

func (d *dataset) walk(p Period) *pass {
	w := &pass{p: p, d: d, firstEver: map[int64]data.Date{}, lastDay: map[int64]data.Date{}, returners: map[int64]bool{},
		groupsSeen: map[int64]map[data.Group]bool{}, byOccasion: map[int64][]attendee{},
		quarterMax: map[int64]map[int]int{}, firstLevel: map[int64]data.Date{}, inPrevious: map[int64]bool{}}
	prev := p.Previous()
	for i := range d.parts {
		x := &d.parts[i]
		day, level := x.o.day, int(x.level)
		if _, ok := w.firstEver[x.person]; !ok {
			w.firstEver[x.person] = day
		}
		if day.After(p.To) {
			continue
		}
		if last, ok := w.lastDay[x.person]; ok && p.Contains(day) && !last.AddMonths(2).After(day) {
			w.returners[x.person] = true
		}
		w.lastDay[x.person] = day
		if !x.professional && level >= 3 {
			if _, ok := w.firstLevel[x.person]; !ok {
				w.firstLevel[x.person] = day
			}
		}
		g := d.groups.GroupOn(x.person, day)
		if g == data.GroupTarget && !x.professional {
			q := w.quarterMax[x.person]
			if q == nil {
				q = map[int]int{}
				w.quarterMax[x.person] = q
			}
			if k := quarterKey(day); level > q[k] {
				q[k] = level
			}
		}
		if prev.Contains(day) {
			w.inPrevious[x.person] = true
		}
		if !p.Contains(day) {
			continue
		}
		seen := w.groupsSeen[x.person]
		if seen == nil {
			seen = map[data.Group]bool{}
			w.groupsSeen[x.person] = seen
		}
		seen[g] = true
		id := x.o.id
		if _, ok := w.byOccasion[id]; !ok {
			w.occOrder = append(w.occOrder, id)
		}
		w.byOccasion[id] = append(w.byOccasion[id], attendee{x.person, g, x.professional, x.hosting, level})
	}
	return w
}

// figures computes every indicator of the period.
func (d *dataset) figures(p Period) Figures {
	w := d.walk(p)
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
