package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
)

// namedInThreeNotes makes a database with Marianne Kjærsgaard, who took
// part once and is named in three logbook notes, and returns her id and
// every value of hers that must leave the file.
func namedInThreeNotes(t *testing.T, db string) (int64, []string) {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := data.MustDate("2026-03-04")
	m := &data.Person{Name: "Marianne Kjærsgaard", Phone: "51234567", Email: "mk@postkasse.dk", Notes: "bor på Toftevej", FirstContact: day}
	jonas := &data.Person{Name: "Jonas Berg", FirstContact: day}
	for _, p := range []*data.Person{m, jonas} {
		if err := s.SavePerson(ctx, p, &data.GroupPeriod{Group: data.GroupResourceful, Start: day}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []*data.Person{m, jonas} { // with consent, so the pseudonymised export holds their rows
		if err := s.SaveConsent(ctx, &data.Consent{PersonID: p.ID, Purpose: "research", GivenOn: day}); err != nil {
			t.Fatal(err)
		}
	}
	a := &data.Activity{Name: "Onsdagscafé", Kind: "recurring", Status: "active"}
	if err := s.SaveActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	roles, _ := s.Roles(ctx)
	if err := s.SaveOccasion(ctx, &data.Occasion{ActivityID: a.ID, Date: day, Participants: []data.Participation{
		{PersonID: m.ID, RoleID: roles[2].ID}, {PersonID: jonas.ID, RoleID: roles[1].ID}}}); err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"Marianne havde brug for lidt ro", "Mariannes mor ringede", "Jonas og Marianne Kjærsgaard bagte"} {
		e := &data.LogEntry{Date: day.AddDays(i), Text: text, PersonIDs: []int64{m.ID}}
		if i == 2 {
			e.PersonIDs = nil // a note that mentions her without the link
		}
		if err := s.SaveLogEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	return m.ID, []string{"Marianne", "marianne", "Kjærsgaard", "kjaersgaard", "51234567", "mk@postkasse.dk", "Toftevej"}
}

// contents returns the bytes of a file, or of every member of a zip (an
// .xlsx) one after the other, or of every file in a folder.
func contents(t *testing.T, path string) []byte {
	t.Helper()
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		var all []byte
		entries, _ := os.ReadDir(path)
		for _, e := range entries {
			all = append(all, contents(t, filepath.Join(path, e.Name()))...)
		}
		return all
	}
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw))); err == nil {
		var all []byte
		for _, f := range z.File {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			r.Close()
			all = append(all, b...)
		}
		return all
	}
	return raw
}

func assertAbsent(t *testing.T, what string, b []byte, parts []string) {
	t.Helper()
	for _, p := range parts {
		if bytes.Contains(b, []byte(p)) {
			t.Errorf("%s still holds %q", what, p)
		}
	}
}

// The headless proof: a person named in three notes is erased
// with `samspil erase`; no name part of theirs is then in the database's
// raw bytes (file and WAL), in any export, or in the file after restoring a
// backup taken before the erasure.
func TestEraseCommandLeavesNoTrace(t *testing.T) {
	for _, del := range []bool{false, true} {
		t.Run(map[bool]string{false: "anonymise", true: "delete"}[del], func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "samspil.db")
			id, parts := namedInThreeNotes(t, db)
			backup := filepath.Join(dir, "morning.db")
			if code, _, errOut := run(t, "backup", "--db", db, "--to", backup); code != ExitOK {
				t.Fatalf("backup: %q", errOut)
			}
			args := []string{"erase", "--db", db, "--person", strconv.FormatInt(id, 10)}
			if del {
				args = append(args, "--delete")
			}
			code, out, errOut := run(t, args...)
			if code != ExitOK || !strings.Contains(out, strconv.FormatInt(id, 10)) {
				t.Fatalf("erase: %d %q %q", code, out, errOut)
			}
			assertAbsent(t, "the database", contents(t, db), parts)
			assertAbsent(t, "the WAL", contents(t, db+"-wal"), parts)
			for i, extra := range [][]string{{"--with-logbook"}, {"--with-logbook", "--identified"}, {"--with-logbook", "--format", "csv"}} {
				outFile := filepath.Join(dir, "export"+strconv.Itoa(i)+".xlsx")
				if len(extra) == 3 {
					outFile = filepath.Join(dir, "export-csv")
				}
				exportArgs := append([]string{"export", "--db", db, "--out", outFile, "--recipient", "VIVE"}, extra...)
				if code, _, errOut := run(t, exportArgs...); code != ExitOK {
					t.Fatalf("export %v: %q", extra, errOut)
				}
				assertAbsent(t, "export "+strings.Join(extra, " "), contents(t, outFile), parts)
			}
			if code, _, errOut := run(t, "restore", "--db", db, "--from", backup); code != ExitOK {
				t.Fatalf("restore: %q", errOut)
			}
			assertAbsent(t, "the restored database", contents(t, db), parts)
			assertAbsent(t, "the restored WAL", contents(t, db+"-wal"), parts)
			s, err := data.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			log, _ := s.AuditLog(context.Background(), 100)
			var logged bool
			for _, a := range log {
				logged = logged || strings.HasPrefix(a.Action, "erase_person") || a.Action == "delete_person_completely"
			}
			if !logged {
				t.Error("the erasure is not in the audit log after the restore")
			}
		})
	}
}

// Wrong usage exits 2; an unknown person exits 1 naming the id.
func TestEraseCommandUsageAndUnknownPerson(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "samspil.db")
	namedInThreeNotes(t, db)
	if code, _, _ := run(t, "erase", "--db", db); code != ExitUsage {
		t.Errorf("without --person: exit %d", code)
	}
	if code, _, _ := run(t, "erase", "--db", db, "--person", "x"); code != ExitUsage {
		t.Errorf("--person x: exit %d", code)
	}
	if code, _, errOut := run(t, "erase", "--db", db, "--person", "999"); code != ExitFail || !strings.Contains(errOut, "999") {
		t.Errorf("unknown person: exit %d %q", code, errOut)
	}
}
