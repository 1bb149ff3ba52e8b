package indicators

import (
	"sort"

	"samspil/data"
)

// participation fills reach (1) and participation per group (2).
func (w *pass) participation(f *Figures) {
	f.ByGroup = map[data.Group]GroupCount{}
	target := 0
	for _, list := range w.byOccasion {
		for _, a := range list {
			c := f.ByGroup[a.group]
			c.Participations++
			f.ByGroup[a.group] = c
			f.Participations++
			if a.group == data.GroupTarget {
				target++
			}
		}
	}
	for _, groups := range w.groupsSeen {
		f.Participants++
		for g := range groups {
			c := f.ByGroup[g]
			c.Participants++
			f.ByGroup[g] = c
		}
		if groups[data.GroupTarget] {
			f.TargetParticipants++
		}
	}
	f.TargetShareOfParticipations = ratio(target, f.Participations)
	f.TargetShareOfParticipants = ratio(f.TargetParticipants, f.Participants)
	f.TargetSize = w.d.sizes[w.p.To.Year]
	f.Reach = ratio(f.TargetParticipants, f.TargetSize)
}

// composition fills the balance per occasion (4), occasion sizes (5) and
// coverage (8).
func (w *pass) composition(f *Figures) {
	threshold := w.d.settings.BalanceThreshold
	var shares []float64
	type dayCount struct{ target, registered int }
	days := map[data.Date]*dayCount{}
	sizes := map[string][]int{}
	var all []int
	withTarget := map[int64]bool{}
	active := map[int64]bool{}
	for _, id := range w.occOrder {
		o := w.d.occasions[id]
		target, registered := 0, len(w.byOccasion[id])
		for _, a := range w.byOccasion[id] {
			if a.group == data.GroupTarget {
				target++
			}
		}
		active[o.activity] = true
		if target > 0 {
			withTarget[o.activity] = true
		}
		share := float64(target) / float64(registered)
		shares = append(shares, share)
		f.Shares = append(f.Shares, OccasionShare{id, o.name, o.day, target, registered, share})
		f.ShareBuckets[min(int(share*10), 9)]++
		if share > threshold {
			f.OverThreshold = append(f.OverThreshold, OccasionShare{id, o.name, o.day, target, registered, share})
		}
		dc := days[o.day]
		if dc == nil {
			dc = &dayCount{}
			days[o.day] = dc
		}
		dc.target += target
		dc.registered += registered
		size := registered + o.guests
		sizes[o.kind] = append(sizes[o.kind], size)
		all = append(all, size)
	}
	// Occasions with only anonymous guests count for size and activity, not for balance.
	for id, o := range w.d.occasions {
		if _, ok := w.byOccasion[id]; !ok && w.p.Contains(o.day) && o.guests > 0 {
			active[o.activity] = true
			sizes[o.kind] = append(sizes[o.kind], o.guests)
			all = append(all, o.guests)
		}
	}
	f.Occasions = len(all)
	f.ShareMean, f.ShareMedian = mean(shares), median(shares)
	for day, dc := range days {
		if share := float64(dc.target) / float64(dc.registered); share > threshold {
			f.DaysOverThreshold = append(f.DaysOverThreshold, DayShare{day, dc.target, dc.registered, share})
		}
	}
	sort.Slice(f.DaysOverThreshold, func(i, j int) bool { return f.DaysOverThreshold[i].Date.Before(f.DaysOverThreshold[j].Date) })
	f.Size = sizeStats(all)
	f.SizeByKind = map[string]SizeStats{}
	for kind, xs := range sizes {
		f.SizeByKind[kind] = sizeStats(xs)
	}
	f.ActiveActivities, f.ActivitiesWithTarget = len(active), len(withTarget)
	f.Coverage = ratio(f.ActivitiesWithTarget, f.ActiveActivities)
}

func sizeStats(xs []int) SizeStats {
	if len(xs) == 0 {
		return SizeStats{}
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return SizeStats{Occasions: len(s), Min: s[0], Median: m, Max: s[len(s)-1]}
}

// ties fills the ties across groups (9): for each target-group participant,
// the distinct people (not professionals) they met at occasions, and how
// many of those were from other groups.
func (w *pass) ties(f *Figures) {
	met := map[int64]map[int64]bool{}   // target person → people met
	other := map[int64]map[int64]bool{} // … of whom from another group that day
	for _, id := range w.occOrder {
		list := w.byOccasion[id]
		for _, a := range list {
			if a.group != data.GroupTarget || a.professional {
				continue
			}
			if met[a.person] == nil {
				met[a.person], other[a.person] = map[int64]bool{}, map[int64]bool{}
			}
			for _, b := range list {
				if b.person == a.person || b.professional {
					continue
				}
				met[a.person][b.person] = true
				if b.group != data.GroupTarget {
					other[a.person][b.person] = true
				}
				// Count each pair once: from the target-group side, and
				// between two target-group members from the smaller id.
				if w.d.network && (b.group != data.GroupTarget || a.person < b.person) {
					w.edge(a.person, b.person)
				}
			}
		}
	}
	var shares []float64
	for person, people := range met {
		if len(people) == 0 {
			continue
		}
		f.TargetWithTies++
		share := float64(len(other[person])) / float64(len(people))
		shares = append(shares, share)
		if share >= 0.5 {
			f.HalfOrMoreOthers++
		}
	}
	f.OtherShareMean = mean(shares)
	f.HalfOrMoreShare = ratio(f.HalfOrMoreOthers, f.TargetWithTies)
	for k, n := range w.edges {
		f.Edges = append(f.Edges, Edge{A: int64(k >> 32), B: int64(k & 0xffffffff), Occasions: int(n)})
	}
	sort.Slice(f.Edges, func(i, j int) bool {
		if f.Edges[i].A != f.Edges[j].A {
			return f.Edges[i].A < f.Edges[j].A
		}
		return f.Edges[i].B < f.Edges[j].B
	})
}

func (w *pass) edge(a, b int64) {
	if w.edges == nil {
		w.edges = map[uint64]int32{}
	}
	if a > b {
		a, b = b, a
	}
	w.edges[uint64(a)<<32|uint64(b)]++
}
