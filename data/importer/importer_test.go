package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"samspil/data/pgtest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"samspil/data"
)

func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "imp.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// snapshot counts the rows an import may touch, to assert nothing changed.
func snapshot(t *testing.T, s *data.Store) string {
	t.Helper()
	ctx := context.Background()
	people, err := s.ResearchPeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o, pa, err := s.RegisterSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	activities, err := s.ResearchActivities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(len(people), "/", o, "/", pa, "/", len(activities))
}

func TestReadCSVEncodingsAndSeparators(t *testing.T) {
	win, _ := charmap.Windows1252.NewEncoder().String("Navn,Telefon\nSøren Ærø,12345678\n")
	cases := map[string][]byte{
		"utf8 bom semicolon": []byte("\ufeffNavn;Telefon\r\nSøren Ærø;12345678\r\n"),
		"utf8 comma quoted":  []byte("Navn,Telefon\n\"Søren Ærø\",12345678\n"),
		"windows-1252 comma": []byte(win),
		"tab":                []byte("Navn\tTelefon\nSøren Ærø\t12345678\n"),
		"semicolon in quote": []byte("Navn,Note\n\"Søren Ærø\",\"a;b;c\"\n"),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			sh, err := ReadCSV(raw)
			if err != nil {
				t.Fatal(err)
			}
			if len(sh.Header) != 2 || sh.Header[0] != "Navn" || len(sh.Rows) != 1 || sh.Rows[0][0] != "Søren Ærø" {
				t.Fatalf("sheet = %+v", sh)
			}
		})
	}
}

func TestGuessMapping(t *testing.T) {
	m := GuessMapping([]string{"Fornavn", "Efternavn", "Fødselsår", "Køn", "Mobil", "E-mail", "Gruppe", "Kategori", "Startdato", "Noter", "Ukendt"})
	want := map[string]int{"first_name": 0, "last_name": 1, "birth_year": 2, "gender": 3, "phone": 4, "email": 5,
		"group": 6, "categories": 7, "first_contact": 8, "notes": 9}
	for f, i := range want {
		if m.column(f) != i {
			t.Errorf("%s → %d, want %d", f, m.column(f), i)
		}
	}
	if m.column("name") != -1 {
		t.Error("name mapped without a Navn column")
	}
	en := GuessMapping([]string{"Name", "Birth year", "Phone", "Email", "Group"})
	if en.column("name") != 0 || en.column("email") != 3 {
		t.Errorf("english mapping %v", en)
	}
}

const peopleCSV = "Navn;Fødselsår;Køn;Telefon;E-mail;Gruppe;Kategori;Startdato\n" +
	"Anna Holm;1999;K;20 30 40 50;anna@eksempel.dk;Målgruppe;psykisk sårbar;03-02-2025\n" +
	"Bo Berg;;M;;bo@;Frivillig;;\n" +
	"Carl Dahl;1850;vides ikke;;;Marsmand;;31-02-2025\n" +
	"Dorte Lund;1970-05-06;;;;ressourcestærk;;2025-03-01\n" +
	"anna holm;;;;;;uden beskæftigelse;\n"

func TestParsePeopleReportsEveryBadRowAndDuplicates(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	if err := s.SavePerson(ctx, &data.Person{Name: "Dorthe Lund"}, nil); err != nil {
		t.Fatal(err)
	}
	sh, err := ReadCSV([]byte(peopleCSV))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ParsePeople(ctx, s, sh, PeopleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("rows = %d", len(rows))
	}
	anna := rows[0]
	if !anna.OK() || anna.Person.Gender != "female" || anna.Group.Group != data.GroupTarget || len(anna.Group.CategoryIDs) != 1 || anna.Person.FirstContact != data.MustDate("2025-02-03") {
		t.Fatalf("anna = %+v", anna)
	}
	bo := rows[1]
	if bo.OK() || bo.Errors[0].Field != "email" || bo.Errors[0].Row != 3 {
		t.Fatalf("bo = %+v", bo.Errors)
	}
	fields := map[string]bool{}
	for _, e := range rows[2].Errors {
		fields[e.Field] = true
		if e.Row != 4 {
			t.Errorf("carl error on row %d", e.Row)
		}
	}
	for _, f := range []string{"birth_year", "gender", "group", "first_contact"} {
		if !fields[f] {
			t.Errorf("carl: no error on %s (%v)", f, rows[2].Errors)
		}
	}
	dorte := rows[3]
	if !dorte.OK() || dorte.Person.BirthYear != 1970 || len(dorte.Duplicates) != 1 {
		t.Fatalf("dorte = %+v", dorte)
	}
	if rows[4].DupInFile != 2 {
		t.Fatalf("second anna: duplicate of row %d", rows[4].DupInFile)
	}
	msg := rows[2].Errors[0].Message("da")
	if !strings.HasPrefix(msg, "Række 4: ") {
		t.Fatalf("message = %q", msg)
	}

	// All or nothing: nothing is written while any row is bad.
	before := snapshot(t, s)
	if _, err := ImportPeople(ctx, s, rows, false); err == nil {
		t.Fatal("imported despite bad rows")
	}
	if snapshot(t, s) != before {
		t.Fatal("a refused import changed the database")
	}
	// Dorte (like Dorthe) and the second Anna are skipped as likely duplicates.
	n, err := ImportPeople(ctx, s, rows, true)
	if err != nil || n != 1 || len(Skipped(rows)) != 2 {
		t.Fatalf("valid only: %d, %v, skipped %d", n, err, len(Skipped(rows)))
	}
	found, _ := s.SearchPeople(ctx, data.PersonFilter{Query: "anna holm"})
	if len(found) != 1 {
		t.Fatalf("anna rows = %d", len(found))
	}
	report := filepath.Join(t.TempDir(), "fejl.csv")
	if err := WriteReport(report, rows, "da"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(report)
	if !strings.Contains(string(raw), "3;email;er ikke en gyldig e-mailadresse") {
		t.Fatalf("report = %s", raw)
	}
}

func TestParsePeopleWithoutNameColumnIsRefused(t *testing.T) {
	s := newStore(t)
	sh, _ := ReadCSV([]byte("Telefon;Mail\n12345678;a@b.dk\n"))
	if _, err := ParsePeople(context.Background(), s, sh, PeopleOptions{}); err == nil {
		t.Fatal("no name column accepted")
	}
}

const tickCSV = "Navn;02-09-2026;09-09-2026;16-09-2026\n" +
	"Mia Holm;x;;✓\n" +
	"Jonas Berg;1;X;\n" +
	"Ny Person;;x;x\n"

func TestAttendanceTickSheet(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	for _, n := range []string{"Mia Holm", "Jonas Berg"} {
		if err := s.SavePerson(ctx, &data.Person{Name: n}, &data.GroupPeriod{Group: data.GroupVolunteer, Start: data.MustDate("2026-01-01")}); err != nil {
			t.Fatal(err)
		}
	}
	sh, err := ReadCSV([]byte(tickCSV))
	if err != nil {
		t.Fatal(err)
	}
	opt := AttendanceOptions{Activity: "Onsdagscafé"}
	a, err := ParseAttendance(ctx, s, sh, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Dates) != 3 || a.Total != 6 || len(a.Unknown) != 1 || len(a.Errors) != 1 || a.Occasions != 3 {
		t.Fatalf("parsed = %+v", a)
	}
	before := snapshot(t, s)
	if _, err := ImportAttendance(ctx, s, a, opt); err == nil {
		t.Fatal("imported with an unknown person")
	}
	if snapshot(t, s) != before {
		t.Fatal("a refused import changed the database")
	}
	opt.CreateUnknown = true
	a, _ = ParseAttendance(ctx, s, sh, opt)
	n, err := ImportAttendance(ctx, s, a, opt)
	if err != nil || n != 6 {
		t.Fatalf("imported %d, %v", n, err)
	}
	act, err := s.ActivityByName(ctx, "onsdagscafé")
	if err != nil {
		t.Fatal(err)
	}
	o, err := s.OccasionOn(ctx, act.ID, data.MustDate("2026-09-09"))
	if err != nil || len(o.Participants) != 2 {
		t.Fatalf("9 September = %+v, %v", o, err)
	}
	// Importing the same sheet again adds nothing twice.
	a, _ = ParseAttendance(ctx, s, sh, opt)
	if a.Occasions != 0 || len(a.Unknown) != 0 {
		t.Fatalf("second parse = %+v", a)
	}
	if n, err := ImportAttendance(ctx, s, a, opt); err != nil || n != 0 {
		t.Fatalf("second import %d, %v", n, err)
	}
}

func TestAttendanceBadMarksAndHeaders(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sh, _ := ReadCSV([]byte("Navn;01-09-2026;Bemærkning\nMia;måske;\n"))
	a, err := ParseAttendance(ctx, s, sh, AttendanceOptions{Activity: "Café", CreateUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, e := range a.Errors {
		codes[e.Code] = true
	}
	if !codes["err.import_bad_mark_on"] || !codes["err.import_not_a_date"] {
		t.Fatalf("errors = %v", a.Errors)
	}
	// The message names the row and the date the bad mark stands under.
	if msg := a.Errors.Message("da"); !strings.Contains(msg, "Række 2: \"måske\" ud for 01-09-2026 er ikke et kryds") {
		t.Fatalf("message = %q", msg)
	}
	sh, _ = ReadCSV([]byte("Navn;Uge 1\nMia;x\n"))
	if _, err := ParseAttendance(ctx, s, sh, AttendanceOptions{Activity: "Café"}); err == nil {
		t.Fatal("a sheet without dates accepted")
	}
}

func TestXLSXPeopleList(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Fornavn", "Efternavn", "Født", "Startdato"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Åse", "Ørsted", 1988, 45700})
	f.SetSheetRow("Sheet1", "A4", &[]any{"Bent", "Ravn", "", ""})
	path := filepath.Join(t.TempDir(), "liste.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	sh, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Rows) != 2 {
		t.Fatalf("rows = %v (the empty row must be dropped)", sh.Rows)
	}
	rows, err := ParsePeople(context.Background(), newStore(t), sh, PeopleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rows[0].OK() || rows[0].Person.Name != "Åse Ørsted" || rows[0].Person.BirthYear != 1988 || rows[0].Person.FirstContact != data.MustDate("2025-02-12") {
		t.Fatalf("row = %+v %v", rows[0].Person, rows[0].Errors)
	}
}

// zipBomb is a small .xlsx whose sheet unpacks to hundreds of MiB.
func zipBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "xl/worksheets/sheet1.xml" {
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < 300; i++ {
				w.Write(chunk)
			}
		}
	}
	zw.Close()
	return buf.Bytes()
}

func TestMalformedFilesAreRefusedClearly(t *testing.T) {
	valid := excelize.NewFile()
	valid.SetCellValue("Sheet1", "A1", "Navn")
	var vbuf bytes.Buffer
	valid.Write(&vbuf)
	truncated := vbuf.Bytes()[:vbuf.Len()/2]
	bomb := zipBomb(t)
	if len(bomb) > 2<<20 {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	cases := map[string]struct {
		name string
		raw  []byte
		code string
	}{
		"truncated xlsx": {"a.xlsx", truncated, "err.import_xlsx"},
		"zip bomb":       {"b.xlsx", bomb, ""},
		"text as xlsx":   {"c.xlsx", []byte("Navn;Telefon\nAnna;1\n"), "err.import_xlsx"},
		"empty csv":      {"d.csv", []byte("\ufeff\n\n"), "err.import_empty"},
		"duplicate cols": {"e.csv", []byte("Navn;navn\nA;B\n"), "err.import_duplicate_column"},
		"huge cell":      {"f.csv", []byte("Navn\n" + strings.Repeat("x", MaxCellRunes+1) + "\n"), "err.import_cell_too_long"},
		"binary junk":    {"g.csv", []byte{0, 1, 2, 0xff, 0xfe, '"', '\n', '"', 0}, ""},
	}
	dir := t.TempDir()
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			os.WriteFile(path, c.raw, 0o644)
			sh, err := ReadFile(path)
			if c.code == "" {
				if err == nil && sh == nil {
					t.Fatal("no sheet and no error")
				}
				if name == "zip bomb" && err == nil {
					t.Fatal("the zip bomb was read")
				}
				return
			}
			var de *data.Error
			if !errors.As(err, &de) || de.Code != c.code {
				t.Fatalf("err = %v, want %s", err, c.code)
			}
		})
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.csv")); err == nil {
		t.Fatal("missing file read")
	}
}
