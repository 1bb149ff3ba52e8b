package app

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/indicators"
)

// figure is one key figure card: its value now and in the period before.
type figure struct {
	key    string // translation "ind.<key>" and "ind.<key>.def"
	now    string
	before string
	change string
}

// figuresOf turns a report into the overview's cards.
func figuresOf(r *indicators.Report) []figure {
	var out []figure
	for _, row := range r.Rows() {
		f := figure{key: row.Key}
		value, previous := row.Value.Value, row.Previous.Value
		if row.Share {
			f.now, f.before = shareText(value), shareText(previous)
			if value != nil && previous != nil {
				if d := (*value - *previous) * 100; d >= 0.5 || d <= -0.5 {
					f.change = fmt.Sprintf("%+.0f %s", d, i18n.T("overview.points"))
				}
			}
		} else {
			now, before := *value, *previous
			f.now, f.before = number(now), number(before)
			if d := now - before; d > 0 {
				f.change = "+" + number(d)
			} else if d < 0 {
				f.change = number(d)
			}
		}
		out = append(out, f)
	}
	return out
}

// number writes a count, or a median such as 9.5, as the user reads it
// (9,5 in Danish), to one decimal.
func number(v float64) string {
	whole := int(v)
	tenths := int(math.Round(math.Abs(v-float64(whole)) * 10))
	if tenths == 10 {
		whole, tenths = int(math.Round(v)), 0
	}
	if tenths == 0 {
		return i18n.Count(whole)
	}
	sep, sign := ".", ""
	if i18n.Language() == i18n.Danish {
		sep = ","
	}
	if v < 0 && whole == 0 {
		sign = "-"
	}
	return fmt.Sprintf("%s%s%s%d", sign, i18n.Count(whole), sep, tenths)
}

func shareText(v *float64) string {
	if v == nil {
		return i18n.T("overview.unknown")
	}
	return i18n.Percent(*v)
}

// monthSeries is participations per month by group, for the bar chart.
func monthSeries(f indicators.Figures) ([]string, []series) {
	labels := make([]string, len(f.Months))
	var ss []series
	groups := append([]data.Group{}, data.Groups...)
	groups = append(groups, data.GroupUnknown)
	for _, g := range groups {
		s := series{name: groupText(g), color: groupColors[string(g)], values: make([]float64, len(f.Months))}
		for i, m := range f.Months {
			s.values[i] = float64(m.Participations[g])
		}
		ss = append(ss, s)
	}
	for i, m := range f.Months {
		labels[i] = m.Month
	}
	return labels, ss
}

// levelSeries is the target group's participations per month by role level.
func levelSeries(f indicators.Figures, roles []data.Role) ([]string, []series) {
	labels := make([]string, len(f.Months))
	names := map[int][]string{} // every role of the level: 4 is host and initiator
	for _, r := range roles {
		if !r.Professional {
			names[r.Level] = append(names[r.Level], r.Name(i18n.Language()))
		}
	}
	var ss []series
	for level := 1; level <= 4; level++ {
		s := series{name: strings.Join(names[level], " / "), color: levelColors[level], values: make([]float64, len(f.Months))}
		for i, m := range f.Months {
			s.values[i] = float64(m.ByLevel[level])
		}
		ss = append(ss, s)
	}
	for i, m := range f.Months {
		labels[i] = m.Month
	}
	return labels, ss
}

// shareDots is the target group's share of each occasion, at most limit
// occasions spread evenly over the period.
func shareDots(f indicators.Figures, limit int) ([]string, []series) {
	shares := f.Shares
	if len(shares) > limit {
		step := float64(len(shares)) / float64(limit)
		picked := make([]indicators.OccasionShare, 0, limit)
		for i := 0; i < limit; i++ {
			picked = append(picked, shares[int(float64(i)*step)])
		}
		shares = picked
	}
	labels := make([]string, len(shares))
	s := series{name: i18n.T("overview.share_per_occasion"), color: groupColors["target"], values: make([]float64, len(shares))}
	for i, o := range shares {
		labels[i] = o.Date.String()
		s.values[i] = o.Share
	}
	return labels, []series{s}
}

// entrySeries is the newcomers by entry channel.
func entrySeries(f indicators.Figures) ([]string, []series) {
	codes := append([]string{}, data.EntryChannels...)
	sort.SliceStable(codes, func(i, j int) bool { return f.EntryChannels[codes[i]] > f.EntryChannels[codes[j]] })
	labels := make([]string, len(codes))
	s := series{name: i18n.T("overview.newcomers"), color: groupColors["resourceful"], values: make([]float64, len(codes))}
	for i, c := range codes {
		labels[i] = i18n.Label("entry", c)
		s.values[i] = float64(f.EntryChannels[c])
	}
	return labels, []series{s}
}
