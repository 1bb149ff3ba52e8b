package indicators

import "samspil/data"

// Measure is one key figure of one period. A share carries the counts it
// was divided from, so that shares can be pooled across partnerships and
// recomputed; a count has neither.
type Measure struct {
	Value                  *float64 // nil: unknown
	Numerator, Denominator int      // shares only
}

// Row is one key figure for display or export: the translations
// "ind.<Key>" (name) and "ind.<Key>.def" (definition) explain it.
type Row struct {
	Key             string
	Share           bool // a share 0-1; otherwise a count
	Value, Previous Measure
}

// Definition is one key figure: its key (scripts depend on it), whether it
// is a share, and how it is read from a period's figures.
type Definition struct {
	Key     string
	Share   bool
	measure func(*Figures) Measure
}

// Of returns the figure of the period f.
func (d Definition) Of(f *Figures) Measure { return d.measure(f) }

// count defines a key figure that is a count.
func count(key string, n func(*Figures) float64) Definition {
	return Definition{Key: key, measure: func(f *Figures) Measure {
		v := n(f)
		return Measure{Value: &v}
	}}
}

// share defines a key figure that is a numerator over a denominator;
// unknown when the denominator is 0.
func share(key string, parts func(*Figures) (int, int)) Definition {
	return Definition{Key: key, Share: true, measure: func(f *Figures) Measure {
		n, d := parts(f)
		return Measure{Value: ratio(n, d), Numerator: n, Denominator: d}
	}}
}

// entry defines the share of the period's newcomers who came in by channel.
func entry(channel string) Definition {
	return share("entry_"+channel, func(f *Figures) (int, int) { return f.EntryChannels[channel], f.Newcomers })
}

// startedBy defines the count of activities started in the period by whom.
func startedBy(by string) Definition {
	return count("started_by_"+by, func(f *Figures) float64 { return float64(f.StartedBy[by]) })
}

// Definitions lists the key figures in the order the overview and the
// workbook show them.
var Definitions = []Definition{
	share("reach", func(f *Figures) (int, int) { return f.TargetParticipants, f.TargetSize }),
	count("participants", func(f *Figures) float64 { return float64(f.Participants) }),
	count("participations", func(f *Figures) float64 { return float64(f.Participations) }),
	share("target_share", func(f *Figures) (int, int) { return f.ByGroup[data.GroupTarget].Participations, f.Participations }),
	count("target_participants", func(f *Figures) float64 { return float64(f.TargetParticipants) }),
	share("target_share_of_participants", func(f *Figures) (int, int) { return f.TargetParticipants, f.Participants }),
	share("citizen_initiated", func(f *Figures) (int, int) {
		return f.StartedBy["target"] + f.StartedBy["citizen"], f.ActivitiesStarted
	}),
	startedBy("target"), startedBy("citizen"), startedBy("staff"), startedBy("unknown"),
	count("over_threshold", func(f *Figures) float64 { return float64(len(f.OverThreshold)) }),
	count("median_size", func(f *Figures) float64 { return f.Size.Median }),
	count("size_min", func(f *Figures) float64 { return float64(f.Size.Min) }),
	count("size_max", func(f *Figures) float64 { return float64(f.Size.Max) }),
	count("newcomers", func(f *Figures) float64 { return float64(f.Newcomers) }),
	entry("network"), entry("host"), entry("municipal"), entry("self"), entry("other"),
	share("ties", func(f *Figures) (int, int) { return f.HalfOrMoreOthers, f.TargetWithTies }),
	count("reached_active", func(f *Figures) float64 { return float64(f.ReachedActive) }),
	share("retention", func(f *Figures) (int, int) { return f.StillActive, f.PreviousParticipants }),
	count("volunteers", func(f *Figures) float64 { return float64(f.Volunteers) }),
	count("active_activities", func(f *Figures) float64 { return float64(f.ActiveActivities) }),
	count("activities_with_target", func(f *Figures) float64 { return float64(f.ActivitiesWithTarget) }),
	share("coverage", func(f *Figures) (int, int) { return f.ActivitiesWithTarget, f.ActiveActivities }),
	count("paths", func(f *Figures) float64 {
		n := 0
		for _, v := range f.Paths {
			n += v
		}
		return float64(n)
	}),
}

// Rows lists the key figures of the period and the period before, in the
// order of Definitions.
func (r *Report) Rows() []Row {
	out := make([]Row, len(Definitions))
	for i, d := range Definitions {
		out[i] = Row{Key: d.Key, Share: d.Share, Value: d.Of(&r.Current), Previous: d.Of(&r.Previous)}
	}
	return out
}
