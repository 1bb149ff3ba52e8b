// Package indicators computes what a partnership achieved in a period, as
// the booklet counts it: reach, participation by group, citizen-initiated
// activities, balance per occasion, occasion sizes, entry channels, ties
// across groups, role trajectories, onward paths and retention — each with
// the same figures for the period before, for comparison.
package indicators

import (
	"time"

	"samspil/data"
)

// Period is a span of days, both ends included.
type Period struct {
	From, To data.Date
}

// Days returns the number of days in the period.
func (p Period) Days() int { return p.From.DaysUntil(p.To) + 1 }

// Previous returns the period of the same length that ends the day before.
// A whole month, quarter or year gives the month, quarter or year before.
func (p Period) Previous() Period {
	if months, ok := p.months(); ok {
		return Period{p.From.AddMonths(-months), p.From.AddDays(-1)}
	}
	return Period{p.From.AddDays(-p.Days()), p.From.AddDays(-1)}
}

// Years splits the period at the turns of the year: one period per
// calendar year it touches, the first and last possibly part years.
func (p Period) Years() []Period {
	var out []Period
	for y := p.From.Year; y <= p.To.Year; y++ {
		part := Year(data.NewDate(y, time.June, 1))
		part.From, part.To = later(part.From, p.From), earlier(part.To, p.To)
		out = append(out, part)
	}
	return out
}

func later(a, b data.Date) data.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b data.Date) data.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// SoFar returns the part of whole up to today and what to compare it with.
// While whole is unfinished (today falls before its last day), it is
// compared with the same days of the period before — 1–1 December against
// 1–1 November, not against all of November — and unfinished is true.
// Otherwise it is whole against whole.Previous().
func SoFar(whole Period, today data.Date) (now, before Period, unfinished bool) {
	before = whole.Previous()
	if !whole.Contains(today) || today == whole.To {
		return whole, before, false
	}
	now = Period{whole.From, today}
	if months, ok := whole.months(); ok {
		// The same day of the month, months back, or the last day of a
		// shorter month.
		first := data.NewDate(today.Year, today.Month, 1).AddMonths(-months)
		last := first.AddMonths(1).AddDays(-1)
		return now, Period{before.From, data.NewDate(first.Year, first.Month, min(today.Day, last.Day))}, true
	}
	return now, Period{before.From, before.From.AddDays(now.Days() - 1)}, true
}

// months returns the number of whole calendar months the period spans,
// and false when it does not start on the first and end on the last day of
// a month.
func (p Period) months() (int, bool) {
	if p.From.Day != 1 || p.To.AddDays(1).Day != 1 {
		return 0, false
	}
	return (p.To.Year-p.From.Year)*12 + int(p.To.Month-p.From.Month) + 1, true
}

// Contains reports whether day is in the period.
func (p Period) Contains(day data.Date) bool { return !day.Before(p.From) && !day.After(p.To) }

// Month returns the calendar month around day.
func Month(day data.Date) Period {
	from := data.NewDate(day.Year, day.Month, 1)
	return Period{from, from.AddMonths(1).AddDays(-1)}
}

// Quarter returns the calendar quarter around day.
func Quarter(day data.Date) Period {
	from := data.NewDate(day.Year, (day.Month-1)/3*3+1, 1)
	return Period{from, from.AddMonths(3).AddDays(-1)}
}

// Year returns the calendar year around day.
func Year(day data.Date) Period {
	return Period{data.NewDate(day.Year, time.January, 1), data.NewDate(day.Year, time.December, 31)}
}

// quarterKey numbers the quarter of day so that later quarters are larger.
func quarterKey(day data.Date) int { return day.Year*4 + (int(day.Month)-1)/3 }

// monthKey names the month of day, e.g. 2026-11.
func monthKey(day data.Date) string { return day.String()[:7] }
