package export

import (
	"strings"

	"samspil/data/indicators"
)

// yearlyTable has one row per calendar year (or part year) of the period
// and one column per key figure, as in the indicators sheet.
var yearlyTable = func() table {
	t := table{"indicators_yearly", "Nøgletallene år for år", "The key figures year by year", []column{
		col("year", kindInt, "Kalenderår", "Calendar year"),
		col("from", kindDate, "Første dag (udtrækkets start i det første år)", "First day (the export's start in the first year)"),
		col("to", kindDate, "Sidste dag (udtrækkets slutning i det sidste år)", "Last day (the export's end in the last year)"),
	}}
	for _, d := range indicators.Definitions {
		t.cols = append(t.cols, col(d.Key, kindReal,
			"Nøgletallet "+d.Key+" for året (se arket indicators); tomt når ukendt eller skjult",
			"The key figure "+d.Key+" for the year (see the indicators sheet); empty when unknown or suppressed"))
	}
	t.cols = append(t.cols, col("suppressed", kindText,
		"Nøgletal skjult som små tal (1-4) i rækken, adskilt af |",
		"Key figures suppressed as small counts (1-4) in the row, separated by |"))
	return t
}()

// yearly writes the key figures of each calendar year of the period.
func (e *exporter) yearly(r *indicators.Report) error {
	_, err := e.writeTableAt(yearlyTable, func(w *rowWriter) error {
		for i := range r.Years {
			f := &r.Years[i]
			values := []any{f.Period.From.Year, f.Period.From, f.Period.To}
			var hidden []string
			for _, d := range indicators.Definitions {
				c := e.cells(d.Share, d.Of(f))
				if c.suppressed == 1 {
					hidden = append(hidden, d.Key)
				}
				values = append(values, c.value)
			}
			if err := w.write(append(values, strings.Join(hidden, "|"))...); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
