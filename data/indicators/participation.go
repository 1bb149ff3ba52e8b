package indicators

import (
	"slices"
	"sort"

	"samspil/data"
)

// participation fills reach (1) and participation per group (2).
func (w *pass) participation(f *Figures) {
	counts := make([]GroupCount, len(groupList))
	for i := range w.occasions {
		for _, x := range w.partsOf(&w.occasions[i]) {
			counts[x.group].Participations++
			f.Participations++
		}
	}
	for _, seen := range w.seen {
		if seen == 0 {
			continue
		}
		f.Participants++
		for g := range groupList {
			if seen.has(group(g)) {
				counts[g].Participants++
			}
		}
	}
	f.ByGroup = map[data.Group]GroupCount{}
	for g, c := range counts {
		if c.Participations > 0 {
			f.ByGroup[groupList[g]] = c
		}
	}
	f.TargetParticipants = counts[target].Participants
	f.TargetShareOfParticipations = ratio(counts[target].Participations, f.Participations)
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
	active := make([]bool, len(w.d.activities))
	withTarget := make([]bool, len(w.d.activities))
	for i := range w.occasions {
		o := &w.occasions[i]
		a := &w.d.activities[o.activity]
		parts := w.partsOf(o)
		size := len(parts) + int(o.guests)
		if size == 0 {
			continue
		}
		active[o.activity] = true
		sizes[a.kind] = append(sizes[a.kind], size)
		all = append(all, size)
		if len(parts) == 0 {
			continue // only anonymous guests: counts for size and activity, not for balance
		}
		inTarget, registered := 0, len(parts)
		for _, x := range parts {
			if x.group == target {
				inTarget++
			}
		}
		if inTarget > 0 {
			withTarget[o.activity] = true
		}
		share := float64(inTarget) / float64(registered)
		shares = append(shares, share)
		s := OccasionShare{o.id, a.name, o.day, inTarget, registered, share}
		f.Shares = append(f.Shares, s)
		f.ShareBuckets[min(int(share*10), 9)]++
		if share > threshold {
			f.OverThreshold = append(f.OverThreshold, s)
		}
		dc := days[o.day]
		if dc == nil {
			dc = &dayCount{}
			days[o.day] = dc
		}
		dc.target += inTarget
		dc.registered += registered
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
	f.ActiveActivities, f.ActivitiesWithTarget = countTrue(active), countTrue(withTarget)
	f.Coverage = ratio(f.ActivitiesWithTarget, f.ActiveActivities)
}

func countTrue(xs []bool) int {
	n := 0
	for _, x := range xs {
		if x {
			n++
		}
	}
	return n
}

func sizeStats(xs []int) SizeStats {
	if len(xs) == 0 {
		return SizeStats{}
	}
	s := make([]float64, len(xs))
	for i, x := range xs {
		s[i] = float64(x)
	}
	return SizeStats{Occasions: len(xs), Min: slices.Min(xs), Median: *median(s), Max: slices.Max(xs)}
}
