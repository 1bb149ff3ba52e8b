package export

import (
	"context"
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"samspil/assets"
	"samspil/data"
	"samspil/data/indicators"
)

// indicatorResult is the indicator report computed beside the export.
type indicatorResult struct {
	report *indicators.Report
	err    error
}

// startIndicators computes the period's indicators and network on a
// goroutine of its own while the tables are written.
func (e *exporter) startIndicators(ctx context.Context, s *data.Store) <-chan indicatorResult {
	out := make(chan indicatorResult, 1)
	go func() {
		p, err := e.indicatorPeriod(ctx, s)
		if err != nil {
			out <- indicatorResult{err: err}
			return
		}
		r, err := indicators.Compute(ctx, s, p, indicators.WithNetwork())
		out <- indicatorResult{r, err}
	}()
	return out
}

// indicatorPeriod closes the open ends of the export's period at the first
// and last occasion.
func (e *exporter) indicatorPeriod(ctx context.Context, s *data.Store) (indicators.Period, error) {
	p := indicators.Period{From: e.opt.From, To: e.opt.To}
	var first, last data.Date
	if err := s.DB().QueryRowContext(ctx, `SELECT coalesce(min(date), ''), coalesce(max(date), '') FROM occasions`).Scan(&first, &last); err != nil {
		return p, err
	}
	if first.IsZero() {
		first, last = data.Today(), data.Today()
	}
	if p.From.IsZero() {
		p.From = first
	}
	if p.To.IsZero() {
		p.To = last
	}
	if p.To.Before(p.From) {
		p.To = p.From
	}
	return p, nil
}

// small hides counts from 1 to 4 when the options ask for it.
func (e *exporter) small(n int) any {
	if *e.opt.SuppressSmall && n > 0 && n < 5 {
		return "<5"
	}
	return n
}

func (e *exporter) indicatorTables(r *indicators.Report) error {
	value := func(row indicators.Row, v *float64) any {
		switch {
		case v == nil:
			return nil
		case row.Share:
			return *v
		}
		return e.small(int(*v))
	}
	if _, err := e.writeTableAt(indicatorsTable, func(w *rowWriter) error {
		for _, row := range r.Rows() {
			unit := "count"
			if row.Share {
				unit = "share"
			}
			k := "ind." + row.Key
			err := w.write(row.Key, assets.Text("da", k, nil), assets.Text("en", k, nil), unit, value(row, row.Value),
				value(row, row.Previous), assets.Text("da", k+".def", nil), assets.Text("en", k+".def", nil))
			if err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	months := r.Current.Months
	if _, err := e.writeTableAt(monthlyTable, func(w *rowWriter) error {
		for _, m := range months {
			p := m.Participations
			var share any
			if m.TargetShare != nil {
				share = *m.TargetShare
			}
			err := w.write(m.Month, p[data.GroupTarget], p[data.GroupResourceful], p[data.GroupVolunteer],
				p[data.GroupOrgStaff]+p[data.GroupMunicipalStaff], p[data.GroupUnknown], m.Volunteers, m.Activities, share)
			if err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if _, err := e.writeTableAt(transitionsTable, func(w *rowWriter) error {
		keys := make([][2]int, 0, len(r.Current.Transitions))
		for k := range r.Current.Transitions {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
		})
		for _, k := range keys {
			if err := w.write(k[0], k[1], e.small(r.Current.Transitions[k])); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	_, err := e.writeTableAt(networkTable, func(w *rowWriter) error {
		for _, edge := range r.Current.Edges {
			a, b := e.src.keyOf(edge.A), e.src.keyOf(edge.B)
			if a == "" || b == "" {
				continue // someone without a key: no edge to show
			}
			if err := w.write(a, b, edge.Occasions); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if x, ok := e.sink.(*xlsxSink); ok {
		return addCharts(x.f, len(months))
	}
	return nil
}

// addCharts puts native Excel charts of the monthly series on a sheet of
// their own.
func addCharts(f *excelize.File, months int) error {
	if months == 0 {
		return nil
	}
	if _, err := f.NewSheet("charts"); err != nil {
		return err
	}
	last := months + 1
	ref := func(col string) string { return fmt.Sprintf("'indicators_monthly'!$%s$2:$%s$%d", col, col, last) }
	cats := ref("A")
	var stacked []excelize.ChartSeries
	for _, col := range []string{"B", "C", "D", "E", "F"} {
		stacked = append(stacked, excelize.ChartSeries{Name: fmt.Sprintf("'indicators_monthly'!$%s$1", col), Categories: cats, Values: ref(col)})
	}
	charts := []struct {
		cell  string
		chart *excelize.Chart
	}{
		{"A1", &excelize.Chart{Type: excelize.ColStacked, Series: stacked,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Deltagelser pr. måned efter gruppe / Participations per month by group"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
		{"A20", &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{
			{Name: "'indicators_monthly'!$G$1", Categories: cats, Values: ref("G")},
			{Name: "'indicators_monthly'!$H$1", Categories: cats, Values: ref("H")}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Frivillige og værter, aktive aktiviteter / Volunteers and hosts, active activities"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
		{"A39", &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{
			{Name: "'indicators_monthly'!$I$1", Categories: cats, Values: ref("I")}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Målgruppens andel af deltagelserne / Target group's share of participations"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
	}
	for _, c := range charts {
		if err := f.AddChart("charts", c.cell, c.chart); err != nil {
			return err
		}
	}
	return nil
}
