package export

import "samspil/data/indicators"

// suppress reports whether a count is hidden in this export: from 1 to 4
// (a median of 3.5 people too) when the options ask for it.
func (e *exporter) suppress(n float64) bool {
	return *e.opt.SuppressSmall && n > 0 && n < 5
}

// figureCells is a key figure as the workbook writes it: a number or
// nothing in each column, so that every reader sees numeric columns, and a
// flag (0 or 1) for a figure hidden as a small count.
type figureCells struct {
	value, numerator, denominator any
	suppressed                    int
}

// cells turns a figure into its cells. A share is hidden with its numerator
// and denominator when either is a small count; a count when it is small.
func (e *exporter) cells(share bool, m indicators.Measure) figureCells {
	var value any
	if m.Value != nil {
		value = *m.Value
	}
	if !share {
		if m.Value != nil && e.suppress(*m.Value) {
			return figureCells{suppressed: 1}
		}
		return figureCells{value: value}
	}
	if e.suppress(float64(m.Numerator)) || e.suppress(float64(m.Denominator)) {
		return figureCells{suppressed: 1}
	}
	return figureCells{value, m.Numerator, m.Denominator, 0}
}

// flag is 1 for true and 0 for false, as the suppression columns hold it.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
