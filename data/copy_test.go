package data_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samspil/data"
	"samspil/data/dbtext"
	"samspil/data/demo"
	"samspil/data/pgtest"
)

// richFile writes a small demo register with one of everything the demo
// leaves out: a person invited by someone registered after them, an
// anonymised person and their erasure, an export record, a target size and
// a category of the partnership's own.
func richFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "source.db")
	if _, err := demo.CreateFile(ctx, path, demo.Options{Template: "landsby", Years: 1}); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := &data.Person{Name: "Ane Først", EntryChannel: "self"}
	later := &data.Person{Name: "Bo Senere", EntryChannel: "self", BirthYear: 1980}
	for _, p := range []*data.Person{first, later} {
		if err := s.SavePerson(ctx, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	first.InvitedBy = later.ID
	if err := s.SavePerson(ctx, first, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.ErasePerson(ctx, later.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTargetSize(ctx, 2026, 40); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordExport(ctx, &data.ExportRecord{Recipient: "evaluator", Pseudonymised: true, Format: "xlsx",
		RowCounts: map[string]int{"people": 3}}); err != nil {
		t.Fatal(err)
	}
	c := &data.Category{}
	c.Code, c.NameDA, c.NameEN = "own_kind", "egen slags", "own kind"
	if err := s.SaveCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	return path
}

// digest is every row of every table of a Samspil file, as text.
func digest(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := dbtext.Tables(db)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, table := range tables {
		text, err := dbtext.Table(db, table, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(text)
	}
	return b.String()
}

func sameDigest(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			t.Fatalf("%s: first difference at line %d:\nwant %s\ngot  %s", what, i+1, w[i], g[i])
		}
	}
	t.Fatalf("%s: %d lines, want %d", what, len(g), len(w))
}

func errCode(err error) string {
	var e *data.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestCopyFileToFileKeepsEveryRow(t *testing.T) {
	ctx := context.Background()
	src := richFile(t)
	want := digest(t, src)
	dst := filepath.Join(t.TempDir(), "copy.db")
	rep, err := data.Copy(ctx, src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows("people") == 0 || rep.Rows("participations") == 0 || rep.Rows("erasures") != 1 || rep.Rows("settings") != 1 {
		t.Fatalf("report: %+v", rep)
	}
	sameDigest(t, "file → file", want, digest(t, dst))
	if st, err := os.Stat(dst); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("copy's mode: %v %v", st.Mode(), err)
	}

	// A second copy into the now full target is refused and changes nothing.
	_, err = data.Copy(ctx, src, dst)
	if errCode(err) != "err.copy_target_not_empty" || !strings.Contains(err.Error(), dst) {
		t.Fatalf("copy into a full file: %v", err)
	}
	sameDigest(t, "refused copy", want, digest(t, dst))
	if _, err := data.Copy(ctx, src, src); errCode(err) != "err.copy_same" {
		t.Fatalf("copy onto itself: %v", err)
	}

	// An existing empty register (its own secret and catalogues) takes the
	// source's settings and catalogues.
	empty := filepath.Join(t.TempDir(), "empty.db")
	s, err := data.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := data.Copy(ctx, src, empty); err != nil {
		t.Fatal(err)
	}
	sameDigest(t, "into an empty register", want, digest(t, empty))

	// A source that cannot be opened leaves no target behind.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	nothing := filepath.Join(t.TempDir(), "nothing.db")
	if _, err := data.Copy(ctx, junk, nothing); err == nil {
		t.Fatal("copy from junk succeeded")
	}
	if _, err := os.Stat(nothing); err == nil {
		t.Fatal("a failed copy left its target")
	}
}

// TestCopyFileServerFile moves a file onto a server and back: every row of
// every table is the same, the server gives new rows fresh ids, and a copy
// into the server that now holds the register is refused.
func TestCopyFileServerFile(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip(pgtest.EnvVar + " is not set: no PostgreSQL server to copy to")
	}
	ctx := context.Background()
	src := richFile(t)
	want := digest(t, src)
	server := pgtest.Fresh(t)
	rep, err := data.Copy(ctx, src, server)
	if err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(t.TempDir(), "back.db")
	rep2, err := data.Copy(ctx, server, back)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range rep.Tables {
		if rep2.Rows(tb.Name) != tb.Rows {
			t.Errorf("%s: %d rows to the server, %d back", tb.Name, tb.Rows, rep2.Rows(tb.Name))
		}
	}
	sameDigest(t, "file → server → file", want, digest(t, back))

	s, err := data.Open(server)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Check(ctx)
	if err != nil || !r.OK() || int64(r.People) != rep.Rows("people") {
		t.Fatalf("check on the server: %+v %v", r, err)
	}
	p := &data.Person{Name: "Ny Efter Kopien", EntryChannel: "self"}
	if err := s.SavePerson(ctx, p, &data.GroupPeriod{Group: "volunteer", Start: data.MustDate("2026-01-05")}); err != nil {
		t.Fatalf("a registration after the copy: %v", err)
	}
	if p.ID <= rep.Rows("people") {
		t.Fatalf("new person's id %d is not past the copied ids", p.ID)
	}
	_, err = data.Copy(ctx, back, server)
	if errCode(err) != "err.copy_target_not_empty" || strings.Contains(err.Error(), "password") {
		t.Fatalf("copy into a full server: %v", err)
	}
	r2, err := s.Check(ctx)
	if err != nil || r2.People != r.People+1 {
		t.Fatalf("the refused copy changed the server: %+v %v", r2, err)
	}
}

// TestBackupOfServerIsAPortableFile backs a server's register up as a file
// (by hand and as the daily backup): the file checks clean, holds every
// row, and is the user's alone.
func TestBackupOfServerIsAPortableFile(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip(pgtest.EnvVar + " is not set: no PostgreSQL server to back up")
	}
	ctx := context.Background()
	src := richFile(t)
	want := digest(t, src)
	server := pgtest.Fresh(t)
	if _, err := data.Copy(ctx, src, server); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(server)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, file); err != nil {
		t.Fatal(err)
	}
	sameDigest(t, "server backup", want, digest(t, file))
	daily, err := s.BackupDaily(ctx, filepath.Join(dir, "daily"), 3)
	if err != nil || daily == "" {
		t.Fatalf("daily backup: %q %v", daily, err)
	}
	before, err := s.BackupBefore(ctx, filepath.Join(dir, "daily"), "import", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{file, daily, before} {
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", f, st, err)
		}
		if err := data.VerifyBackup(ctx, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	sameDigest(t, "daily backup of a server", want, digest(t, daily))
	entries, _ := os.ReadDir(filepath.Join(dir, "daily"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Fatalf("temporary file left behind: %s", e.Name())
		}
	}
}
