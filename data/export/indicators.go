package export

import (
	"context"
	"sort"

	"samspil/assets"
	"samspil/data"
	"samspil/data/indicators"
)

// loadIndicators reads what the period's indicators and network need.
// The figures count the people the tables show (see figuresBasis).
func (e *exporter) loadIndicators(ctx context.Context, view *data.Store) (*indicators.Loaded, error) {
	p, err := e.indicatorPeriod(ctx, view)
	if err != nil {
		return nil, err
	}
	return indicators.Load(ctx, view, p, indicators.WithNetwork(), indicators.WithYears(), indicators.Only(e.src.shown))
}

// startIndicators works out the indicators on a goroutine of its own while
// the tables are written; it reads nothing.
func startIndicators(l *indicators.Loaded) <-chan *indicators.Report {
	out := make(chan *indicators.Report, 1)
	go func() { out <- l.Report() }()
	return out
}

// indicatorPeriod closes the open ends of the export's period at the first
// and last occasion.
func (e *exporter) indicatorPeriod(ctx context.Context, s *data.Store) (indicators.Period, error) {
	p := indicators.Period{From: e.opt.From, To: e.opt.To}
	first, last, err := s.OccasionDates(ctx)
	if err != nil {
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

// indicatorTables writes the summary sheets from the report.
func (e *exporter) indicatorTables(r *indicators.Report) error {
	if err := e.indicatorRows(r); err != nil {
		return err
	}
	if err := e.yearly(r); err != nil {
		return err
	}
	months := r.Current.Months
	if err := e.monthly(months); err != nil {
		return err
	}
	if err := e.transitions(r); err != nil {
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

// indicatorRows writes the key figures of the period and the period before,
// each with its numerator and denominator where it is a share.
func (e *exporter) indicatorRows(r *indicators.Report) error {
	cur, prev := r.Current.Period, r.Previous.Period
	_, err := e.writeTableAt(indicatorsTable, func(w *rowWriter) error {
		for _, row := range r.Rows() {
			unit := "count"
			if row.Share {
				unit = "share"
			}
			k := "ind." + row.Key
			now, before := e.cells(row.Share, row.Value), e.cells(row.Share, row.Previous)
			err := w.write(row.Key, assets.Text("da", k, nil), assets.Text("en", k, nil), unit,
				now.value, now.numerator, now.denominator, now.suppressed,
				before.value, before.numerator, before.denominator, before.suppressed,
				cur.From, cur.To, prev.From, prev.To,
				assets.Text("da", k+".def", nil), assets.Text("en", k+".def", nil))
			if err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

// transitions writes the target group's role trajectories.
func (e *exporter) transitions(r *indicators.Report) error {
	_, err := e.writeTableAt(transitionsTable, func(w *rowWriter) error {
		keys := make([][2]int, 0, len(r.Current.Transitions))
		for k := range r.Current.Transitions {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
		})
		for _, k := range keys {
			n := r.Current.Transitions[k]
			var people any = n
			if e.suppress(float64(n)) {
				people = nil
			}
			if err := w.write(k[0], k[1], people, flag(people == nil)); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
