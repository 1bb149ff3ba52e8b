package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CheckReport is the result of an integrity check.
type CheckReport struct {
	SchemaVersion     int
	IntegrityProblems []string // empty when PRAGMA integrity_check says ok
	ForeignKeyErrors  int
	People            int
	Occasions         int
	Participations    int
}

// OK reports whether the database is sound.
func (r CheckReport) OK() bool {
	return len(r.IntegrityProblems) == 0 && r.ForeignKeyErrors == 0 && r.SchemaVersion == SchemaVersion()
}

// Check runs SQLite's integrity and foreign-key checks and counts the rows.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	var err error
	if r.SchemaVersion, err = s.Version(ctx); err != nil {
		return r, err
	}
	rows, err := s.q.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, err
		}
		if line != "ok" {
			r.IntegrityProblems = append(r.IntegrityProblems, line)
		}
	}
	rows.Close()
	fk, err := s.q.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, err
	}
	for fk.Next() {
		r.ForeignKeyErrors++
	}
	fk.Close()
	err = s.q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM occasions),
		(SELECT count(*) FROM participations)`).Scan(&r.People, &r.Occasions, &r.Participations)
	return r, err
}

// QuickCheck runs SQLite's quick integrity check, fast enough for every
// start of the app; nil means the file is sound.
func (s *Store) QuickCheck(ctx context.Context) error {
	var result string
	if err := s.q.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		return &Error{Code: "err.db_damaged", Args: map[string]any{"Path": s.path, "Reason": err.Error()}}
	}
	if result != "ok" {
		return &Error{Code: "err.db_damaged", Args: map[string]any{"Path": s.path, "Reason": result}}
	}
	return nil
}

// Backup writes a consistent copy of the database to target: VACUUM INTO a
// temporary file beside it, verify the copy, then rename it into place. A
// failed backup leaves nothing at target.
func (s *Store) Backup(ctx context.Context, target string) error {
	return s.backup(ctx, target, VerifyBackup)
}

// backup writes the copy to a temporary file beside target, checks it with
// verify and renames it into place.
func (s *Store) backup(ctx context.Context, target string, verify func(context.Context, string) error) error {
	dir := filepath.Dir(target)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &Error{Code: "err.db_no_folder", Args: map[string]any{"Path": dir}}
	}
	tmp := filepath.Join(dir, "."+filepath.Base(target)+".tmp")
	os.Remove(tmp)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", err)
	}
	if err := verify(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// VerifyBackup opens a backup file and checks that it is a sound Samspil
// database this version can read.
func VerifyBackup(ctx context.Context, path string) error {
	b, err := Open(path)
	if err != nil {
		return err
	}
	defer b.Close()
	r, err := b.Check(ctx)
	if err != nil {
		return err
	}
	if !r.OK() {
		return &Error{Code: "err.db_damaged", Args: map[string]any{"Path": path, "Reason": strings.Join(r.IntegrityProblems, "; ")}}
	}
	return nil
}

// verifyCopy is the check of a safety copy made just before a change (an
// import, a merge, an erasure): SQLite's quick check of every page and
// the schema version (Open refuses another). It skips the full integrity check's comparison of
// every index with its table, which takes seconds at ten years of a busy
// house and adds little to a file VACUUM INTO has just written from a
// database that passed its own check when the app started.
func verifyCopy(ctx context.Context, path string) error {
	b, err := Open(path)
	if err != nil {
		return err
	}
	defer b.Close()
	return b.QuickCheck(ctx)
}
