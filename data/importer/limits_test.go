package importer

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"samspil/data"

	"github.com/xuri/excelize/v2"
)

// readHeader reads CSV text and returns its header, failing on an error.
func readHeader(t *testing.T, text string) []string {
	t.Helper()
	sh, err := ReadCSV([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return sh.Header
}

// TestSeparatorFromTheFirstTwentyLines: the separator is the one used most
// in the first twenty lines; what comes after does not count, and a tie
// between tab and comma goes to the tab.
func TestSeparatorFromTheFirstTwentyLines(t *testing.T) {
	twenty := "a;b\n" + strings.Repeat("1;2\n", 19)
	for name, c := range map[string]struct {
		text string
		want []string
	}{
		"commas from line 21":    {twenty + strings.Repeat(",", 25) + "\n" + strings.Repeat("x,y,z,w\n", 50), []string{"a", "b"}},
		"tab and comma tie":      {"a\tb,c\n", []string{"a", "b,c"}},
		"semicolons win the tie": {"a;b\tc\n", []string{"a", "b\tc"}},
		"commas in the first 20": {"a,b,c;d\n", []string{"a", "b", "c;d"}},
	} {
		if got := readHeader(t, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s: header %q, want %q", name, got, c.want)
		}
	}
}

// TestLimitsAreInclusive: a cell of exactly MaxCellRunes, a row of exactly
// MaxColumns and a file of exactly MaxRows data rows are read; one more is
// refused. A cell too long is named by its row (the header is row 1).
func TestLimitsAreInclusive(t *testing.T) {
	if _, err := ReadCSV([]byte("Navn\n" + strings.Repeat("å", MaxCellRunes) + "\n")); err != nil {
		t.Errorf("a cell of %d letters: %v", MaxCellRunes, err)
	}
	_, err := ReadCSV([]byte("Navn\nMia\n" + strings.Repeat("å", MaxCellRunes+1) + "\n"))
	var e *data.Error
	if !errors.As(err, &e) || e.Row != 3 {
		t.Errorf("a cell of %d letters on row 3: %v", MaxCellRunes+1, err)
	}
	columns := func(n int) string {
		cells := make([]string, n)
		for i := range cells {
			cells[i] = "k" + strconv.Itoa(i)
		}
		return strings.Join(cells, ";") + "\n"
	}
	if _, err := ReadCSV([]byte(columns(MaxColumns))); err != nil {
		t.Errorf("%d columns: %v", MaxColumns, err)
	}
	if _, err := ReadCSV([]byte(columns(MaxColumns + 1))); err == nil {
		t.Errorf("%d columns were read", MaxColumns+1)
	}
	rows := "Navn\n" + strings.Repeat("x\n", MaxRows)
	if sh, err := ReadCSV([]byte(rows)); err != nil || len(sh.Rows) != MaxRows {
		t.Errorf("%d rows: %v", MaxRows, err)
	}
	if _, err := ReadCSV([]byte(rows + "x\n")); err == nil {
		t.Errorf("%d rows were read", MaxRows+1)
	}
}

// xlsxOfRows returns a workbook with a header and n rows of one cell.
func xlsxOfRows(t *testing.T, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, []any{"x" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWorkbookRowLimitIsInclusive: a workbook of exactly MaxRows data rows
// is read; one more is refused.
func TestWorkbookRowLimitIsInclusive(t *testing.T) {
	if sh, err := ReadXLSX(xlsxOfRows(t, MaxRows)); err != nil || len(sh.Rows) != MaxRows {
		t.Errorf("%d rows: %v", MaxRows, err)
	}
	if _, err := ReadXLSX(xlsxOfRows(t, MaxRows+1)); err == nil {
		t.Errorf("%d rows were read", MaxRows+1)
	}
}
