package export

import (
	"context"
	"strings"

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

// history is what the figures need of a person's participation outside
// the period: the first ever and the latest before it.
type history struct{ first, lastBefore data.Date }

// histories reads, for each person who took part before the period, the
// first and the latest of those participations. Only the years before the
// period are read (through the occasions' date index, the participations
// in their stored order): the period's own participations are already
// counted in e.stats, which completes a first participation in the period.
func (e *exporter) histories(ctx context.Context) (map[int64]history, error) {
	rows, err := e.src.s.DB().QueryContext(ctx, `SELECT pa.person_id, min(o.date), max(o.date)
		FROM occasions o CROSS JOIN participations pa ON pa.occasion_id = o.id WHERE o.date < ? GROUP BY pa.person_id`, e.src.from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]history{}
	for rows.Next() {
		var id int64
		var h history
		if err := rows.Scan(&id, &h.first, &h.lastBefore); err != nil {
			return nil, err
		}
		out[id] = h
	}
	return out, rows.Err()
}

func (e *exporter) people(ctx context.Context) error {
	e.scope = e.src.scopeOf(e.stats)
	hist, err := e.histories(ctx)
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
		firstEver := before.first
		if firstEver.IsZero() {
			firstEver = st.first
		}
		var contact any = p.firstContact
		if !e.opt.Identified {
			contact = monthOf(p.firstContact)
		}
		rows = append(rows, []any{p.key, p.name, AgeBand(p.birthYear, end.Time()), birth, p.gender, p.entryChannel,
			e.src.keyOf(p.invitedBy), contact, first, last, st.count, st.first, st.last,
			firstEver, before.lastBefore})
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
	rows, err := e.src.s.DB().QueryContext(ctx, `SELECT a.id, a.name, a.kind, a.status, a.start_date, a.end_date,
			coalesce(a.initiator_id, 0),
			(SELECT count(*) FROM occasions o WHERE o.activity_id = a.id AND o.date BETWEEN ?1 AND ?2)
		FROM activities a
		WHERE EXISTS (SELECT 1 FROM occasions o WHERE o.activity_id = a.id AND o.date BETWEEN ?1 AND ?2)
			OR (a.start_date BETWEEN ?1 AND ?2)
		ORDER BY a.id`, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	defer rows.Close()
	_, err = e.writeTable(activitiesTable, func(w *rowWriter) error {
		for rows.Next() {
			var id, initiator int64
			var name, kind, status string
			var start, end data.Date
			var n int
			if err := rows.Scan(&id, &name, &kind, &status, &start, &end, &initiator, &n); err != nil {
				return err
			}
			group := ""
			if initiator != 0 {
				day := start
				if ps := e.src.groups.Periods(initiator); day.IsZero() && len(ps) > 0 {
					day = ps[0].Start
				}
				group, _ = e.src.groupOn(initiator, day)
			}
			if err := w.write(id, name, kind, status, start, end, e.src.keyOf(initiator), group, n); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return err
}

func (e *exporter) occasions(ctx context.Context) error {
	rows, err := e.src.s.DB().QueryContext(ctx, `SELECT o.id, o.activity_id, o.date, o.start_time, o.end_time,
			o.anonymous_guests, coalesce(group_concat(pa.person_id), '')
		FROM occasions o LEFT JOIN participations pa ON pa.occasion_id = o.id
		WHERE o.date BETWEEN ? AND ? GROUP BY o.id ORDER BY o.date, o.start_time, o.id`, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	defer rows.Close()
	_, err = e.writeTable(occasionsTable, func(w *rowWriter) error {
		for rows.Next() {
			var id, activity int64
			var day data.Date
			var start, end, people string
			var guests int
			if err := rows.Scan(&id, &activity, &day, &start, &end, &guests, &people); err != nil {
				return err
			}
			registered, target := 0, 0
			for _, f := range strings.Split(people, ",") {
				if f == "" {
					continue
				}
				id := parseID(f)
				if !e.src.shown(id) {
					continue // left out of the participation sheet, so not counted here
				}
				registered++
				if e.src.groups.GroupOn(id, day) == data.GroupTarget {
					target++
				}
			}
			var share any
			if registered > 0 {
				share = float64(target) / float64(registered)
			}
			if err := w.write(id, activity, day, start, end, registered, guests, share); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return err
}

// partRow is one participation as read from the database.
type partRow struct {
	occasion, activity, person, role int64
	day                              data.Date
	minutes                          int
}

// readParticipation streams the period's participations in batches on a
// goroutine of its own, so that reading the database and writing the
// workbook use both cores. It stops when ctx is done.
func (e *exporter) readParticipation(ctx context.Context) (<-chan []partRow, <-chan error) {
	batches := make(chan []partRow, 4)
	errc := make(chan error, 1)
	go func() {
		defer close(batches)
		rows, err := e.src.s.DB().QueryContext(ctx, `SELECT pa.occasion_id, o.activity_id, o.date, pa.person_id,
				pa.role_id, coalesce(pa.minutes, 0)
			FROM occasions o JOIN participations pa ON pa.occasion_id = o.id
			WHERE o.date BETWEEN ? AND ? ORDER BY o.date, o.id, pa.person_id`, e.src.from, e.src.to)
		if err != nil {
			errc <- err
			return
		}
		defer rows.Close()
		batch := make([]partRow, 0, 2048)
		for rows.Next() {
			var r partRow
			if err := rows.Scan(&r.occasion, &r.activity, &r.day, &r.person, &r.role, &r.minutes); err != nil {
				errc <- err
				return
			}
			if batch = append(batch, r); len(batch) == cap(batch) {
				select {
				case batches <- batch:
				case <-ctx.Done():
					errc <- ctx.Err()
					return
				}
				batch = make([]partRow, 0, 2048)
			}
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
			}
		}
		errc <- rows.Err()
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
func (e *exporter) writeParticipation(w *rowWriter, r partRow) error {
	p := e.src.people[r.person]
	if p == nil {
		return nil
	}
	st := e.stats[r.person]
	if st == nil {
		st = &participantStats{}
		e.stats[r.person] = st
	}
	st.add(r.day)
	if p.excluded {
		e.partsLeftOut++
		return nil
	}
	group, cats := e.src.groupOn(r.person, r.day)
	role := e.src.roles[r.role]
	var mins any
	if r.minutes > 0 {
		mins = r.minutes
	}
	return w.write(r.occasion, r.activity, r.day, p.key, role.Code, role.Level, group, cats, mins)
}

func (e *exporter) paths(ctx context.Context) error {
	rows, err := e.src.s.DB().QueryContext(ctx, `SELECT person_id, date, kind, description FROM paths
		WHERE date BETWEEN ? AND ? ORDER BY date, id`, e.src.from, e.src.to)
	if err != nil {
		return err
	}
	defer rows.Close()
	_, err = e.writeTable(pathsTable, func(w *rowWriter) error {
		for rows.Next() {
			var personID int64
			var day data.Date
			var kind, desc string
			if err := rows.Scan(&personID, &day, &kind, &desc); err != nil {
				return err
			}
			if p := e.src.people[personID]; p == nil || p.excluded {
				continue
			}
			if err := w.write(e.src.keyOf(personID), day, kind, desc); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return err
}

func parseID(s string) int64 {
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}
