package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Activity is something the partnership does: a recurring activity, a
// cause (sag), a workshop, a one-off event or a meeting.
type Activity struct {
	ID          int64
	Name        string
	Kind        string // one of ActivityKinds
	Status      string // one of ActivityStatuses
	Start, End  Date
	Place       string
	Description string
	InitiatorID int64 // the person who started it, or 0
	Version     int64 // as loaded; a save with an older one is refused (ErrStale)
}

// Validate checks every field.
func (a *Activity) Validate() error {
	var es Errors
	es.checkName("name", a.Name)
	es.checkCode("kind", a.Kind, ActivityKinds)
	es.checkCode("status", a.Status, ActivityStatuses)
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Before(a.Start) {
		es.add("end", "err.end_before_start", nil)
	}
	es.checkShort("place", a.Place)
	es.checkText("description", a.Description)
	return es.err()
}

// ActivityRow is one line of the activity list.
type ActivityRow struct {
	Activity
	InitiatorName string
	Occasions     int
	LastOccasion  Date
}

// SaveActivity inserts (ID 0) or updates an activity.
func (s *Store) SaveActivity(ctx context.Context, a *Activity) error {
	return s.Update(ctx, func(t *Tx) error { return t.SaveActivity(a) })
}

// normalize folds runs of white space in the name.
func (a *Activity) normalize() {
	a.Name = strings.Join(strings.Fields(a.Name), " ")
}

func saveActivity(ctx context.Context, tx *sql.Tx, a *Activity) error {
	if a.InitiatorID != 0 {
		if err := mustExist(ctx, tx, "people", a.InitiatorID, "initiator"); err != nil {
			return err
		}
	}
	args := []any{a.Name, a.Kind, a.Status, a.Start, a.End, a.Place, a.Description, nullID(a.InitiatorID)}
	if a.ID == 0 {
		var err error
		a.ID, err = insertID(ctx, tx, `INSERT INTO activities (name, kind, status, start_date, end_date, place,
			description, initiator_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, now())...)
		a.Version = 1
		return err
	}
	return updateVersioned(ctx, tx, "activities", `name = ?, kind = ?, status = ?, start_date = ?,
		end_date = ?, place = ?, description = ?, initiator_id = ?`, args, a.ID, &a.Version, nil)
}

const activityColumns = `a.id, a.name, a.kind, a.status, a.start_date, a.end_date, a.place, a.description,
	coalesce(a.initiator_id, 0), a.version`

func scanActivity(r interface{ Scan(...any) error }, a *Activity, extra ...any) error {
	return r.Scan(append([]any{&a.ID, &a.Name, &a.Kind, &a.Status, &a.Start, &a.End, &a.Place,
		&a.Description, &a.InitiatorID, &a.Version}, extra...)...)
}

// Activity returns the activity with the id, or ErrNotFound.
func (s *Store) Activity(ctx context.Context, id int64) (*Activity, error) {
	a := &Activity{}
	err := scanActivity(s.q.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activities a WHERE a.id = ?", id), a)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return a, err
}

// ActivityByName returns the activity with exactly that name (ignoring
// case), or ErrNotFound.
func (s *Store) ActivityByName(ctx context.Context, name string) (*Activity, error) {
	return activityByName(ctx, s.q, name)
}

func activityByName(ctx context.Context, q querier, name string) (*Activity, error) {
	a := &Activity{}
	err := scanActivity(q.QueryRowContext(ctx, "SELECT "+activityColumns+
		" FROM activities a WHERE lower(a.name) = lower(?) ORDER BY a.id LIMIT 1", strings.TrimSpace(name)), a)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return a, err
}

// Activities lists activities with their initiator, number of occasions and
// last occasion; active ones first, then by name. status "" lists all.
func (s *Store) Activities(ctx context.Context, status string) ([]ActivityRow, error) {
	where := ""
	var args []any
	if status != "" {
		where = "WHERE a.status = ?"
		args = append(args, status)
	}
	rows, err := s.q.QueryContext(ctx, fmt.Sprintf(`SELECT %s, coalesce(p.name, ''),
		(SELECT count(*) FROM occasions o WHERE o.activity_id = a.id),
		(SELECT max(date) FROM occasions o WHERE o.activity_id = a.id)
		FROM activities a LEFT JOIN people p ON p.id = a.initiator_id %s
		ORDER BY a.status != 'active', lower(a.name)`, activityColumns, where), args...)
	return collect(rows, err, func(r *sql.Rows) (ActivityRow, error) {
		var row ActivityRow
		err := scanActivity(r, &row.Activity, &row.InitiatorName, &row.Occasions, &row.LastOccasion)
		return row, err
	})
}

// DeleteActivity removes an activity that has no occasions; one with
// occasions is refused with err.activity_has_occasions.
func (s *Store) DeleteActivity(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		var n int
		err := tx.QueryRowContext(ctx, `SELECT name, (SELECT count(*) FROM occasions WHERE activity_id = a.id)
			FROM activities a WHERE id = ?`, id).Scan(&name, &n)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: "err.activity_has_occasions", Args: map[string]any{"Name": name, "Count": n}}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM activities WHERE id = ?`, id); err != nil {
			return err
		}
		return audit(ctx, tx, "delete_activity", fmt.Sprintf("activity=%d", id))
	})
}
