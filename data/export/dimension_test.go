package export

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// usedRange reads a worksheet part as a reader that trusts nothing would:
// the <dimension ref> it states, and the last row and column that hold a
// cell.
func usedRange(t *testing.T, part io.Reader) (ref string, lastRow, lastCol int) {
	t.Helper()
	d := xml.NewDecoder(part)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ref, lastRow, lastCol
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch {
			case el.Name.Local == "dimension" && a.Name.Local == "ref":
				ref = a.Value
			case el.Name.Local == "c" && a.Name.Local == "r":
				col, row, err := excelize.CellNameToCoordinates(a.Value)
				if err != nil {
					t.Fatal(err)
				}
				lastRow, lastCol = max(lastRow, row), max(lastCol, col)
			}
		}
	}
}

// TestEverySheetStatesItsUsedRange: openpyxl's read-only mode (and other
// readers) read as many rows as a sheet's <dimension ref> says, so it must
// name the last cell of every sheet.
func TestEverySheetStatesItsUsedRange(t *testing.T) {
	s := demoStore(t, "sager")
	out := filepath.Join(t.TempDir(), "x.xlsx")
	if _, err := Run(context.Background(), s, Options{Recipient: "R", WithLogbook: true}, out, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		sheets++
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		ref, rows, cols := usedRange(t, r)
		r.Close()
		want := "A1"
		if rows > 0 {
			last, _ := excelize.CoordinatesToCellName(cols, rows)
			want = "A1:" + last
			if last == "A1" {
				want = "A1"
			}
		}
		if ref != want {
			t.Errorf("%s says %q, holds %s", f.Name, ref, want)
		}
	}
	if sheets != 16 { // 15 tables and the charts
		t.Errorf("%d worksheets", sheets)
	}
}
