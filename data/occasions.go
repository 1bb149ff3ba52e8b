package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Occasion is one session, meeting or shift of an activity.
type Occasion struct {
	ID              int64
	ActivityID      int64
	Date            Date
	StartTime       string // "HH:MM" or ""
	EndTime         string // "HH:MM" or ""
	AnonymousGuests int    // people who came but are not registered by name
	Notes           string
	Participants    []Participation
	Version         int64 // as loaded; a save with an older one is refused (ErrStale)
}

// Participation is one person's part in one occasion.
type Participation struct {
	PersonID int64
	RoleID   int64
	Minutes  int // 0 when not recorded
}

var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// maxGuests bounds the anonymous guests of one occasion.
const maxGuests = 100000

// Validate checks the occasion and its participants.
func (o *Occasion) Validate() error {
	var es Errors
	if o.ActivityID == 0 {
		es.add("activity", "err.required", nil)
	}
	if o.Date.IsZero() {
		es.add("date", "err.required", nil)
	}
	es.checkDate("date", o.Date)
	for _, f := range []struct{ field, v string }{{"start_time", o.StartTime}, {"end_time", o.EndTime}} {
		if f.v != "" && !clockPattern.MatchString(f.v) {
			es.add(f.field, "err.time", nil)
		}
	}
	if o.StartTime != "" && o.EndTime != "" && o.EndTime < o.StartTime {
		es.add("end_time", "err.end_before_start", nil)
	}
	if o.AnonymousGuests < 0 || o.AnonymousGuests > maxGuests {
		es.add("anonymous_guests", "err.range", map[string]any{"Min": 0, "Max": maxGuests})
	}
	es.checkText("notes", o.Notes)
	seen := map[int64]bool{}
	for i, p := range o.Participants {
		switch {
		case p.PersonID == 0 || seen[p.PersonID]:
			es = append(es, &Error{Code: "err.participant_twice", Field: "participants", Row: i + 1})
		case p.RoleID == 0:
			es = append(es, &Error{Code: "err.role_required", Field: "participants", Row: i + 1})
		case p.Minutes < 0 || p.Minutes > 1440:
			es = append(es, &Error{Code: "err.range", Field: "minutes", Row: i + 1, Args: map[string]any{"Min": 0, "Max": 1440}})
		}
		seen[p.PersonID] = true
	}
	return es.err()
}

// SaveOccasion writes the occasion and replaces its participations, all in
// one transaction: either every participant is saved or none is.
func (s *Store) SaveOccasion(ctx context.Context, o *Occasion) error {
	return s.Update(ctx, func(t *Tx) error { return t.SaveOccasion(o) })
}

func saveOccasion(ctx context.Context, tx *sql.Tx, o *Occasion) error {
	if err := mustExist(ctx, tx, "activities", o.ActivityID, "activity"); err != nil {
		return err
	}
	args := []any{o.ActivityID, o.Date, o.StartTime, o.EndTime, o.AnonymousGuests, o.Notes}
	if o.ID == 0 {
		var err error
		if o.ID, err = insertID(ctx, tx, `INSERT INTO occasions (activity_id, date, start_time, end_time,
			anonymous_guests, notes, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, append(args, now())...); err != nil {
			return err
		}
		o.Version = 1
	} else {
		if err := checkMoveTarget(ctx, tx, o); err != nil {
			return err
		}
		err := updateVersioned(ctx, tx, "occasions", `activity_id = ?, date = ?, start_time = ?,
			end_time = ?, anonymous_guests = ?, notes = ?`, args, o.ID, &o.Version, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM participations WHERE occasion_id = ?`, o.ID); err != nil {
			return err
		}
	}
	if err := insertParticipations(ctx, tx, o); err != nil {
		return err
	}
	ids := make([]int64, len(o.Participants))
	for i, p := range o.Participants {
		ids[i] = p.PersonID
	}
	_, err := startFirstPeriodsBy(ctx, tx, o.Date, ids)
	return err
}

// checkMoveTarget refuses to move a recorded occasion to an activity, day
// and start time that already have one: two registrations of one meeting
// would count everyone twice. Another time that day is another session.
func checkMoveTarget(ctx context.Context, tx *sql.Tx, o *Occasion) error {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM occasions WHERE activity_id = ? AND date = ? AND start_time = ? AND id != ?
		AND EXISTS (SELECT 1 FROM occasions me WHERE me.id = ? AND (me.activity_id != ? OR me.date != ? OR me.start_time != ?)) LIMIT 1`,
		o.ActivityID, o.Date, o.StartTime, o.ID, o.ID, o.ActivityID, o.Date, o.StartTime).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &Error{Code: "err.occasion_exists", Field: "date", Args: map[string]any{"Date": o.Date}}
}

func insertParticipations(ctx context.Context, tx *sql.Tx, o *Occasion) error {
	if len(o.Participants) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO participations (occasion_id, person_id, role_id, minutes)
		VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, p := range o.Participants {
		if _, err := stmt.ExecContext(ctx, o.ID, p.PersonID, p.RoleID, nullInt(p.Minutes)); err != nil {
			if isForeignKeyError(err) {
				return &Error{Code: "err.unknown_ref", Field: "participants", Row: i + 1}
			}
			return err
		}
	}
	return nil
}

func isForeignKeyError(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "FOREIGN KEY") || strings.Contains(msg, "violates foreign key constraint")
}

// Occasion returns the occasion with its participants, or ErrNotFound.
func (s *Store) Occasion(ctx context.Context, id int64) (*Occasion, error) {
	return loadOccasion(ctx, s.q, id)
}

func loadOccasion(ctx context.Context, q querier, id int64) (*Occasion, error) {
	o := &Occasion{}
	err := q.QueryRowContext(ctx, `SELECT id, activity_id, date, start_time, end_time, anonymous_guests, notes, version
		FROM occasions WHERE id = ?`, id).
		Scan(&o.ID, &o.ActivityID, &o.Date, &o.StartTime, &o.EndTime, &o.AnonymousGuests, &o.Notes, &o.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT pa.person_id, pa.role_id, coalesce(pa.minutes, 0)
		FROM participations pa JOIN people p ON p.id = pa.person_id WHERE pa.occasion_id = ? ORDER BY p.name`, id)
	o.Participants, err = collect(rows, err, func(r *sql.Rows) (Participation, error) {
		var p Participation
		return p, r.Scan(&p.PersonID, &p.RoleID, &p.Minutes)
	})
	return o, err
}

// OccasionOn returns the activity's first occasion on the day, or ErrNotFound,
// so the registration screen can open an occasion already recorded.
func (s *Store) OccasionOn(ctx context.Context, activityID int64, day Date) (*Occasion, error) {
	return occasionOn(ctx, s.q, activityID, day)
}

func occasionOn(ctx context.Context, q querier, activityID int64, day Date) (*Occasion, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM occasions WHERE activity_id = ? AND date = ? ORDER BY id LIMIT 1`,
		activityID, day).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return loadOccasion(ctx, q, id)
}

// OccasionAt returns the activity's occasion on the day at the start time
// ("" for none given) — there is one, except in files from before the rule,
// where the first is given — or ErrNotFound.
func (s *Store) OccasionAt(ctx context.Context, activityID int64, day Date, start string) (*Occasion, error) {
	var id int64
	err := s.q.QueryRowContext(ctx, `SELECT id FROM occasions WHERE activity_id = ? AND date = ? AND start_time = ? ORDER BY twin, id LIMIT 1`,
		activityID, day, start).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return loadOccasion(ctx, s.q, id)
}

// HasOccasions reports whether any occasion is recorded at all, so that a
// new register can say so instead of showing figures of nothing.
func (s *Store) HasOccasions(ctx context.Context) (bool, error) {
	var recorded bool // EXISTS is a boolean in PostgreSQL, 1 or 0 in SQLite; both scan as bool
	err := s.q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM occasions)`).Scan(&recorded)
	return recorded, err
}

// LatestOccasion returns the activity's most recent occasion, or ErrNotFound.
func (s *Store) LatestOccasion(ctx context.Context, activityID int64) (*Occasion, error) {
	var id int64
	err := s.q.QueryRowContext(ctx, `SELECT id FROM occasions WHERE activity_id = ? ORDER BY date DESC, start_time DESC, id DESC LIMIT 1`,
		activityID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return s.Occasion(ctx, id)
}

// DeleteOccasion removes an occasion and its participations, refused as
// stale when someone changed it after version was loaded (0: not checked).
func (s *Store) DeleteOccasion(ctx context.Context, id, version int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM occasions WHERE id = ?`+versionClause, id, version, version)
		if err != nil {
			return err
		}
		if err := checkVersioned(ctx, tx, res, "occasions", id, nil); err != nil {
			return err
		}
		return audit(ctx, tx, "delete_occasion", fmt.Sprintf("occasion=%d", id))
	})
}

// OccasionRow is one line of an occasion list.
type OccasionRow struct {
	ID              int64
	ActivityID      int64
	ActivityName    string
	Date            Date
	StartTime       string
	Participants    int
	AnonymousGuests int
}

// Occasions lists occasions between from and to (inclusive), newest first;
// activityID 0 lists every activity's.
func (s *Store) Occasions(ctx context.Context, activityID int64, from, to Date) ([]OccasionRow, error) {
	from, to = periodBounds(from, to)
	rows, err := s.q.QueryContext(ctx, `SELECT o.id, o.activity_id, a.name, o.date, o.start_time,
		(SELECT count(*) FROM participations pa WHERE pa.occasion_id = o.id), o.anonymous_guests
		FROM occasions o JOIN activities a ON a.id = o.activity_id
		WHERE o.date BETWEEN ? AND ? AND (? = 0 OR o.activity_id = ?)
		ORDER BY o.date DESC, o.start_time DESC, o.id DESC`, from, to, activityID, activityID)
	return collect(rows, err, func(r *sql.Rows) (OccasionRow, error) {
		var o OccasionRow
		return o, r.Scan(&o.ID, &o.ActivityID, &o.ActivityName, &o.Date, &o.StartTime, &o.Participants, &o.AnonymousGuests)
	})
}
