package indicators

// Row is one key figure for display or export: the translations
// "ind.<Key>" (name) and "ind.<Key>.def" (definition) explain it.
type Row struct {
	Key             string
	Share           bool     // a share 0-1; otherwise a count
	Value, Previous *float64 // nil: unknown
}

// Rows lists the key figures in the order the overview and the workbook
// show them.
func (r *Report) Rows() []Row {
	c, p := &r.Current, &r.Previous
	count := func(key string, f func(*Figures) int) Row {
		now, before := float64(f(c)), float64(f(p))
		return Row{Key: key, Value: &now, Previous: &before}
	}
	share := func(key string, f func(*Figures) *float64) Row {
		return Row{Key: key, Share: true, Value: f(c), Previous: f(p)}
	}
	return []Row{
		share("reach", func(f *Figures) *float64 { return f.Reach }),
		count("participants", func(f *Figures) int { return f.Participants }),
		count("participations", func(f *Figures) int { return f.Participations }),
		share("target_share", func(f *Figures) *float64 { return f.TargetShareOfParticipations }),
		count("target_participants", func(f *Figures) int { return f.TargetParticipants }),
		share("citizen_initiated", func(f *Figures) *float64 { return f.CitizenInitiated }),
		count("over_threshold", func(f *Figures) int { return len(f.OverThreshold) }),
		count("median_size", func(f *Figures) int { return f.Size.Median }),
		count("newcomers", func(f *Figures) int { return f.Newcomers }),
		share("ties", func(f *Figures) *float64 { return f.HalfOrMoreShare }),
		count("reached_active", func(f *Figures) int { return f.ReachedActive }),
		share("retention", func(f *Figures) *float64 { return f.Retention }),
		share("coverage", func(f *Figures) *float64 { return f.Coverage }),
		count("paths", func(f *Figures) int {
			n := 0
			for _, v := range f.Paths {
				n += v
			}
			return n
		}),
	}
}
