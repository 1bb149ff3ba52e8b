package data

import (
	"context"
	"database/sql"
)

// Consent is a person's consent for one purpose.
type Consent struct {
	ID          int64
	PersonID    int64
	Purpose     string // one of ConsentPurposes
	GivenOn     Date
	WithdrawnOn Date   // zero while the consent holds
	Method      string // how it was recorded, e.g. "skriftligt"
}

// Validate checks the consent.
func (c *Consent) Validate() error {
	var es Errors
	es.checkCode("purpose", c.Purpose, ConsentPurposes)
	if c.GivenOn.IsZero() {
		es.add("given_on", "err.required", nil)
	}
	es.checkPastDate("given_on", c.GivenOn)
	if !c.WithdrawnOn.IsZero() && c.WithdrawnOn.Before(c.GivenOn) {
		es.add("withdrawn_on", "err.end_before_start", nil)
	}
	es.checkShort("method", c.Method)
	return es.err()
}

// SaveConsent inserts or updates a consent record.
func (s *Store) SaveConsent(ctx context.Context, c *Consent) error {
	return s.Update(ctx, func(t *Tx) error { return t.SaveConsent(c) })
}

// Consents returns a person's consent records, newest first.
func (s *Store) Consents(ctx context.Context, personID int64) ([]Consent, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, person_id, purpose, given_on, withdrawn_on, method
		FROM consents WHERE person_id = ? ORDER BY given_on DESC, id DESC`, personID)
	return collect(rows, err, func(r *sql.Rows) (Consent, error) {
		var c Consent
		return c, r.Scan(&c.ID, &c.PersonID, &c.Purpose, &c.GivenOn, &c.WithdrawnOn, &c.Method)
	})
}

// Path is where a person went next: a job, education, another association.
type Path struct {
	ID          int64
	PersonID    int64
	Date        Date
	Kind        string // one of PathKinds
	Description string
}

// Validate checks the path.
func (p *Path) Validate() error {
	var es Errors
	if p.Date.IsZero() {
		es.add("date", "err.required", nil)
	}
	es.checkCode("kind", p.Kind, PathKinds)
	es.checkShort("description", p.Description)
	return es.err()
}

// SavePath inserts or updates an onward path.
func (s *Store) SavePath(ctx context.Context, p *Path) error {
	return s.Update(ctx, func(t *Tx) error { return t.SavePath(p) })
}

// Paths returns a person's onward paths, oldest first.
func (s *Store) Paths(ctx context.Context, personID int64) ([]Path, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, person_id, date, kind, description FROM paths
		WHERE person_id = ? ORDER BY date, id`, personID)
	return collect(rows, err, func(r *sql.Rows) (Path, error) {
		var p Path
		return p, r.Scan(&p.ID, &p.PersonID, &p.Date, &p.Kind, &p.Description)
	})
}

// DeletePath removes an onward path.
func (s *Store) DeletePath(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "paths", id)
}

// DeleteConsent removes a consent record entered by mistake (withdrawing a
// consent is an update that sets WithdrawnOn).
func (s *Store) DeleteConsent(ctx context.Context, id int64) error {
	return s.deleteByID(ctx, "consents", id)
}

// deleteVersioned deletes the row of table by id when its version is still
// version (0: not checked); otherwise it is refused as stale (see
// checkVersioned), or ErrNotFound when it is gone.
func (s *Store) deleteVersioned(ctx context.Context, table string, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?"+versionClause, id, version, version)
		if err != nil {
			return err
		}
		return checkVersioned(ctx, tx, res, table, id, nil)
	})
}

func (s *Store) deleteByID(ctx context.Context, table string, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return err
	}
	return expectOne(res)
}

// upsert runs insert when *id is 0 (and stores the new id) or update with
// the id appended to args.
func upsert(ctx context.Context, tx *sql.Tx, id *int64, insert, update string, args ...any) error {
	if *id == 0 {
		var err error
		*id, err = insertID(ctx, tx, insert, args...)
		return err
	}
	res, err := tx.ExecContext(ctx, update, append(args, *id)...)
	if err != nil {
		return err
	}
	return expectOne(res)
}
