package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samspil/data"
)

// run runs a subcommand and returns its exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(context.Background(), Env{Stdout: &out, Stderr: &errOut, Version: "test", Language: "en"}, args)
	return code, out.String(), errOut.String()
}

func TestDemoCheckBackupRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	code, out, errOut := run(t, "demo", "--db", db, "--template", "landsby", "--years", "1")
	if code != ExitOK || !strings.Contains(out, "participations") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := run(t, "demo", "--db", db); code != ExitFail || !strings.Contains(errOut, "already exists") {
		t.Fatalf("demo over an existing file: %d %q", code, errOut)
	}
	if code, out, _ := run(t, "check", "--db", db); code != ExitOK || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("check: %d %q", code, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := run(t, "backup", "--db", db, "--to", backup); code != ExitOK {
		t.Fatalf("backup: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "check", "--db", backup); code != ExitOK {
		t.Fatal("backup does not check clean")
	}
	if code, _, errOut := run(t, "backup", "--db", db, "--to", backup); code != ExitFail || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup over an existing file: %d %q", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestFailuresAndUsage(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not sqlite"), 0o644)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, ExitUsage, "usage:"},
		{[]string{"frobnicate"}, ExitUsage, "usage:"},
		{[]string{"check"}, ExitUsage, "--db is required"},
		{[]string{"check", "--db", junk}, ExitFail, "not a Samspil database"},
		{[]string{"check", "--db", filepath.Join(dir, "missing.db")}, ExitFail, "cannot be opened"},
		{[]string{"check", "--db", junk, "extra"}, ExitUsage, "unexpected argument"},
		{[]string{"demo", "--db", filepath.Join(dir, "x.db"), "--template", "by"}, ExitUsage, "unknown template"},
		{[]string{"demo", "--db", filepath.Join(dir, "x.db"), "--years", "0"}, ExitUsage, "--years"},
		{[]string{"demo", "--db", filepath.Join(dir, "no", "x.db")}, ExitFail, "folder does not exist"},
		{[]string{"demo", "--db", filepath.Join(dir, "x.db"), "--scale", "ten"}, ExitUsage, "invalid value"},
		{[]string{"backup", "--db", junk}, ExitUsage, "--to is required"},
		{[]string{"version", "--verbose"}, ExitUsage, "flag provided but not defined"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
		if c.code == ExitFail && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: failure message is not one line: %q", c.args, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Fatal("a refused demo left a database behind")
	}
	if before, _ := os.ReadFile(junk); string(before) != "not sqlite" {
		t.Fatal("check modified a foreign file")
	}
}

func TestVersionAndDanishMessages(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitOK || !strings.Contains(out, fmt.Sprintf("samspil test (schema %d)", data.SchemaVersion())) {
		t.Fatalf("version: %d %q", code, out)
	}
	var errOut bytes.Buffer
	code = Run(context.Background(), Env{Stdout: &bytes.Buffer{}, Stderr: &errOut, Language: "da"},
		[]string{"check", "--db", filepath.Join(t.TempDir(), "nej.db")})
	if code != ExitFail || !strings.Contains(errOut.String(), "Filen kan ikke åbnes") {
		t.Fatalf("Danish: %d %q", code, errOut.String())
	}
}

func TestExportAndImportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := run(t, "demo", "--db", db, "--template", "sager", "--years", "1"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	out := filepath.Join(dir, "vive.xlsx")
	code, stdout, errOut := run(t, "export", "--db", db, "--out", out, "--recipient", "VIVE", "--from", "2026-01-01", "--with-logbook")
	if code != ExitOK || !strings.Contains(stdout, "pseudonymised") {
		t.Fatalf("export: %d %q %q", code, stdout, errOut)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "export", "--db", db, "--out", out, "--from", "31-02-2026"); code != ExitUsage || !strings.Contains(errOut, "--from") {
		t.Fatalf("bad date: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "export", "--db", db, "--out", filepath.Join(dir, "csv"), "--format", "csv"); code != ExitOK {
		t.Fatal("csv export failed")
	}
	// --k sets the k-check and the output says what it blanked.
	code, stdout, errOut = run(t, "export", "--db", db, "--out", filepath.Join(dir, "k5.xlsx"), "--k", "5")
	if code != ExitOK || !strings.Contains(stdout, "k = 5:") || !strings.Contains(stdout, "values blanked") {
		t.Fatalf("--k 5: %d %q %q", code, stdout, errOut)
	}
	if code, _, errOut := run(t, "export", "--db", db, "--out", filepath.Join(dir, "k0.xlsx"), "--k", "0"); code != ExitUsage || !strings.Contains(errOut, "--k") {
		t.Fatalf("--k 0: %d %q", code, errOut)
	}

	people := filepath.Join(dir, "people.csv")
	os.WriteFile(people, []byte("Navn;E-mail\nAnna Holm;anna@eksempel.dk\nBo Berg;bo@\n"), 0o644)
	code, stdout, _ = run(t, "import", "--db", db, "--file", people, "--dry-run")
	if code != ExitOK || !strings.Contains(stdout, "1 valid, 1 with errors") || !strings.Contains(stdout, "nothing was changed") {
		t.Fatalf("dry run: %d %q", code, stdout)
	}
	if code, _, errOut := run(t, "import", "--db", db, "--file", people); code != ExitFail || !strings.Contains(errOut, "Row 3") {
		t.Fatalf("import with a bad row: %d %q", code, errOut)
	}
	if code, stdout, _ := run(t, "import", "--db", db, "--file", people, "--valid-only"); code != ExitOK || !strings.Contains(stdout, "imported 1 people") {
		t.Fatalf("valid only: %d %q", code, stdout)
	}
	tick := filepath.Join(dir, "tick.csv")
	os.WriteFile(tick, []byte("Navn;2026-11-02;2026-11-09\nAnna Holm;x;x\nNy Person;x;\n"), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, "--file", tick, "--kind", "attendance"); code != ExitUsage || !strings.Contains(errOut, "--activity") {
		t.Fatalf("attendance without activity: %d %q", code, errOut)
	}
	code, stdout, errOut = run(t, "import", "--db", db, "--file", tick, "--kind", "attendance", "--activity", "Strikkeklub", "--create-unknown")
	if code != ExitOK || !strings.Contains(stdout, "imported 3 participations") {
		t.Fatalf("attendance: %d %q %q", code, stdout, errOut)
	}
}

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db, backup := filepath.Join(dir, "live.db"), filepath.Join(dir, "copy.db")
	run(t, "demo", "--db", db, "--template", "landsby", "--years", "1")
	run(t, "backup", "--db", db, "--to", backup)
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o644)
	if code, _, errOut := run(t, "restore", "--db", db, "--from", junk); code != ExitFail || !strings.Contains(errOut, "not a Samspil database") {
		t.Fatalf("restore from junk: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "restore", "--db", db, "--from", backup)
	if code != ExitOK || !strings.Contains(out, "before-restore-") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if code, _, _ := run(t, "check", "--db", db); code != ExitOK {
		t.Fatal("restored database does not check clean")
	}
}

// check notes participations before their person's first group period and
// repairs them on request.
func TestCheckNotesAndRepairsEarlyParticipations(t *testing.T) {
	db := filepath.Join(t.TempDir(), "early.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p := &data.Person{Name: "Cille Bak", FirstContact: data.MustDate("2026-06-01")}
	a := &data.Activity{Name: "Café", Kind: "recurring", Status: "active"}
	roles, _ := s.Roles(ctx)
	if err := s.SavePerson(ctx, p, &data.GroupPeriod{Group: data.GroupVolunteer, Start: data.MustDate("2026-06-01")}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveOccasion(ctx, &data.Occasion{ActivityID: a.ID, Date: data.MustDate("2026-03-04"),
		Participants: []data.Participation{{PersonID: p.ID, RoleID: roles[0].ID}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", db) // the data package registers the driver
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE people SET first_contact = '2026-06-01'`, `UPDATE group_periods SET start_date = '2026-06-01'`} {
		if _, err := raw.Exec(q); err != nil { // as a file from before first periods followed history
			t.Fatal(err)
		}
	}
	raw.Close()
	if code, out, _ := run(t, "check", "--db", db); code != ExitOK || !strings.Contains(out, "note: 1 participations of 1 people") {
		t.Fatalf("check: %d %q", code, out)
	}
	if code, out, _ := run(t, "check", "--db", db, "--repair-first-periods"); code != ExitOK || !strings.Contains(out, "repaired: 1 people") {
		t.Fatalf("check --repair-first-periods: %d %q", code, out)
	}
	if code, out, _ := run(t, "check", "--db", db); code != ExitOK || strings.Contains(out, "note:") {
		t.Fatalf("check after the repair: %d %q", code, out)
	}
}
