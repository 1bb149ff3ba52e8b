package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"samspil/data/pgtest"
	"syscall"
	"testing"
)

// newTestStore opens a fresh database in a temp dir.
func newTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(pgtest.Target(t, filepath.Join(t.TempDir(), "samspil.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func errCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func TestOpenCreatesCurrentSchemaWithDefaults(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v, err := s.Version(ctx)
	if err != nil || v != SchemaVersion() {
		t.Fatalf("version = %d, %v; want %d", v, err, SchemaVersion())
	}
	roles, _ := s.Roles(ctx)
	cats, _ := s.Categories(ctx)
	themes, _ := s.Themes(ctx)
	if len(roles) != 6 || len(cats) != 4 || len(themes) != 8 {
		t.Fatalf("defaults: %d roles, %d categories, %d themes", len(roles), len(cats), len(themes))
	}
	st, err := s.Settings(ctx)
	if err != nil || st.BalanceThreshold != 0.20 || st.NoConsentPolicy != "exclude" {
		t.Fatalf("settings = %+v, %v", st, err)
	}
	secret, err := s.Secret(ctx)
	if err != nil || len(secret) != 32 {
		t.Fatalf("secret %d bytes, %v", len(secret), err)
	}
	r, err := s.Check(ctx)
	if err != nil || !r.OK() {
		t.Fatalf("check = %+v, %v", r, err)
	}
}

func TestOpenTwiceKeepsDataAndSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := s.Secret(ctx)
	p := &Person{Name: "Åse Bøgh-Nielsen"}
	if err := s.SavePerson(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	second, _ := s.Secret(ctx)
	if string(first) != string(second) {
		t.Fatal("secret changed on reopen")
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.Name != p.Name {
		t.Fatalf("person = %+v, %v", got, err)
	}
}

func TestOpenRefusesForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	textFile := filepath.Join(dir, "notes.txt")
	os.WriteFile(textFile, []byte("this is not a database at all, it is a shopping list"), 0o644)

	foreign := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()

	cases := []struct {
		name, path, code string
	}{
		{"text file", textFile, "err.db_not_samspil"},
		{"other sqlite", foreign, "err.db_not_samspil"},
		{"newer schema", newer, "err.db_newer"},
		{"missing folder", filepath.Join(dir, "nope", "x.db"), "err.db_no_folder"},
		{"question mark", filepath.Join(dir, "a?b.db"), "err.db_path_chars"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, err := Open(c.path)
			if errCode(err) != c.code {
				t.Fatalf("err = %v, want code %s", err, c.code)
			}
			after, _ := os.ReadFile(c.path)
			if string(before) != string(after) {
				t.Fatal("file was modified")
			}
			if _, err := os.Stat(c.path + "-wal"); err == nil {
				t.Fatal("a -wal file was left beside the refused file")
			}
		})
	}
}

// TestOpenReadOnlyFileIsRefusedClearly opens a database its user may not
// write. Root may write any file, so as root (how CI runs) the opening is
// done by a child process that runs as the unprivileged user nobody.
func TestOpenReadOnlyFileIsRefusedClearly(t *testing.T) {
	if path := os.Getenv("SAMSPIL_READ_ONLY_DB"); path != "" {
		_, err := Open(path)
		fmt.Print(errCode(err))
		os.Exit(0)
	}
	// A folder of its own that nobody may enter (t.TempDir's parent is
	// closed to other users).
	dir, err := os.MkdirTemp("", "samspil-ro-")
	must(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	must(t, os.Chmod(dir, 0o777))
	path := filepath.Join(dir, "ro.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	must(t, os.Chmod(path, 0o444))
	if code := openCodeWithoutRoot(t, path); code != "err.db_read_only" {
		t.Fatalf("opening a read-only database gave %q, want err.db_read_only", code)
	}
}

// openCodeWithoutRoot opens path as a user who is not root and returns the
// error code ("" when it opened): in this process, or as root in a copy of
// the test binary run as nobody.
func openCodeWithoutRoot(t *testing.T, path string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		_, err := Open(path)
		return errCode(err)
	}
	bin := filepath.Join(filepath.Dir(path), "data.test")
	exe, err := os.ReadFile(os.Args[0])
	must(t, err)
	must(t, os.WriteFile(bin, exe, 0o755))
	cmd := exec.Command(bin, "-test.run=^TestOpenReadOnlyFileIsRefusedClearly$")
	cmd.Env = append(os.Environ(), "SAMSPIL_READ_ONLY_DB="+path)
	cmd.Dir = filepath.Dir(path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the child as nobody: %v (%s)", err, out)
	}
	return string(out)
}

func TestBackupIsVerifiedAndAtomic(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	if err := s.SavePerson(ctx, &Person{Name: "Mette Frederiksen"}, nil); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, target); err != nil {
		t.Fatal(err)
	}
	b, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	r, err := b.Check(ctx)
	if err != nil || !r.OK() || r.People != 1 {
		t.Fatalf("backup check = %+v, %v", r, err)
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "missing", "b.db")); errCode(err) != "err.db_no_folder" {
		t.Fatalf("backup into missing folder: %v", err)
	}
}

// TestTwoStoresOnOneFileWorkSafely is two Samspil windows on one database:
// both write at once; nothing is lost and the file stays sound.
func TestTwoStoresOnOneFileWorkSafely(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx := context.Background()
	done := make(chan error, 2)
	for i, s := range []*Store{a, b} {
		go func(i int, s *Store) {
			for j := 0; j < 100; j++ {
				if err := s.SavePerson(ctx, &Person{Name: fmt.Sprintf("Person %d-%d", i, j)}, nil); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}(i, s)
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.Check(ctx)
	if err != nil || !r.OK() || r.People != 200 {
		t.Fatalf("check = %+v, %v", r, err)
	}
}

func TestQuickCheckFindsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 300; i++ {
		s.SavePerson(ctx, &Person{Name: fmt.Sprintf("Person nummer %d med et langt navn", i)}, nil)
	}
	if err := s.QuickCheck(ctx); err != nil {
		t.Fatalf("sound file: %v", err)
	}
	s.Close()
	// Overwrite a page in the middle of the file.
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	st, _ := f.Stat()
	f.WriteAt(make([]byte, 4096), st.Size()/2)
	f.Close()
	s, err = Open(path)
	if err != nil {
		return // refused at open: also a clear message
	}
	defer s.Close()
	if err := s.QuickCheck(ctx); errCode(err) != "err.db_damaged" {
		r, _ := s.Check(ctx)
		t.Fatalf("damaged file: quick check %v, full check %+v", err, r)
	}
}

// ErrCancelled and ErrNotFound match any *Error with their code, however
// it was made and wrapped, so no package spells the code out to test it.
func TestErrorsMatchByCode(t *testing.T) {
	made := fmt.Errorf("export: %w", &Error{Code: "err.cancelled", Row: 3})
	if !errors.Is(made, ErrCancelled) || errors.Is(made, ErrNotFound) {
		t.Fatalf("errors.Is by code: cancelled %v, not found %v", errors.Is(made, ErrCancelled), errors.Is(made, ErrNotFound))
	}
	if !errors.Is(Errors{{Code: "err.not_found"}}, ErrNotFound) {
		t.Fatal("an error inside Errors does not match")
	}
}
