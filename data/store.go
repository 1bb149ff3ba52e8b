// Package data owns Samspil's domain: the partnership's people, activities,
// occasions and roles, stored in one SQLite file. It has no user interface;
// every rule (validation, roles, pseudonyms, indicators) is testable here.
package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a Samspil database ("Sams" in ASCII).
const ApplicationID = 0x53616d73

// Store is an open Samspil database. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	q    querier // db, or the read transaction of a Read view
	eng  engine
	path string    // the file, or the server URL without its password
	lock *fileLock // held by a window's store (OpenExclusive), else nil
	feed *changeFeed
}

// Open opens the Samspil database at path, creating it when the file does not
// exist, and brings its schema up to date. A file that is not a Samspil
// database, or that a newer Samspil wrote, is refused and left untouched.
func Open(path string) (*Store, error) {
	if IsServerURL(path) {
		return openServer(path)
	}
	if strings.ContainsAny(path, "?#") {
		return nil, &Error{Code: "err.db_path_chars", Args: map[string]any{"Path": path}}
	}
	fresh, err := inspectFile(path)
	if err == nil && fresh {
		err = createPrivate(path) // for the user alone, as its -wal and -shm will be
	}
	if err != nil {
		return nil, err
	}
	if !fresh {
		if err := checkWritable(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", path+"?"+dsnOptions)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, q: db, eng: sqliteEngine{}, path: path}
	if err := s.prepare(fresh); err != nil {
		db.Close()
		if fresh {
			removeDatabaseFiles(path)
		}
		return nil, err
	}
	narrowToUser(path) // a restored or older file, best effort
	return s, nil
}

// dsnOptions holds every connection setting, so each pooled connection has
// it. secure_delete makes SQLite overwrite what it deletes, so an erased
// person's values do not linger in the file's free space.
const dsnOptions = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=synchronous(NORMAL)&_pragma=secure_delete(1)&_txlock=immediate"

// inspectFile reads the SQLite header of path without opening it as a
// database, so that a foreign or newer file is never modified. It reports
// whether the file is absent or empty and so is to be created.
func inspectFile(path string) (fresh bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		dir := filepath.Dir(path)
		if st, derr := os.Stat(dir); derr != nil || !st.IsDir() {
			return false, &Error{Code: "err.db_no_folder", Args: map[string]any{"Path": dir}}
		}
		return true, nil
	}
	if err != nil {
		return false, &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	defer f.Close()
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if n == 0 && (err == io.EOF) {
		_, walErr := os.Stat(path + "-wal")
		return walErr != nil, nil
	}
	if err != nil || string(header[:16]) != "SQLite format 3\x00" {
		return false, &Error{Code: "err.db_not_samspil", Args: map[string]any{"Path": path}}
	}
	if binary.BigEndian.Uint32(header[68:72]) != ApplicationID {
		return false, &Error{Code: "err.db_not_samspil", Args: map[string]any{"Path": path}}
	}
	if v := int(binary.BigEndian.Uint32(header[60:64])); v > SchemaVersion() {
		return false, newerSchemaError(path, v)
	}
	return false, nil
}

func newerSchemaError(path string, v int) error {
	return &Error{Code: "err.db_newer", Args: map[string]any{"Path": path, "Version": v, "Supported": SchemaVersion()}}
}

func removeDatabaseFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// prepare checks the opened file and migrates it; a fresh file also gets its
// application id, the partnership settings row and its pseudonym secret.
func (s *Store) prepare(fresh bool) error {
	ctx := context.Background()
	if err := s.db.PingContext(ctx); err != nil {
		return classifyOpenError(s.path, err)
	}
	if !fresh && !s.eng.server() {
		var app int64
		if err := s.q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
			return classifyOpenError(s.path, err)
		}
		if app != ApplicationID {
			return &Error{Code: "err.db_not_samspil", Args: map[string]any{"Path": s.path}}
		}
	}
	if err := s.migrate(ctx, fresh); err != nil {
		return classifyOpenError(s.path, err)
	}
	return nil
}

func classifyOpenError(path string, err error) error {
	var de *Error
	if errors.As(err, &de) {
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		return &Error{Code: "err.db_read_only", Args: map[string]any{"Path": path}}
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed"):
		return &Error{Code: "err.db_damaged", Args: map[string]any{"Path": path, "Reason": msg}}
	}
	return &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": path, "Reason": msg}}
}

func (s *Store) initSettings(ctx context.Context, tx *sql.Tx) error {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (id, secret, created_at) VALUES (1, ?, ?)`,
		secret, time.Now().UTC().Format(time.RFC3339))
	return err
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// OnServer reports whether the register is on a PostgreSQL server rather
// than in a file on this PC.
func (s *Store) OnServer() bool { return s.eng.server() }

// Analyze refreshes the database's statistics after a bulk load (a demo, a
// copy onto a server, a large import), so the first reads after it are
// planned on what is there: without it, a server plans a fresh register's
// first export as if its tables were empty, and takes half again as long.
func (s *Store) Analyze(ctx context.Context) error {
	return s.classify(s.eng.analyze(ctx, s.db))
}

// Close checkpoints the write-ahead log, closes the database and releases
// the window's lock (when OpenExclusive took one).
func (s *Store) Close() error {
	_ = s.eng.flush(context.Background(), s.db)
	s.feed.stop()
	err := s.db.Close()
	s.lock.release()
	return err
}

// inTx is Samspil's one way to change the database: fn runs in one
// transaction (immediate in SQLite, so two writers queue rather than fail),
// which is committed when fn returns nil and rolled back otherwise — also
// when fn panics. A lost server connection comes back as ErrConnection.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return s.classify(err)
	}
	if err := tx.Commit(); err != nil {
		if s.eng.server() && connectionLost(err) {
			// The server may have committed before the line broke: saving
			// again could make a second person or be refused as stale.
			return &Error{Code: "err.connection_commit", Args: map[string]any{"Reason": serverReason(err)}}
		}
		return s.classify(err)
	}
	return nil
}

// Read runs fn on a view of the store whose reads all see the database as
// it was when Read began, so an export's tables and figures agree even
// while others register. The view cannot write.
func (s *Store) Read(ctx context.Context, fn func(view *Store) error) error {
	if s.q != querier(s.db) { // already a view: keep its moment
		return fn(s)
	}
	tx, err := s.db.BeginTx(ctx, s.eng.readOptions())
	if err != nil {
		return s.classify(err)
	}
	defer tx.Rollback()
	view := *s
	view.q = tx
	view.feed = nil
	view.lock = nil
	if err := fn(&view); err != nil {
		return s.classify(err)
	}
	return s.classify(tx.Commit())
}

// now is the timestamp written into created/updated columns.
func now() string { return time.Now().UTC().Format(time.RFC3339) }

// audit records an action in the audit log inside tx. details holds counts
// and ids, never names.
func audit(ctx context.Context, tx *sql.Tx, action, details string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit (at, action, details) VALUES (?, ?, ?)`, now(), action, details)
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}
