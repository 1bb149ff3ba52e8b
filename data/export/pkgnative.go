package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"samspil/data/export/dta"
	"samspil/data/export/sav"
)

// spssReserved are the words SPSS syntax does not take as variable names.
var spssReserved = map[string]bool{"ALL": true, "AND": true, "BY": true, "EQ": true, "GE": true, "GT": true,
	"LE": true, "LT": true, "NE": true, "NOT": true, "OR": true, "TO": true, "WITH": true}

// spssName is the column's name in SPSS: a reserved word gets a trailing _.
func spssName(name string) string {
	if spssReserved[strings.ToUpper(name)] {
		return name + "_"
	}
	return name
}

// labelText is a code's value label: Danish, with the English after it.
func labelText(c codeEntry) string {
	if c.en == "" || c.en == c.da {
		return c.da
	}
	return c.da + " / " + c.en
}

// nativeVars describes a table's columns for the SPSS and Stata writers.
func (p *packageSink) nativeVars(t *pkgTable) ([]sav.Var, []dta.Var) {
	var sv []sav.Var
	var dv []dta.Var
	for i, c := range t.cols {
		s := sav.Var{Name: spssName(c.name), Label: c.da}
		d := dta.Var{Name: c.name, Label: c.da}
		switch {
		case t.lists[i] != "":
			for _, e := range p.entries {
				if e.list == t.lists[i] {
					s.Labels = append(s.Labels, sav.Label{Value: float64(e.number), Text: labelText(e)})
					d.Labels = append(d.Labels, dta.Label{Value: int32(e.number), Text: labelText(e)})
				}
			}
		case c.kind == kindInt:
		case c.kind == kindReal:
			s.Decimals = 4
		case c.kind == kindDate:
			s.Kind, d.Kind = sav.Date, dta.Date
		default:
			s.Kind, d.Kind = sav.String, dta.String
			s.Width, d.Width = t.widths[i], t.widths[i]
		}
		sv, dv = append(sv, s), append(dv, d)
	}
	return sv, dv
}

// writeNative reads a finished table's CSV back and writes it as .sav and
// .dta beside it, the two at once (each reads the CSV on its own).
func (p *packageSink) writeNative(t *pkgTable) error {
	sv, dv := p.nativeVars(t)
	base := filepath.Join(p.tmpDir, t.t.name)
	label := t.t.da
	savErr := make(chan error, 1)
	go func() {
		savErr <- convertCSV(base+".csv", base+".sav", t, func(f *os.File) (nativeWriter, error) {
			return sav.NewWriter(f, label, sv, t.rows)
		})
	}()
	err := convertCSV(base+".csv", base+".dta", t, func(f *os.File) (nativeWriter, error) {
		return dta.NewWriter(f, label, dv, t.rows)
	})
	if err2 := <-savErr; err == nil {
		err = err2
	}
	return err
}

// nativeWriter is what the .sav and .dta writers have in common.
type nativeWriter interface {
	Write(row []any) error
	Close() error
}

// convertCSV writes the rows of a table's CSV file through a native writer
// into a new file, synced.
func convertCSV(csvPath, out string, t *pkgTable, open func(*os.File) (nativeWriter, error)) error {
	in, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := open(f)
	if err != nil {
		return err
	}
	r := csv.NewReader(bufio.NewReaderSize(in, 256<<10))
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return err
	}
	row := make([]any, len(t.cols))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for i, c := range t.cols {
			row[i] = nativeValue(c, t.lists[i] != "", rec[i])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return f.Sync()
}

// nativeValue turns a CSV cell back into the value the writers take.
func nativeValue(c column, coded bool, s string) any {
	switch {
	case coded || c.kind == kindInt || c.kind == kindReal:
		if s == "" {
			return nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil
		}
		return f
	case c.kind == kindDate:
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			return nil
		}
		return d
	}
	return s // the CSV reader makes new strings for each record
}
