package importer

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzReadCSV: no input may panic, and a sheet read always has a header.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(peopleCSV))
	f.Add([]byte(tickCSV))
	f.Add([]byte("\ufeffNavn;Telefon\r\n\"Anna \"\"A\"\" Holm\";1\r\n"))
	f.Add([]byte{0xe6, 0xf8, 0xe5, ';', '\n'})
	f.Fuzz(func(t *testing.T, raw []byte) {
		sh, err := ReadCSV(raw)
		if err == nil && (sh == nil || len(sh.Header) == 0) {
			t.Fatal("no error and no header")
		}
	})
}

// FuzzReadXLSX: any bytes give a sheet or an error, never a panic.
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
		if err == nil && (sh == nil || len(sh.Header) == 0) {
			t.Fatal("no error and no header")
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
