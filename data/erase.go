package data

import (
	"context"
	"database/sql"
	"fmt"
)

// ErasePerson honours the right to erasure while keeping the partnership's
// counts true: the name, contact data, notes, birth year and consent
// details go, the person leaves every logbook entry, and their
// participations and group periods stay under an anonymous person. The
// erasure is logged (by id, never by name).
func (s *Store) ErasePerson(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return erasePerson(ctx, tx, id) })
}

func erasePerson(ctx context.Context, tx *sql.Tx, id int64) error {
	if err := mustExist(ctx, tx, "people", id, "person"); err != nil {
		return err
	}
	anon := fmt.Sprintf("Anonym %d", id)
	_, err := tx.ExecContext(ctx, `UPDATE people SET name = ?, search_key = '', birth_year = NULL, gender = '',
		phone = '', email = '', notes = '', invited_by = NULL, anonymised = 1, updated_at = ?, version = version + 1 WHERE id = ?`, anon, now(), id)
	if err != nil {
		return err
	}
	steps := []string{
		`UPDATE consents SET method = '' WHERE person_id = ?`,
		`DELETE FROM logbook_people WHERE person_id = ?`,
		`UPDATE people SET invited_by = NULL WHERE invited_by = ?`,
		`UPDATE paths SET description = '' WHERE person_id = ?`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	return audit(ctx, tx, "erase_person", fmt.Sprintf("person=%d", id))
}

// EraseMany anonymises several people in one transaction (a retention
// review's bulk erasure): all of them or none.
func (s *Store) EraseMany(ctx context.Context, ids []int64) error {
	return s.Update(ctx, func(t *Tx) error {
		for _, id := range ids {
			if err := erasePerson(t.ctx, t.tx, id); err != nil {
				return err
			}
		}
		return t.Audit("erase_many", fmt.Sprintf("people=%d", len(ids)))
	})
}

// DeletePersonCompletely removes a person with everything recorded about
// them, participations included; the occasions' counts fall accordingly.
// It is the explicit choice beside ErasePerson.
func (s *Store) DeletePersonCompletely(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM participations WHERE person_id = ?`, id).Scan(&n)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM participations WHERE person_id = ?`, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := expectOne(res); err != nil {
			return err
		}
		return audit(ctx, tx, "delete_person_completely", fmt.Sprintf("person=%d participations=%d", id, n))
	})
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID      int64
	At      string
	Action  string
	Details string
}

// AuditLog returns the newest entries of the audit log first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, at, action, details FROM audit ORDER BY id DESC LIMIT ?`, limit)
	return collect(rows, err, func(r *sql.Rows) (AuditEntry, error) {
		var a AuditEntry
		return a, r.Scan(&a.ID, &a.At, &a.Action, &a.Details)
	})
}
