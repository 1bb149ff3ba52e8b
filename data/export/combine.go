package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"samspil/data"
)

// partnershipColumn is the column combining adds in front of every table.
var partnershipColumn = col("partnership", kindCode, "Partnerskab (liste partnership)", "Partnership (list partnership)")

// CombineSummary says what Combine wrote.
type CombineSummary struct {
	Partnerships []string
	RowCounts    map[string]int
}

// Combine writes one research package from several partnerships' packages
// (folders or .zip files): every table gets a partnership column, keys are
// unique per partnership (with that column), and there is one code list.
// It refuses packages of different schema versions, the same partnership
// twice and code lists that disagree in meaning (a role with another
// level); codes edited locally that agree by code are merged, and a number
// two partnerships gave different codes is renumbered. out is complete or
// absent.
func Combine(ctx context.Context, out string, paths []string) (CombineSummary, error) {
	var pkgs []*inPackage
	defer func() {
		for _, p := range pkgs {
			p.close()
		}
	}()
	for _, path := range paths {
		p, err := openPackage(path)
		if err != nil {
			return CombineSummary{}, err
		}
		pkgs = append(pkgs, p)
	}
	if err := checkCombinable(pkgs); err != nil {
		return CombineSummary{}, err
	}
	entries, remap, err := mergeCodes(pkgs)
	if err != nil {
		return CombineSummary{}, err
	}
	sum := CombineSummary{RowCounts: map[string]int{}}
	for i, p := range pkgs {
		sum.Partnerships = append(sum.Partnerships, p.partnership)
		entries = append(entries, codeEntry{list: "partnership", code: p.partnership, number: i + 1, da: p.partnership, en: p.partnership})
	}
	tables, err := combinedTables(pkgs)
	if err != nil {
		return CombineSummary{}, err
	}
	s, err := newPackageSink(out, entries)
	if err != nil {
		return CombineSummary{}, err
	}
	c := &combiner{ctx: ctx, sink: s, pkgs: pkgs, remap: remap}
	if err := c.writeAll(tables, entries, sum.RowCounts); err != nil {
		s.abort()
		return CombineSummary{}, err
	}
	return sum, s.commit()
}

// checkCombinable refuses different schema versions and a partnership twice.
func checkCombinable(pkgs []*inPackage) error {
	seen := map[string]string{}
	for _, p := range pkgs {
		if p.schemaVersion != pkgs[0].schemaVersion {
			return &data.Error{Code: "err.combine_schema", Args: map[string]any{"Package": p.path,
				"Version": p.schemaVersion, "Want": pkgs[0].schemaVersion, "First": pkgs[0].path}}
		}
		if other, ok := seen[p.partnership]; ok {
			return &data.Error{Code: "err.combine_twice", Args: map[string]any{"Package": p.path,
				"Partnership": p.partnership, "Other": other}}
		}
		seen[p.partnership] = p.path
	}
	return nil
}

// mergeCodes makes one code list of the packages' lists and, per package,
// a map from its numbers to codes. A code keeps its number unless another
// code already has it in the combined list.
func mergeCodes(pkgs []*inPackage) ([]codeEntry, []map[string]map[int]string, error) {
	var out []codeEntry
	index := map[[2]string]int{}       // list, code -> position in out
	taken := map[string]map[int]bool{} // list -> numbers used
	remap := make([]map[string]map[int]string, len(pkgs))
	for i, p := range pkgs {
		remap[i] = map[string]map[int]string{}
		for _, e := range p.codes {
			if remap[i][e.list] == nil {
				remap[i][e.list] = map[int]string{}
			}
			remap[i][e.list][e.number] = e.code
			if at, ok := index[[2]string{e.list, e.code}]; ok {
				if fmt.Sprint(out[at].level) != fmt.Sprint(e.level) {
					return nil, nil, &data.Error{Code: "err.combine_codes", Args: map[string]any{"Package": p.path,
						"Reason": fmt.Sprintf("%s %q has level %v here and %v in %s", e.list, e.code, e.level, out[at].level, pkgs[0].path)}}
				}
				continue
			}
			if taken[e.list] == nil {
				taken[e.list] = map[int]bool{}
			}
			for taken[e.list][e.number] {
				e.number++
			}
			taken[e.list][e.number] = true
			index[[2]string{e.list, e.code}] = len(out)
			out = append(out, e)
		}
	}
	return out, remap, nil
}

// combinedTables lists the data tables in the order of the first package
// that has each, refusing a table whose columns differ between packages.
func combinedTables(pkgs []*inPackage) ([]inResource, error) {
	var out []inResource
	for _, p := range pkgs {
		for _, r := range p.resources {
			if !nativeTable(r.name) {
				continue
			}
			at := slices.IndexFunc(out, func(o inResource) bool { return o.name == r.name })
			if at < 0 {
				out = append(out, r)
				continue
			}
			if !slices.Equal(out[at].cols, r.cols) {
				return nil, &data.Error{Code: "err.combine_columns", Args: map[string]any{"Package": p.path, "Table": r.name}}
			}
		}
	}
	return out, nil
}

// combiner feeds the packages' rows through one package sink.
type combiner struct {
	ctx   context.Context
	sink  *packageSink
	pkgs  []*inPackage
	remap []map[string]map[int]string
}

func (c *combiner) writeAll(tables []inResource, entries []codeEntry, counts map[string]int) error {
	for _, t := range tables {
		n, err := c.table(t)
		if err != nil {
			return err
		}
		counts[t.name] = n
	}
	if err := c.describe(tables, entries); err != nil {
		return err
	}
	return c.readme(counts)
}

// table writes one table from every package that has it.
func (c *combiner) table(t inResource) (int, error) {
	cols := append([]column{partnershipColumn}, t.cols...)
	if err := c.sink.begin(table{name: t.name, da: t.da, en: t.en, cols: cols}, cols); err != nil {
		return 0, err
	}
	n := 0
	for i, p := range c.pkgs {
		if p.resource(t.name) == nil {
			continue
		}
		m, err := c.copyRows(i, p, t)
		if err != nil {
			return 0, fmt.Errorf("%s, %s.csv: %w", p.path, t.name, err)
		}
		n += m
	}
	return n, c.sink.end()
}

// copyRows copies one package's rows of a table, codes turned back from
// the package's numbers into codes (the sink numbers them anew).
func (c *combiner) copyRows(i int, p *inPackage, t inResource) (int, error) {
	f, err := p.open(t.name + ".csv")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return 0, err
	}
	row := make([]any, len(t.cols)+1)
	row[0] = p.partnership
	n := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if len(rec) != len(t.cols) {
			return n, fmt.Errorf("row %d has %d fields, want %d", n+2, len(rec), len(t.cols))
		}
		for j, col := range t.cols {
			if row[j+1], err = c.value(i, col, rec[j]); err != nil {
				return n, fmt.Errorf("row %d, %s: %w", n+2, col.name, err)
			}
		}
		if err := c.sink.row(row); err != nil {
			return n, err
		}
		if n++; n%10000 == 0 && c.ctx.Err() != nil {
			return n, data.ErrCancelled
		}
	}
}

// value turns one CSV cell of package i back into an export value.
func (c *combiner) value(i int, col column, s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	if list := listOf(col); list != "" {
		n, err := strconv.Atoi(s)
		code, ok := c.remap[i][list][n]
		if err != nil || !ok {
			return nil, fmt.Errorf("%q is no number of the list %s", s, list)
		}
		return code, nil
	}
	switch col.kind {
	case kindInt:
		return strconv.ParseInt(s, 10, 64)
	case kindReal:
		return strconv.ParseFloat(s, 64)
	case kindDate:
		return data.ParseDate(s)
	}
	return strings.Clone(s), nil
}

// describe writes the combined codebook and codes tables.
func (c *combiner) describe(tables []inResource, entries []codeEntry) error {
	if err := c.sink.begin(codebookTable, codebookTable.cols); err != nil {
		return err
	}
	for _, t := range tables {
		for _, col := range append([]column{partnershipColumn}, t.cols...) {
			if err := c.sink.row([]any{t.name, col.name, col.kind, col.da, col.en}); err != nil {
				return err
			}
		}
	}
	if err := c.sink.end(); err != nil {
		return err
	}
	if err := c.sink.begin(codesTable, codesTable.cols); err != nil {
		return err
	}
	for _, e := range entries {
		if err := c.sink.row([]any{e.list, e.code, e.number, e.da, e.en, e.level}); err != nil {
			return err
		}
	}
	return c.sink.end()
}

// readme writes the combined README table: the partnerships, the schema
// version, the row counts and each package's own README lines.
func (c *combiner) readme(counts map[string]int) error {
	if err := c.sink.begin(readmeTable, readmeTable.cols); err != nil {
		return err
	}
	var names []string
	for _, p := range c.pkgs {
		names = append(names, p.partnership)
	}
	lines := [][2]string{
		{"partnership", strings.Join(names, " + ")},
		{"schema_version", c.pkgs[0].schemaVersion},
		{"combined_at", time.Now().Format(time.RFC3339)},
		{"about_en", "Several partnerships' research packages combined: every table has a partnership column; keys and ids are unique within a partnership (with that column)."},
		{"about_da", "Flere partnerskabers forskningspakker samlet: hver tabel har en kolonne partnership; nøgler og numre er entydige inden for et partnerskab (sammen med den kolonne)."},
	}
	for _, t := range slices.Sorted(maps.Keys(counts)) {
		lines = append(lines, [2]string{"rows_" + t, fmt.Sprint(counts[t])})
	}
	for _, p := range c.pkgs {
		own, err := p.readmeLines()
		if err != nil {
			return err
		}
		for _, l := range own {
			lines = append(lines, [2]string{p.partnership + ": " + l[0], l[1]})
		}
	}
	for _, l := range lines {
		if err := c.sink.row([]any{l[0], l[1]}); err != nil {
			return err
		}
	}
	return c.sink.end()
}

// readmeLines reads the package's README.csv.
func (p *inPackage) readmeLines() ([][2]string, error) {
	f, err := p.open(readmeTable.name + ".csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, r := range recs[1:] {
		if len(r) == 2 {
			out = append(out, [2]string{r[0], r[1]})
		}
	}
	return out, nil
}
