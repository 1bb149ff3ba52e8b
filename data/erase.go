package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErasePerson honours the right to erasure while keeping the partnership's
// counts true: the name, contact data, notes, birth year and consent
// details go, the name leaves every free text (see scrubName), the person
// leaves every logbook entry, and their participations and group periods
// stay under an anonymous person. The erasure is logged (by id, never by
// name) and entered in the erasure register, so a restore of an older
// backup erases them again. Afterwards the write-ahead log is emptied into
// the file, whose freed space SQLite overwrites (secure_delete).
func (s *Store) ErasePerson(ctx context.Context, id int64) error {
	return s.erase(ctx, func(tx *sql.Tx) error { return erasePerson(ctx, tx, id) })
}

// erase runs an erasure's transaction, then checkpoints the write-ahead log
// so the erased values are gone from it too.
func (s *Store) erase(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.inTx(ctx, fn); err != nil {
		return err
	}
	return s.Checkpoint(ctx)
}

// Checkpoint copies the write-ahead log into the database file and empties
// it, so values removed since are in neither. A server keeps no such log
// of ours; there it does nothing.
func (s *Store) Checkpoint(ctx context.Context) error {
	return s.eng.flush(ctx, s.db)
}

func erasePerson(ctx context.Context, tx *sql.Tx, id int64) error {
	if err := anonymise(ctx, tx, id); err != nil {
		return err
	}
	if err := register(ctx, tx, id, "anonymise"); err != nil {
		return err
	}
	return audit(ctx, tx, "erase_person", fmt.Sprintf("person=%d", id))
}

// anonymise removes the person's identity inside tx (see ErasePerson),
// without registering or logging it.
func anonymise(ctx context.Context, tx *sql.Tx, id int64) error {
	var name string
	var erased bool
	err := tx.QueryRowContext(ctx, `SELECT name, anonymised FROM people WHERE id = ?`, id).Scan(&name, &erased)
	if errors.Is(err, sql.ErrNoRows) {
		return &Error{Code: "err.unknown_ref", Field: "person"}
	}
	if err != nil {
		return err
	}
	if !erased {
		if err := scrubName(ctx, tx, id, name); err != nil {
			return err
		}
	}
	anon := fmt.Sprintf("Anonym %d", id)
	_, err = tx.ExecContext(ctx, `UPDATE people SET name = ?, search_key = '', birth_year = NULL, gender = '',
		phone = '', email = '', notes = '', invited_by = NULL, anonymised = 1, updated_at = ?, version = version + 1 WHERE id = ?`, anon, now(), id)
	if err != nil {
		return err
	}
	steps := []string{
		`UPDATE consents SET method = '' WHERE person_id = ?`,
		`DELETE FROM logbook_people WHERE person_id = ?`,
		`UPDATE people SET invited_by = NULL, version = version + 1 WHERE invited_by = ?`,
		`UPDATE paths SET description = '' WHERE person_id = ?`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

// register enters an erasure in the erasure register: id, time and kind,
// never a name.
func register(ctx context.Context, tx *sql.Tx, id int64, kind string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO erasures (person_id, at, kind) VALUES (?, ?, ?)`, id, now(), kind)
	return err
}

// EraseMany anonymises several people in one transaction (a retention
// review's bulk erasure): all of them or none.
func (s *Store) EraseMany(ctx context.Context, ids []int64) error {
	return s.erase(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if err := erasePerson(ctx, tx, id); err != nil {
				return err
			}
		}
		return audit(ctx, tx, "erase_many", fmt.Sprintf("people=%d", len(ids)))
	})
}

// DeletePersonCompletely removes a person with everything recorded about
// them, participations included; the occasions' counts fall accordingly.
// It is the explicit choice beside ErasePerson: the name leaves every free
// text too, and the deletion is entered in the erasure register.
func (s *Store) DeletePersonCompletely(ctx context.Context, id int64) error {
	return s.erase(ctx, func(tx *sql.Tx) error { return deletePersonCompletely(ctx, tx, id) })
}

func deletePersonCompletely(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM participations WHERE person_id = ?`, id).Scan(&n)
	if err != nil {
		return err
	}
	if err := removePerson(ctx, tx, id); err != nil {
		return err
	}
	if err := register(ctx, tx, id, "delete"); err != nil {
		return err
	}
	return audit(ctx, tx, "delete_person_completely", fmt.Sprintf("person=%d participations=%d", id, n))
}

// removePerson deletes the person and their participations inside tx, with
// their name gone from every free text, without registering or logging it.
func removePerson(ctx context.Context, tx *sql.Tx, id int64) error {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM people WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if err := scrubName(ctx, tx, id, name); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM participations WHERE person_id = ?`, id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM people WHERE id = ?`, id)
	return err
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID      int64
	At      string
	Action  string
	Details string
	Login   string // the server login that did it; "" in a file, which has one user
}

// AuditLog returns the newest entries of the audit log first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, at, action, details, login FROM audit ORDER BY id DESC LIMIT ?`, limit)
	return collect(rows, err, func(r *sql.Rows) (AuditEntry, error) {
		var a AuditEntry
		return a, r.Scan(&a.ID, &a.At, &a.Action, &a.Details, &a.Login)
	})
}
