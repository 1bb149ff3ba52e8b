package importer

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// FuzzReadCSV: no input may panic; a sheet read has a header, every cell
// is valid UTF-8, trimmed and within the limits; and the sheet survives a
// round trip: written as CSV (as Excel would, UTF-8 with BOM and ";") and
// read again, it is the same sheet.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(peopleCSV))
	f.Add([]byte(tickCSV))
	f.Add([]byte("\ufeffNavn;Telefon\r\n\"Anna \"\"A\"\" Holm\";1\r\n"))
	f.Add([]byte{0xe6, 0xf8, 0xe5, ';', '\n'})
	f.Add([]byte("Navn,By\n\"Holm, Mia\",\"Køge\"\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		sh, err := ReadCSV(raw)
		if err != nil {
			return
		}
		checkSheet(t, sh)
		back, err := ReadCSV(writeCSV(sh))
		if err != nil {
			t.Fatalf("%q read, written and read again: %v", raw, err)
		}
		if !slices.Equal(back.Header, sh.Header) || !slices.EqualFunc(back.Rows, sh.Rows, slices.Equal) {
			t.Fatalf("%q read as %q %q, after a round trip %q %q", raw, sh.Header, sh.Rows, back.Header, back.Rows)
		}
	})
}

// checkSheet fails unless the sheet has a header and every cell is valid
// UTF-8, trimmed and within the limits.
func checkSheet(t *testing.T, sh *Sheet) {
	t.Helper()
	if sh == nil || len(sh.Header) == 0 {
		t.Fatal("no error and no header")
	}
	if len(sh.Rows) > MaxRows {
		t.Fatalf("%d rows", len(sh.Rows))
	}
	for _, row := range append([][]string{sh.Header}, sh.Rows...) {
		if len(row) > MaxColumns {
			t.Fatalf("%d columns", len(row))
		}
		for _, c := range row {
			if !utf8.ValidString(c) || utf8.RuneCountInString(c) > MaxCellRunes || strings.TrimSpace(c) != c {
				t.Fatalf("cell %q", c)
			}
		}
	}
}

// writeCSV writes the sheet as a UTF-8 CSV with BOM and ";", every cell
// quoted (so no separator inside a cell can be mistaken for one).
func writeCSV(sh *Sheet) []byte {
	var b strings.Builder
	b.WriteString("\ufeff")
	for _, row := range append([][]string{sh.Header}, sh.Rows...) {
		for i, c := range row {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// FuzzReadXLSX: any bytes give a sheet or an error, never a panic; a sheet
// read has a header and its cells are valid UTF-8, trimmed and within the
// limits.
func FuzzReadXLSX(f *testing.F) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"Navn", "01-09-2026"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"Mia", "x"})
	var buf bytes.Buffer
	x.Write(&buf)
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/3])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		sh, err := ReadXLSX(raw)
		if err == nil {
			checkSheet(t, sh)
		}
	})
}

// FuzzParsePeople: any readable sheet parses into rows without panicking,
// and every row is either valid or says what is wrong.
func FuzzParsePeople(f *testing.F) {
	f.Add([]byte(peopleCSV))
	f.Add([]byte("Fornavn,Efternavn,Født\nÅse,,31-02-1990\n"))
	s := newStore(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		sh, err := ReadCSV(raw)
		if err != nil {
			return
		}
		rows, err := ParsePeople(context.Background(), s, sh, PeopleOptions{})
		if err != nil {
			return
		}
		for _, r := range rows {
			if !r.OK() && len(r.Errors) == 0 {
				t.Fatal("a bad row without a message")
			}
			for _, e := range r.Errors {
				if e.Row != r.Row {
					t.Fatalf("error row %d on row %d", e.Row, r.Row)
				}
			}
		}
	})
}

// FuzzParseAttendance: any readable sheet parses without panicking.
func FuzzParseAttendance(f *testing.F) {
	f.Add([]byte(tickCSV))
	f.Add([]byte("Fornavn;Efternavn;2026-09-01\nMia;Holm;✓\n"))
	s := newStore(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		sh, err := ReadCSV(raw)
		if err != nil {
			return
		}
		a, err := ParseAttendance(context.Background(), s, sh, AttendanceOptions{Activity: "Café", CreateUnknown: true})
		if err == nil && len(a.Dates) == 0 {
			t.Fatal("parsed a sheet without dates")
		}
	})
}
