package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"samspil/data"
)

// xlsxSink writes a workbook with one native Excel table per sheet, a frozen
// header and real date cells. excelize writes each sheet's frame (header,
// column widths, panes, table) through its stream writer; the data rows go
// through sheetRows and are spliced in when the workbook is saved.
type xlsxSink struct {
	f         *excelize.File
	out       string
	sw        *excelize.StreamWriter
	sheet     string
	cols      int
	rows      *sheetRows            // the current sheet's
	spliced   map[string]*sheetRows // finished sheets' rows, by marker
	dateStyle int
	head      int
	first     bool
	split     sheetSplit // tables longer than a sheet continue on the next
}

func newXLSXSink(out string) (*xlsxSink, error) {
	removeStaleRows(os.TempDir(), time.Now())
	f := excelize.NewFile()
	dateFmt := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	return &xlsxSink{f: f, out: out, dateStyle: dateStyle, head: head, first: true, spliced: map[string]*sheetRows{}}, nil
}

// width is a column width that fits the kind of values.
func width(c column) float64 {
	switch c.kind {
	case kindDate:
		return 12
	case kindInt, kindReal:
		return max(10, float64(len(c.name))+2)
	case kindKey:
		return 15
	case kindText:
		if c.name == "text" || c.name == "value" || c.name == "description_da" || c.name == "description_en" {
			return 70
		}
		return 28
	}
	return max(14, float64(len(c.name))+2)
}

func (x *xlsxSink) begin(t table, cols []column) error {
	x.split.started(t, cols)
	if err := x.reserve(t.name); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(t.name)
	if err != nil {
		return err
	}
	if x.rows, err = newSheetRows(x.dateStyle); err != nil {
		return err
	}
	x.sw, x.sheet, x.cols = sw, t.name, len(cols)
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, width(c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: x.head, Value: c.name}
	}
	return sw.SetRow("A1", header)
}

// excelEpoch is day 0 of Excel's 1900 date system (as corrected for its
// leap-year bug from March 1900 on).
var excelEpoch = data.MustDate("1900-01-01").AddDays(-2)

// excelSerial is the day number Excel stores for a date; with a date format
// it shows as the date. Writing the number is much cheaper than a time value.
func excelSerial(d data.Date) int { return excelEpoch.DaysUntil(d) }

// reserve makes sure the sheet exists; the first one takes the place of
// the new workbook's empty sheet, so sheets appear in the order reserved.
func (x *xlsxSink) reserve(name string) error {
	if idx, _ := x.f.GetSheetIndex(name); idx >= 0 {
		return nil
	}
	if x.first {
		x.first = false
		return x.f.SetSheetName("Sheet1", name)
	}
	_, err := x.f.NewSheet(name)
	return err
}

func (x *xlsxSink) row(values []any) error {
	if x.rows.row >= sheetMaxRows {
		if err := x.continueSheet(); err != nil {
			return err
		}
	}
	return x.rows.write(values)
}

// end puts the marker row and the table in the sheet's frame; the rows
// are kept for commit.
func (x *xlsxSink) end() error {
	rows := x.rows
	x.rows = nil
	rows.cols = x.cols
	// Even a table without rows gets its marker, so that the sheet's
	// dimension is set when it is spliced.
	marker := rowsMarker + x.sheet
	x.spliced[marker] = rows
	if err := rows.finish(); err != nil {
		return err
	}
	if err := x.sw.SetRow("A2", []any{marker}); err != nil {
		return err
	}
	if rows.row == 1 {
		return x.sw.Flush() // a table needs a row below its header
	}
	last, err := rows.lastCell()
	if err != nil {
		return err
	}
	err = x.sw.AddTable(&excelize.Table{Range: last, Name: "tbl_" + x.sheet, StyleName: "TableStyleMedium2"})
	if err != nil {
		return fmt.Errorf("table %s: %w", x.sheet, err)
	}
	return x.sw.Flush()
}

// commit writes the workbook to a temporary file beside the target and
// renames it into place. excelize would assemble the whole zip in memory
// first; the zip writer handed to it writes straight to the file instead
// (and compresses at the fastest level), which saves time and tens of MiB.
func (x *xlsxSink) commit() error {
	defer x.close()
	return writeAtomically(x.out, func(f *os.File) error {
		x.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
			zw := zip.NewWriter(f)
			zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
				return flate.NewWriter(out, flate.BestSpeed)
			})
			return &splicingZip{ZipWriter: zw, rows: x.spliced}
		})
		_, err := x.f.WriteToBuffer()
		return err
	})
}

func (x *xlsxSink) abort() { x.close() }

// close drops the workbook and removes the rows' temporary files.
func (x *xlsxSink) close() {
	x.f.Close()
	if x.rows != nil {
		x.rows.close()
	}
	for _, r := range x.spliced {
		r.close()
	}
	x.rows, x.spliced = nil, nil
}

// writeAtomically writes a file that appears at target only when complete,
// synced: the target is either whole or untouched, and a killed export
// leaves nothing anyone can open (see hiddenFile).
func writeAtomically(target string, write func(*os.File) error) error {
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &data.Error{Code: "err.db_no_folder", Args: map[string]any{"Path": dir}}
	}
	RemoveLeftovers(dir, time.Now())
	tmp, err := createHidden(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.discard()
		}
	}()
	if err := write(tmp.File); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.linkInto(target); err != nil {
		return err
	}
	done = true
	return tmp.Close()
}
