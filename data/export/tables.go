package export

import (
	"context"

	"samspil/data"
)

// columnsFor leaves out the columns the options do not allow: names and
// free text only in identified exports, birth year or age band as chosen.
func columnsFor(t table, o Options) []column {
	var out []column
	for _, c := range t.cols {
		switch {
		case (c.name == "name" && t.name == "people") || (c.name == "description" && t.name == "paths"):
			if !o.Identified {
				continue
			}
		case c.name == "birth_year" && !o.BirthYear, c.name == "age_band" && o.BirthYear:
			continue
		case c.name == "first_contact" && t.name == "people" && !o.Identified:
			c = firstContactMonth
		}
		out = append(out, c)
	}
	return out
}

// rowWriter writes the rows of one table, keeping only the values of the
// columns the options allow.
type rowWriter struct {
	sink  sink
	keep  []bool
	kept  []any // reused for the kept values
	count int
	tick  func() error
}

func (w *rowWriter) write(values ...any) error {
	if len(w.keep) > 0 {
		kept := w.kept[:0]
		for i, v := range values {
			if w.keep[i] {
				kept = append(kept, v)
			}
		}
		w.kept, values = kept, kept
	}
	w.count++
	if w.count%2000 == 0 && w.tick != nil {
		if err := w.tick(); err != nil {
			return err
		}
	}
	return w.sink.row(values)
}

// writeTable begins t, lets fill write its rows with all of t's columns in
// order, and ends it; it returns the number of rows.
func (e *exporter) writeTable(t table, fill func(w *rowWriter) error) (int, error) {
	cols := columnsFor(t, e.opt)
	if err := e.sink.begin(t, cols); err != nil {
		return 0, err
	}
	w := &rowWriter{sink: e.sink, tick: e.tick}
	if len(cols) != len(t.cols) {
		allowed := map[string]bool{}
		for _, c := range cols {
			allowed[c.name] = true
		}
		for _, c := range t.cols {
			w.keep = append(w.keep, allowed[c.name])
		}
	}
	if err := fill(w); err != nil {
		return 0, err
	}
	e.counts[t.name] = w.count
	return w.count, e.sink.end()
}

// orNil turns the zero id into an empty cell.
func orNil(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (e *exporter) people(ctx context.Context) error {
	e.scope = e.src.scopeOf(e.stats)
	// What the figures need of participation before the period (the
	// period's own is counted in e.stats, which completes a first
	// participation in the period).
	hist, err := e.src.s.ParticipationBefore(ctx, e.src.from)
	if err != nil {
		return err
	}
	end := e.src.to
	if end.After(data.Today()) {
		end = data.Today()
	}
	var rows [][]any
	for _, p := range e.scope {
		if p.excluded {
			continue
		}
		var st participantStats
		if s := e.stats[p.id]; s != nil {
			st = *s
		}
		var birth any
		if p.birthYear != 0 {
			birth = p.birthYear
		}
		first := ""
		if ps := e.src.groups.Periods(p.id); len(ps) > 0 {
			first = string(ps[0].Group)
		}
		last, _ := e.src.groupOn(p.id, end)
		before := hist[p.id]
		firstEver := before.First
		if firstEver.IsZero() {
			firstEver = st.first
		}
		var contact any = p.firstContact
		if !e.opt.Identified {
			contact = monthOf(p.firstContact)
		}
		rows = append(rows, []any{p.key, p.name, AgeBand(p.birthYear, end.Time()), birth, p.gender, p.entryChannel,
			e.src.keyOf(p.invitedBy), contact, first, last, st.count, st.first, st.last,
			firstEver, before.Last})
	}
	if !e.opt.Identified {
		e.blanked = e.kAnonymise(rows)
	}
	_, err = e.writeTable(peopleTable, func(w *rowWriter) error {
		for _, r := range rows {
			if err := w.write(r...); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

func (e *exporter) groupPeriods(ctx context.Context) error {
	_, err := e.writeTable(groupPeriodsTable, func(w *rowWriter) error {
		for _, p := range e.scope {
			if p.excluded {
				continue
			}
			ps := e.src.groups.Periods(p.id)
			for i := range ps {
				g := &ps[i]
				if g.Start.After(e.src.to) || (!g.End.IsZero() && g.End.Before(e.src.from)) {
					continue
				}
				if err := w.write(p.key, string(g.Group), g.StaffKind, e.src.categoryCodes(g), g.Start, g.End); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return err
}

func (e *exporter) activities(ctx context.Context) error {
	activities, err := e.src.s.ActivitiesInPeriod(ctx, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	_, err = e.writeTable(activitiesTable, func(w *rowWriter) error {
		for _, a := range activities {
			group := ""
			if initiator := a.InitiatorID; initiator != 0 {
				day := a.Start
				if ps := e.src.groups.Periods(initiator); day.IsZero() && len(ps) > 0 {
					day = ps[0].Start
				}
				group, _ = e.src.groupOn(initiator, day)
			}
			if err := w.write(a.ID, a.Name, a.Kind, a.Status, a.Start, a.End, e.src.keyOf(a.InitiatorID), group, a.Occasions); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

func (e *exporter) occasions(ctx context.Context) error {
	occasions, err := e.src.s.OccasionsInPeriod(ctx, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	_, err = e.writeTable(occasionsTable, func(w *rowWriter) error {
		for _, o := range occasions {
			registered, target := 0, 0
			for _, id := range o.PersonIDs {
				if !e.src.shown(id) {
					continue // left out of the participation sheet, so not counted here
				}
				registered++
				if e.src.groups.GroupOn(id, o.Date) == data.GroupTarget {
					target++
				}
			}
			var share any
			if registered > 0 {
				share = float64(target) / float64(registered)
			}
			if err := w.write(o.ID, o.ActivityID, o.Date, o.StartTime, o.EndTime, registered, o.Guests, share); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

// readParticipation streams the period's participations in batches on a
// goroutine of its own, so that reading the database and writing the
// workbook use both cores. It stops when ctx is done. Nothing else may
// read through the store until the batches are all taken.
func (e *exporter) readParticipation(ctx context.Context) (<-chan []data.ParticipationRow, <-chan error) {
	batches := make(chan []data.ParticipationRow, 4)
	errc := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]data.ParticipationRow, 0, 2048)
		err := e.src.s.EachParticipation(ctx, e.src.from, e.src.to, func(r data.ParticipationRow) error {
			if batch = append(batch, r); len(batch) == cap(batch) {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return ctx.Err()
				}
				batch = make([]data.ParticipationRow, 0, 2048)
			}
			return nil
		})
		if err == nil && len(batch) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
			}
		}
		errc <- err
	}()
	return batches, errc
}

func (e *exporter) participation(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches, errc := e.readParticipation(ctx)
	_, err := e.writeTable(participationTable, func(w *rowWriter) error {
		for batch := range batches {
			for _, r := range batch {
				if err := e.writeParticipation(w, r); err != nil {
					return err
				}
			}
		}
		return <-errc
	})
	return err
}

// writeParticipation writes one row and counts it in the person's stats.
func (e *exporter) writeParticipation(w *rowWriter, r data.ParticipationRow) error {
	p := e.src.people[r.PersonID]
	if p == nil {
		return nil
	}
	st := e.stats[r.PersonID]
	if st == nil {
		st = &participantStats{}
		e.stats[r.PersonID] = st
	}
	st.add(r.Date)
	if p.excluded {
		e.partsLeftOut++
		return nil
	}
	group, cats := e.src.groupOn(r.PersonID, r.Date)
	role := e.src.roles[r.RoleID]
	var mins any
	if r.Minutes > 0 {
		mins = r.Minutes
	}
	return w.write(r.OccasionID, r.ActivityID, r.Date, p.key, role.Code, role.Level, group, cats, mins)
}

func (e *exporter) paths(ctx context.Context) error {
	paths, err := e.src.s.PathsBetween(ctx, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	_, err = e.writeTable(pathsTable, func(w *rowWriter) error {
		for _, pa := range paths {
			if p := e.src.people[pa.PersonID]; p == nil || p.excluded {
				continue
			}
			if err := w.write(e.src.keyOf(pa.PersonID), pa.Date, pa.Kind, pa.Description); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
