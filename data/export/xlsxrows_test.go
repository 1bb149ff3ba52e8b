package export

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"samspil/data"
)

// TestSplicedRowsReadBack writes awkward values through the workbook sink
// and reads them back with excelize: the rows spliced into each sheet must
// be well-formed SpreadsheetML with the values, types and table intact.
func TestSplicedRowsReadBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rows.xlsx")
	x, err := newXLSXSink(out)
	if err != nil {
		t.Fatal(err)
	}
	tbl := table{name: "values", cols: []column{col("text", kindText, "", ""), col("n", kindInt, "", ""),
		col("share", kindReal, "", ""), col("day", kindDate, "", ""), col("id", kindInt, "", "")}}
	long := strings.Repeat("æ", maxCellChars+10)
	texts := []string{"Anna & Bo <b>", " leading space", "two\nlines\tand tab", "bell\x07 and bad \xff byte", "emoji 😀 ok", long, "", "\r"}
	want := []string{"Anna & Bo <b>", " leading space", "two\nlines\tand tab", "bell\uFFFD and bad \uFFFD byte", "emoji 😀 ok", long[:2*maxCellChars], "", "\r"}
	if err := x.begin(tbl, tbl.cols); err != nil {
		t.Fatal(err)
	}
	day := data.MustDate("2026-03-09")
	for i, s := range texts {
		var id any = int64(i) * 1_000_000_007
		if i%2 == 1 {
			id = nil
		}
		if err := x.row([]any{s, i, float64(i) / 3, day.AddDays(i), id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.end(); err != nil {
		t.Fatal(err)
	}
	empty := table{name: "empty", cols: []column{col("a", kindText, "", "")}}
	if err := x.begin(empty, empty.cols); err != nil {
		t.Fatal(err)
	}
	if err := x.end(); err != nil {
		t.Fatal(err)
	}
	if err := x.commit(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("values", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(texts)+1 || strings.Join(rows[0], ",") != "text,n,share,day,id" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	for i, w := range want {
		r := rows[i+1]
		if got := r[0]; got != w {
			t.Errorf("row %d text: got %q, want %q", i+2, trim(got), trim(w))
		}
		if r[1] != strconv.Itoa(i) || r[2] != strconv.FormatFloat(float64(i)/3, 'g', -1, 64) {
			t.Errorf("row %d n, share = %q, %q", i+2, r[1], r[2])
		}
	}
	if v, _ := f.GetCellValue("values", "D3"); v != "2026-03-10" {
		t.Errorf("date cell shows %q, want 2026-03-10", v)
	}
	if typ, _ := f.GetCellType("values", "D3"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("date cell is text")
	}
	if v, _ := f.GetCellValue("values", "E4"); v != "2000000014" {
		t.Errorf("int64 cell = %q", v)
	}
	if v, _ := f.GetCellValue("values", "E3"); v != "" {
		t.Errorf("nil cell = %q", v)
	}
	tables, err := f.GetTables("values")
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:E9" {
		t.Errorf("tables %+v, %v", tables, err)
	}
	if rows, _ := f.GetRows("empty"); len(rows) != 1 {
		t.Errorf("empty sheet has %d rows", len(rows))
	}
	if x.spliced != nil {
		t.Error("temporary row files not removed")
	}
}

func trim(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func TestStaleRowFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	old, young, other := filepath.Join(dir, "samspil-sheet-1.xml"), filepath.Join(dir, "samspil-sheet-2.xml"), filepath.Join(dir, "notes.xml")
	for _, p := range []string{old, young, other} {
		if err := os.WriteFile(p, []byte("<row/>"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	for _, p := range []string{old, other} {
		os.Chtimes(p, now.Add(-48*time.Hour), now.Add(-48*time.Hour))
	}
	removeStaleRows(dir, now)
	for p, want := range map[string]bool{old: false, young: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
