package data

import (
	"context"
	"crypto/rand"
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
// On a server it runs the checks that mean something there (see
// checkServer).
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	var err error
	if r.SchemaVersion, err = s.Version(ctx); err != nil {
		return r, s.classify(err)
	}
	if s.eng.server() {
		return s.checkServer(ctx, r)
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

// checkServer is Check on a PostgreSQL server. The server keeps its own
// pages sound and enforces every foreign key and CHECK rule on each
// statement, so there is no integrity_check or foreign_key_check to run;
// what can still be wrong, and is checked with real queries, is a rule
// added without checking the rows already there (NOT VALID), an invalid
// index (a failed CREATE INDEX CONCURRENTLY), and the one settings row the
// register needs. The counts are counted, as on a file.
func (s *Store) checkServer(ctx context.Context, r CheckReport) (CheckReport, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT 'constraint ' || conname || ' on ' || conrelid::regclass::text || ' is not validated'
		FROM pg_catalog.pg_constraint WHERE connamespace = current_schema()::regnamespace AND NOT convalidated
		UNION ALL
		SELECT 'index ' || indexrelid::regclass::text || ' is not valid'
		FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
		WHERE c.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid
		ORDER BY 1`)
	if err != nil {
		return r, s.classify(err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, s.classify(err)
		}
		r.IntegrityProblems = append(r.IntegrityProblems, line)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, s.classify(err)
	}
	var settings int
	err = s.q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM settings), (SELECT count(*) FROM people),
		(SELECT count(*) FROM occasions), (SELECT count(*) FROM participations)`).Scan(&settings, &r.People, &r.Occasions, &r.Participations)
	if err != nil {
		return r, s.classify(err)
	}
	if settings != 1 {
		r.IntegrityProblems = append(r.IntegrityProblems, fmt.Sprintf("the settings table holds %d rows, not 1", settings))
	}
	return r, nil
}

// QuickCheck runs SQLite's quick integrity check, fast enough for every
// start of the app; nil means the file is sound. On a server it reads the
// settings row, which every register has: the server answers, and the
// schema is there.
func (s *Store) QuickCheck(ctx context.Context) error {
	if s.eng.server() {
		var n int
		if err := s.q.QueryRowContext(ctx, `SELECT count(*) FROM settings`).Scan(&n); err != nil {
			return s.classify(err)
		}
		if n != 1 {
			return &Error{Code: "err.db_damaged", Args: map[string]any{"Path": s.path, "Reason": fmt.Sprintf("%d settings rows", n)}}
		}
		return nil
	}
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
// failed backup leaves nothing at target. A register on a server is backed
// up the same way into a portable Samspil file: the server's register is
// copied (Copy, from one consistent snapshot, counts compared) into the
// temporary file, which is then verified and renamed.
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
	// A name of its own: two windows on one shared register make the same
	// day's backup into one folder at the same moment.
	tmp := filepath.Join(dir, "."+filepath.Base(target)+"."+rand.Text()[:12]+".tmp")
	if s.eng.server() {
		if err := s.copyToFile(ctx, tmp); err != nil {
			removeDatabaseFiles(tmp)
			return err
		}
	} else if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup: %w", err)
	}
	if err := verify(ctx, tmp); err != nil {
		removeDatabaseFiles(tmp)
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		removeDatabaseFiles(tmp)
		return err
	}
	removeDatabaseFiles(tmp) // a -wal or -shm left beside the old name
	return nil
}

// copyToFile copies a server's register into a new Samspil file at path
// (for the user alone, as every database file).
func (s *Store) copyToFile(ctx context.Context, path string) error {
	dst, err := Open(path)
	if err != nil {
		return err
	}
	_, err = copyStores(ctx, s, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return err
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
