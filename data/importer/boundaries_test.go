package importer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"samspil/data"
)

// TestDetectKindTieIsATickSheet: as many date columns as other columns
// (the name aside) is a tick-sheet; a list of names alone, without dates,
// is a people list.
func TestDetectKindTieIsATickSheet(t *testing.T) {
	for text, want := range map[string]string{
		"Navn;02-09-2026;Gruppe\nMia;x;Frivillig\n": KindAttendance,
		"Navn\nMia\n": KindPeople,
	} {
		sh, err := ReadCSV([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectKind(sh); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}

// TestANameInTheFirstColumnIsFound: a list whose only name column is a
// first name, or a last name, in the first column has names.
func TestANameInTheFirstColumnIsFound(t *testing.T) {
	s := newStore(t)
	for _, text := range []string{"Fornavn;Telefon\nMia;20304050\n", "Efternavn;Telefon\nHolm;20304050\n"} {
		sh, err := ReadCSV([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := ParsePeople(context.Background(), s, sh, PeopleOptions{})
		if err != nil || len(rows) != 1 {
			t.Errorf("%q: %d rows, %v", text, len(rows), err)
		}
	}
}

// TestExcelDayNumbers: a date cell read without its format is Excel's day
// number (day 1 is 1 January 1900, and Excel counts a 29 February 1900),
// read as such between 20000 and 80000 exclusive; outside, a number is
// not a date.
func TestExcelDayNumbers(t *testing.T) {
	excel := func(n int) data.Date {
		return data.DateOf(time.Date(1899, 12, 30, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n))
	}
	for _, n := range []int{20001, 46000, 79999} {
		if got, err := parseSheetDate(strconv.Itoa(n)); err != nil || got != excel(n) {
			t.Errorf("day number %d: %v, %v; want %v", n, got, err, excel(n))
		}
	}
	for _, n := range []int{20000, 80000} {
		if got, err := parseSheetDate(strconv.Itoa(n)); err == nil {
			t.Errorf("day number %d read as %v", n, got)
		}
	}
}

// TestAFileOfExactlyTheLimitIsRead: the size limit refuses only what is
// larger (a sparse file, so nothing big is written).
func TestAFileOfExactlyTheLimitIsRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	code := func(size int64) string {
		t.Helper()
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(path)
		var e *data.Error
		if errors.As(err, &e) {
			return e.Code
		}
		return ""
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if c := code(MaxFileBytes + 1); c != "err.import_too_big" {
		t.Errorf("one byte over the limit: %q", c)
	}
	if c := code(MaxFileBytes); c == "err.import_too_big" {
		t.Error("a file of exactly the limit is refused as too big")
	}
}

// TestATickSheetRowWithoutMarksStartsOnTheFirstDate: a new person on a
// tick-sheet row without a mark gets the sheet's first date as first
// contact.
func TestATickSheetRowWithoutMarksStartsOnTheFirstDate(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sh, err := ReadCSV([]byte("Navn;02-09-2026;09-09-2026\nNy Med;;x\nNy Uden;;\n"))
	if err != nil {
		t.Fatal(err)
	}
	opt := AttendanceOptions{Activity: "Café", CreateUnknown: true}
	a, err := ParseAttendance(ctx, s, sh, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportAttendance(ctx, s, a, opt); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Ny Med": "2026-09-09", "Ny Uden": "2026-09-02"} {
		rows, err := s.SearchPeople(ctx, data.PersonFilter{Query: name})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%s: %v, %v", name, rows, err)
		}
		p, err := s.Person(ctx, rows[0].ID)
		if err != nil || p.FirstContact != data.MustDate(want) {
			t.Errorf("%s: first contact %v, want %s (%v)", name, p.FirstContact, want, err)
		}
	}
}
