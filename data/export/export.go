package export

import (
	"context"
	"runtime/debug"
	"sort"

	"samspil/data"
)

// Progress reports how far an export has come.
type Progress struct {
	Table string // the table being written
	Rows  int    // rows written so far, all tables
	Total int    // rows expected in all
}

// Summary says what an export contained.
type Summary struct {
	Out           string
	RowCounts     map[string]int
	Excluded      int // people left out for lack of research consent
	Unkeyed       int // people counted without a key
	Pseudonymised bool
	// Scrubbed counts the replacements made in free text, by kind
	// (KindName, KindPhone …); Blanked the values the k-check left
	// empty in the people table, by column.
	Scrubbed, Blanked map[string]int
}

// exporter writes one export.
type exporter struct {
	opt   Options
	src   *source
	sink  sink
	scope []*person
	stats map[int64]*participantStats // filled while participation is written
	// partsLeftOut counts the participations of people left out for lack
	// of research consent, for the README.
	partsLeftOut int
	counts       map[string]int
	scrubCounts  map[string]int // replacements in the logbook, by kind
	blanked      map[string]int // values the k-check blanked, by column
	progress     func(Progress)
	ctx          context.Context
	current      string
	total        int
}

// Plan counts what an export with the options would contain, without
// writing anything, for the line the export screen shows first.
func Plan(ctx context.Context, s *data.Store, opt Options) (Summary, error) {
	if err := opt.Validate(); err != nil {
		return Summary{}, err
	}
	var sum Summary
	err := s.Read(ctx, func(view *data.Store) error {
		src, err := loadSource(ctx, view, opt)
		if err != nil {
			return err
		}
		counts, err := view.ParticipationCounts(ctx, src.from, src.to)
		if err != nil {
			return err
		}
		stats := make(map[int64]*participantStats, len(counts))
		for id, n := range counts {
			stats[id] = &participantStats{count: n}
		}
		kept, participations := 0, 0
		for _, p := range src.scopeOf(stats) {
			if !p.excluded {
				kept++
				if st := stats[p.id]; st != nil {
					participations += st.count
				}
			}
		}
		occasions, _, err := view.PeriodCounts(ctx, src.from, src.to)
		sum = Summary{RowCounts: map[string]int{"people": kept, "occasions": occasions, "participation": participations},
			Excluded: src.excluded, Unkeyed: src.unkeyed, Pseudonymised: !opt.Identified}
		return err
	})
	return sum, err
}

// Run writes the export to out (a .xlsx file, or for CSV a folder or a
// .zip file) and records it in the database. The file appears complete or
// not at all: a failed or cancelled export (ctx) leaves nothing at out.
func Run(ctx context.Context, s *data.Store, opt Options, out string, progress func(Progress)) (Summary, error) {
	sum, err := run(ctx, s, opt, out, progress)
	if err != nil && ctx.Err() != nil {
		// Whichever part noticed first (a query, the indicators, a
		// progress tick), a cancelled export says so in one way.
		err = data.ErrCancelled
	}
	return sum, err
}

func run(ctx context.Context, s *data.Store, opt Options, out string, progress func(Progress)) (Summary, error) {
	if err := opt.Validate(); err != nil {
		return Summary{}, err
	}
	// Half a million rows make much short-lived garbage; collecting it
	// sooner keeps the peak memory of an export near 100 MiB.
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	// Every table and figure is read in one read of the register, so they
	// agree even while others register.
	var e *exporter
	err := s.Read(ctx, func(view *data.Store) error {
		var err error
		e, err = write(ctx, view, opt, out, progress)
		return err
	})
	if err != nil {
		if e != nil {
			e.sink.abort() // written, but the read did not end well
		}
		return Summary{}, err
	}
	if err := e.sink.commit(); err != nil {
		return Summary{}, err
	}
	rec := &data.ExportRecord{Recipient: opt.Recipient, From: opt.From, To: opt.To, Pseudonymised: !opt.Identified,
		Format: opt.Format, RowCounts: e.counts}
	// The file is in place: record it even if the user pressed cancel just now.
	if err := s.RecordExport(context.WithoutCancel(ctx), rec); err != nil {
		return Summary{}, err
	}
	return Summary{Out: out, RowCounts: e.counts, Excluded: e.src.excluded, Unkeyed: e.src.unkeyed, Pseudonymised: !opt.Identified,
		Scrubbed: e.scrubCounts, Blanked: e.blanked}, nil
}

// write reads the export's data through view and writes every table to a
// sink, which it leaves for the caller to commit; on an error it has
// aborted the sink and returns no exporter.
func write(ctx context.Context, view *data.Store, opt Options, out string, progress func(Progress)) (*exporter, error) {
	src, err := loadSource(ctx, view, opt)
	if err != nil {
		return nil, err
	}
	e := &exporter{opt: opt, src: src, counts: map[string]int{}, stats: map[int64]*participantStats{},
		progress: progress, ctx: ctx}
	occasions, participations, err := view.PeriodCounts(ctx, src.from, src.to)
	if err != nil {
		return nil, err
	}
	e.total = occasions + participations
	// The indicators read first (one connection reads one result at a
	// time) and are worked out while the tables are written.
	loaded, err := e.loadIndicators(ctx, view)
	if err != nil {
		return nil, err
	}
	switch opt.Format {
	case "package":
		e.sink, err = newPackageSink(out, src.codeEntries())
	case "csv":
		e.sink, err = newCSVSink(out)
	default:
		e.sink, err = newXLSXSink(out)
	}
	if err != nil {
		return nil, err
	}
	ind := startIndicators(loaded)
	if err := e.writeAll(ctx); err != nil {
		e.sink.abort()
		return nil, err
	}
	r := <-ind
	err = e.indicatorTables(r)
	if err == nil {
		err = e.readme(r)
	}
	if err != nil {
		e.sink.abort()
		return nil, err
	}
	return e, nil
}

// writeAll writes the tables. The workbook shows them in the order of
// sheets(), with the README and codebook first, but participation is
// written first (it finds who took part) and the README last (it counts).
func (e *exporter) writeAll(ctx context.Context) error {
	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"participation", e.participation}, {"people", e.people}, {"group_periods", e.groupPeriods},
		{"activities", e.activities}, {"occasions", e.occasions}, {"paths", e.paths},
	}
	if e.opt.WithLogbook {
		steps = append(steps, struct {
			name string
			fn   func(context.Context) error
		}{"logbook", e.logbook})
	}
	if x, ok := e.sink.(*xlsxSink); ok {
		for _, t := range e.tables() {
			if err := x.reserve(t.name); err != nil {
				return err
			}
		}
	}
	for _, st := range steps {
		e.current = st.name
		if err := e.tick(); err != nil {
			return err
		}
		if err := st.fn(ctx); err != nil {
			return err
		}
	}
	if err := e.codebook(); err != nil {
		return err
	}
	return e.codes(ctx)
}

// tick reports progress and stops when the export was cancelled.
func (e *exporter) tick() error {
	if err := e.ctx.Err(); err != nil {
		return data.ErrCancelled
	}
	if e.progress != nil {
		done := 0
		for _, n := range e.counts {
			done += n
		}
		e.progress(Progress{Table: e.current, Rows: done, Total: e.total})
	}
	return nil
}

// indicatorSheets are the summary tables written after the data tables.
var indicatorSheets = []table{indicatorsTable, yearlyTable, monthlyTable, transitionsTable, networkTable}

// tables lists every table of the export in the order of the workbook's
// sheets (the charts sheet, added last, is no table).
func (e *exporter) tables() []table {
	return append(append([]table{readmeTable, codebookTable, codesTable}, e.sheets()...), indicatorSheets...)
}

// sheets lists the data tables written, in order.
func (e *exporter) sheets() []table {
	ts := []table{peopleTable, groupPeriodsTable, activitiesTable, occasionsTable, participationTable, pathsTable}
	if e.opt.WithLogbook {
		ts = append(ts, logbookTable)
	}
	return ts
}

func (e *exporter) codebook() error {
	_, err := e.writeTableAt(codebookTable, func(w *rowWriter) error {
		ts := e.tables()
		if _, ok := e.sink.(*xlsxSink); ok {
			ts = append(ts, chartsTable)
		}
		for _, t := range ts {
			if err := w.write(t.name, "", "", t.da, t.en); err != nil {
				return err
			}
			if err := e.continuationRows(w, t); err != nil {
				return err
			}
			for _, c := range columnsFor(t, e.opt) {
				if err := w.write(t.name, c.name, c.kind, c.da, c.en); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return err
}

// codeLists are the fixed code lists with their translation prefix.
var codeLists = []struct {
	list, prefix string
	codes        []string
}{
	{"group", "group", groupCodes()},
	{"staff_kind", "staff", data.StaffKinds},
	{"entry_channel", "entry", data.EntryChannels},
	{"activity_kind", "kind", data.ActivityKinds},
	{"activity_status", "status", data.ActivityStatuses},
	{"path_kind", "path", data.PathKinds},
	{"gender", "gender", data.Genders},
}

func groupCodes() []string {
	out := make([]string, len(data.Groups))
	for i, g := range data.Groups {
		out[i] = string(g)
	}
	return out
}

func (e *exporter) codes(ctx context.Context) error {
	_, err := e.writeTableAt(codesTable, func(w *rowWriter) error {
		for _, c := range e.src.codeEntries() {
			if err := w.write(c.list, c.code, c.number, c.da, c.en, c.level); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

func sortedCategories(m map[int64]data.Category) []data.Category {
	out := make([]data.Category, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Sort < out[j].Sort })
	return out
}

// writeTableAt writes a descriptive table (README, codebook, codes), which
// is not counted among the data rows.
func (e *exporter) writeTableAt(t table, fill func(*rowWriter) error) (int, error) {
	n, err := e.writeTable(t, fill)
	delete(e.counts, t.name)
	return n, err
}
