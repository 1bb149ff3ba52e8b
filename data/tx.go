package data

import (
	"context"
	"database/sql"
)

// Tx is one unit of work: every change made through it is committed
// together or not at all. Imports and the demo generator put thousands of
// rows through one Tx; each Store.Save method is a Tx of one change.
type Tx struct {
	ctx context.Context
	tx  *sql.Tx
}

// Update runs fn in one immediate transaction, committing when fn returns
// nil and rolling everything back otherwise.
func (s *Store) Update(ctx context.Context, fn func(*Tx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return fn(&Tx{ctx: ctx, tx: tx}) })
}

// SavePerson validates and writes p, and first as their first group period
// when it is not nil.
func (t *Tx) SavePerson(p *Person, first *GroupPeriod) error {
	p.normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	if first != nil {
		if err := first.Validate(); err != nil {
			return err
		}
	}
	if err := savePerson(t.ctx, t.tx, p); err != nil {
		return err
	}
	if first != nil {
		first.PersonID = p.ID
		return addGroupPeriod(t.ctx, t.tx, first)
	}
	return nil
}

// AddGroupPeriod validates and adds a group period (see Store.AddGroupPeriod).
func (t *Tx) AddGroupPeriod(g *GroupPeriod) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return addGroupPeriod(t.ctx, t.tx, g)
}

// SaveActivity validates and writes an activity.
func (t *Tx) SaveActivity(a *Activity) error {
	a.normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	return saveActivity(t.ctx, t.tx, a)
}

// SaveOccasion validates and writes an occasion with its participants.
func (t *Tx) SaveOccasion(o *Occasion) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return saveOccasion(t.ctx, t.tx, o)
}

// SaveConsent validates and writes a consent record.
func (t *Tx) SaveConsent(c *Consent) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := mustExist(t.ctx, t.tx, "people", c.PersonID, "person"); err != nil {
		return err
	}
	return upsert(t.ctx, t.tx, &c.ID,
		`INSERT INTO consents (person_id, purpose, given_on, withdrawn_on, method) VALUES (?, ?, ?, ?, ?)`,
		`UPDATE consents SET person_id = ?, purpose = ?, given_on = ?, withdrawn_on = ?, method = ? WHERE id = ?`,
		c.PersonID, c.Purpose, c.GivenOn, c.WithdrawnOn, c.Method)
}

// SavePath validates and writes an onward path.
func (t *Tx) SavePath(p *Path) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := mustExist(t.ctx, t.tx, "people", p.PersonID, "person"); err != nil {
		return err
	}
	return upsert(t.ctx, t.tx, &p.ID,
		`INSERT INTO paths (person_id, date, kind, description) VALUES (?, ?, ?, ?)`,
		`UPDATE paths SET person_id = ?, date = ?, kind = ?, description = ? WHERE id = ?`,
		p.PersonID, p.Date, p.Kind, p.Description)
}

// SaveLogEntry validates and writes a logbook entry with its links.
func (t *Tx) SaveLogEntry(e *LogEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return saveLogEntry(t.ctx, t.tx, e)
}

// SetTargetSize records the target group's size for a year; 0 removes it.
func (t *Tx) SetTargetSize(year, size int) error {
	var es Errors
	if year < 1900 || year > 2200 {
		es.add("year", "err.range", map[string]any{"Min": 1900, "Max": 2200})
	}
	if size < 0 || size > 10_000_000 {
		es.add("size", "err.range", map[string]any{"Min": 0, "Max": 10_000_000})
	}
	if err := es.err(); err != nil {
		return err
	}
	if size == 0 {
		_, err := t.tx.ExecContext(t.ctx, `DELETE FROM target_sizes WHERE year = ?`, year)
		return err
	}
	_, err := t.tx.ExecContext(t.ctx, `INSERT INTO target_sizes (year, size) VALUES (?, ?)
		ON CONFLICT (year) DO UPDATE SET size = excluded.size`, year, size)
	return err
}

// SaveSettings validates and stores the partnership settings.
func (t *Tx) SaveSettings(st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(t.ctx, `UPDATE settings SET partnership = ?, organisation = ?, municipality = ?,
		balance_threshold = ?, no_consent_policy = ?, retention_months = ?, backups_kept = ? WHERE id = 1`,
		st.Partnership, st.Organisation, st.Municipality, st.BalanceThreshold, st.NoConsentPolicy,
		st.RetentionMonths, st.BackupsKept)
	return err
}

// Audit records an action (an import, say) in the audit log; details hold
// counts and ids, never names.
func (t *Tx) Audit(action, details string) error {
	return audit(t.ctx, t.tx, action, details)
}

// OccasionOn returns the activity's first occasion on the day as this
// transaction sees it, or ErrNotFound.
func (t *Tx) OccasionOn(activityID int64, day Date) (*Occasion, error) {
	return occasionOn(t.ctx, t.tx, activityID, day)
}

// ActivityByName returns the activity with the name (ignoring case) as this
// transaction sees it, or ErrNotFound.
func (t *Tx) ActivityByName(name string) (*Activity, error) {
	return activityByName(t.ctx, t.tx, name)
}
