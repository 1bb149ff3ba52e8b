package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"samspil/data"
)

// packageSink writes the research package: per table a plain CSV (UTF-8
// without BOM, comma, dot decimals, ISO dates), an SPSS .sav and a Stata
// .dta with labels, and at the end datapackage.json, load.R, load.do,
// load.sps and README.txt. Coded columns carry the codes' stable numbers.
// Everything is built in a hidden folder beside the target and renamed (or
// zipped into a nameless file linked into place) when it is complete.
type packageSink struct {
	out     string
	zipped  bool
	tmpDir  string
	entries []codeEntry
	numbers map[string]map[string]int
	tables  []*pkgTable
	cur     *pkgTable
	file    *os.File
	buf     *bufio.Writer
	w       *csv.Writer
	rec     []string
	readme  [][2]string
}

// pkgTable is one table of the package as the sink saw it.
type pkgTable struct {
	t      table
	cols   []column
	lists  []string // per column: the code list whose numbers it carries, or ""
	widths []int    // per column: the longest text in bytes
	rows   int
	empty  []bool // per column: some row left it empty
}

// codedList matches the code list a column names in its description.
var codedList = regexp.MustCompile(`\(list (\w+)\)`)

// listOf returns the code list whose numbers a column carries: a code
// column naming one list, not several codes joined by |.
func listOf(c column) string {
	if c.kind != kindCode || strings.Contains(c.en, "separated by") {
		return ""
	}
	if m := codedList.FindStringSubmatch(c.en); m != nil {
		return m[1]
	}
	return ""
}

func newPackageSink(out string, entries []codeEntry) (*packageSink, error) {
	p := &packageSink{out: out, zipped: strings.HasSuffix(strings.ToLower(out), ".zip"),
		entries: entries, numbers: codeNumbers(entries)}
	dir := filepath.Dir(out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, &data.Error{Code: "err.db_no_folder", Args: map[string]any{"Path": dir}}
	}
	if _, err := os.Stat(out); err == nil && !p.zipped {
		return nil, &data.Error{Code: "err.target_exists", Args: map[string]any{"Path": out}}
	}
	// The working folder holds personal data until it is complete; what a
	// killed export left is removed before the next one, as for CSV folders.
	RemoveLeftovers(dir, time.Now())
	var err error
	p.tmpDir, err = os.MkdirTemp(dir, "."+filepath.Base(out)+".*.tmp")
	return p, err
}

func (p *packageSink) begin(t table, cols []column) error {
	pt := &pkgTable{t: t, cols: cols, widths: make([]int, len(cols)), empty: make([]bool, len(cols))}
	for _, c := range cols {
		pt.lists = append(pt.lists, listOf(c))
	}
	p.tables = append(p.tables, pt)
	p.cur = pt
	f, err := os.Create(filepath.Join(p.tmpDir, t.name+".csv"))
	if err != nil {
		return err
	}
	p.file, p.buf = f, bufio.NewWriterSize(f, 64<<10)
	p.w = csv.NewWriter(p.buf)
	p.rec = make([]string, len(cols))
	for i, c := range cols {
		p.rec[i] = c.name
	}
	return p.w.Write(p.rec)
}

func (p *packageSink) row(values []any) error {
	t := p.cur
	for i, v := range values {
		s, err := p.cell(t, i, v)
		if err != nil {
			return err
		}
		if s == "" {
			t.empty[i] = true
		}
		t.widths[i] = max(t.widths[i], len(s))
		p.rec[i] = s
	}
	t.rows++
	if t.t.name == readmeTable.name && len(values) == 2 {
		p.readme = append(p.readme, [2]string{p.rec[0], p.rec[1]})
	}
	return p.w.Write(p.rec)
}

// cell formats one value the plain way; a code becomes its number.
func (p *packageSink) cell(t *pkgTable, i int, v any) (string, error) {
	if list := t.lists[i]; list != "" {
		code, _ := v.(string)
		if code == "" {
			return "", nil
		}
		n, ok := p.numbers[list][code]
		if !ok {
			return "", fmt.Errorf("export: code %q of %s.%s is not in the list %s", code, t.t.name, t.cols[i].name, list)
		}
		return strconv.Itoa(n), nil
	}
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case data.Date:
		if v.IsZero() {
			return "", nil
		}
		return v.String(), nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return fmt.Sprint(v), nil
}

func (p *packageSink) end() error {
	p.w.Flush()
	if err := p.w.Error(); err != nil {
		return err
	}
	if err := p.buf.Flush(); err != nil {
		return err
	}
	if err := p.file.Close(); err != nil {
		return err
	}
	if !nativeTable(p.cur.t.name) {
		return nil
	}
	return p.writeNative(p.cur)
}

// nativeTable reports whether a table also gets .sav and .dta files: all
// but the descriptive ones, which datapackage.json and README.txt carry.
func nativeTable(name string) bool {
	return name != readmeTable.name && name != codebookTable.name && name != codesTable.name
}

func (p *packageSink) commit() error {
	if err := p.writeMeta(); err != nil {
		p.abort()
		return err
	}
	if p.zipped {
		err := zipFolder(p.tmpDir, p.out)
		os.RemoveAll(p.tmpDir)
		return err
	}
	if err := syncDir(p.tmpDir); err != nil {
		p.abort()
		return err
	}
	if err := os.Rename(p.tmpDir, p.out); err != nil {
		p.abort()
		return err
	}
	return nil
}

func (p *packageSink) abort() {
	if p.file != nil {
		p.file.Close()
	}
	os.RemoveAll(p.tmpDir)
}
