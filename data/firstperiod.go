package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// A person's first group period usually starts on their first contact,
// which defaults to the day they were registered. History entered after
// the fact (last week's occasion, last term's tick-sheet) then falls before
// it and would count under no group. The functions here keep the first
// period in step with what is known of the person's history.

// firstPeriod is a person's earliest group period and first contact.
type firstPeriod struct {
	id           int64
	start, end   Date // end zero while open
	firstContact Date
}

// loadFirstPeriod returns the person's earliest period, or ok false when
// they have none.
func loadFirstPeriod(ctx context.Context, q querier, personID int64) (fp firstPeriod, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT g.id, g.start_date, g.end_date, p.first_contact
		FROM group_periods g JOIN people p ON p.id = g.person_id
		WHERE g.person_id = ? ORDER BY g.start_date LIMIT 1`, personID).
		Scan(&fp.id, &fp.start, &fp.end, &fp.firstContact)
	if errors.Is(err, sql.ErrNoRows) {
		return fp, false, nil
	}
	return fp, err == nil, err
}

// startFirstPeriodsBy moves back the first period (and the first contact)
// of each participant of an occasion on day whose first contact and first
// period both lie after day: they took part that day, so the first contact
// recorded (by default the day they were registered) cannot be right, and
// the group they were registered with is the best knowledge of the group
// they came in. A period that starts later than a first contact on or
// before day was set on purpose and is left alone. It returns how many
// people were moved; the move is logged.
func startFirstPeriodsBy(ctx context.Context, tx *sql.Tx, day Date, personIDs []int64) (int, error) {
	if len(personIDs) == 0 {
		return 0, nil
	}
	ids := make([]any, len(personIDs))
	for i, id := range personIDs {
		ids[i] = id
	}
	all, err := lateFirstPeriods(ctx, tx, day, ids)
	if err != nil || len(all) == 0 {
		return 0, err
	}
	for _, l := range all {
		if err := moveFirstPeriodStart(ctx, tx, l.person, l.period, day); err != nil {
			return 0, err
		}
	}
	return len(all), audit(ctx, tx, "first_period_moved", fmt.Sprintf("people=%d date=%s", len(all), day))
}

// moveFirstPeriodStart starts the person's first period on day, and moves
// their first contact to day when it was later.
func moveFirstPeriodStart(ctx context.Context, tx *sql.Tx, personID, periodID int64, day Date) error {
	if _, err := tx.ExecContext(ctx, `UPDATE group_periods SET start_date = ?, version = version + 1 WHERE id = ?`, day, periodID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE people SET first_contact = ?, version = version + 1
		WHERE id = ? AND (first_contact IS NULL OR first_contact > ?)`, day, personID, day)
	return err
}

// followFirstContact moves a first period that starts on the person's old
// first contact to the new one, so that correcting the first contact
// corrects the group history with it. It refuses a later first contact
// that would leave participations before it without a group, and one
// after the first period's end.
func followFirstContact(ctx context.Context, tx *sql.Tx, personID int64, old, new Date) error {
	if old == new || old.IsZero() || new.IsZero() {
		return nil
	}
	fp, ok, err := loadFirstPeriod(ctx, tx, personID)
	if err != nil || !ok || fp.start != old {
		return err
	}
	if !fp.end.IsZero() && new.After(fp.end) {
		return &Error{Code: "err.first_contact_after_period", Field: "first_contact", Args: map[string]any{"Date": fp.end}}
	}
	if new.After(old) {
		var n int
		var first Date
		err := tx.QueryRowContext(ctx, `SELECT count(*), min(o.date) FROM participations pa
			JOIN occasions o ON o.id = pa.occasion_id WHERE pa.person_id = ? AND o.date < ?`, personID, new).Scan(&n, &first)
		if err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: "err.first_contact_after_participation", Field: "first_contact", Args: map[string]any{"Count": n, "Date": first}}
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE group_periods SET start_date = ?, version = version + 1 WHERE id = ?`, new, fp.id)
	return err
}

// EarlyParticipations counts the participations that fall before their
// person's first group period, and the people they belong to: history that
// counts under no group. Files made before first periods followed history
// have them.
func (s *Store) EarlyParticipations(ctx context.Context) (people, participations int, err error) {
	err = s.q.QueryRowContext(ctx, `SELECT count(DISTINCT e.person_id), count(*) FROM (`+earlyParticipationsSQL+`) e`).
		Scan(&people, &participations)
	return people, participations, err
}

// earlyParticipationsSQL selects person_id and date of each participation
// before the person's first group period by someone whose recorded first
// contact is after it too (or missing): the registration default that
// history entered later contradicts. A first period that starts after a
// first contact on or before the participation was set on purpose and is
// not counted (the same rule as startFirstPeriodsBy).
const earlyParticipationsSQL = `SELECT pa.person_id, o.date FROM participations pa
	JOIN occasions o ON o.id = pa.occasion_id
	JOIN people p ON p.id = pa.person_id
	JOIN (SELECT person_id, min(start_date) AS first_start FROM group_periods GROUP BY person_id) f
	  ON f.person_id = pa.person_id
	WHERE o.date < f.first_start AND (p.first_contact IS NULL OR p.first_contact > o.date)`

// RepairEarlyParticipations starts each person's first group period (and
// their first contact, when later) on their earliest participation that
// falls before it, in one transaction, and logs how many people and
// participations it moved into a group.
func (s *Store) RepairEarlyParticipations(ctx context.Context) (people, participations int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT e.person_id, min(e.date), count(*) FROM (`+earlyParticipationsSQL+`) e
			GROUP BY e.person_id`)
		type early struct {
			person int64
			first  Date
		}
		var all []early
		all, err = collect(rows, err, func(r *sql.Rows) (early, error) {
			var e early
			var n int
			err := r.Scan(&e.person, &e.first, &n)
			participations += n
			return e, err
		})
		if err != nil {
			return err
		}
		for _, e := range all {
			fp, ok, err := loadFirstPeriod(ctx, tx, e.person)
			if err != nil || !ok {
				return err
			}
			if err := moveFirstPeriodStart(ctx, tx, e.person, fp.id, e.first); err != nil {
				return err
			}
		}
		people = len(all)
		return audit(ctx, tx, "repair_first_periods", fmt.Sprintf("people=%d participations=%d", people, participations))
	})
	if err != nil {
		return 0, 0, err
	}
	return people, participations, nil
}

// ungroupedParticipations counts the person's participations on days no
// group period covers.
func ungroupedParticipations(ctx context.Context, q querier, personID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM participations pa JOIN occasions o ON o.id = pa.occasion_id
		WHERE pa.person_id = ? AND NOT EXISTS (SELECT 1 FROM group_periods g WHERE g.person_id = pa.person_id
		AND g.start_date <= o.date AND (g.end_date IS NULL OR g.end_date >= o.date))`, personID).Scan(&n)
	return n, err
}

// GroupsCounted returns the group each person counts under when they take
// part on day: their group that day, or — for someone whose first contact
// and first period lie after day — the first period's group, which saving
// the participation moves back to day (see startFirstPeriodsBy). People
// with neither are missing (GroupUnknown).
func (s *Store) GroupsCounted(ctx context.Context, day Date, personIDs []int64) (map[int64]Group, error) {
	out, err := s.GroupsOn(ctx, day, personIDs)
	if err != nil {
		return nil, err
	}
	var missing []any
	for _, id := range personIDs {
		if _, ok := out[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	firsts, err := lateFirstPeriods(ctx, s.q, day, missing)
	for _, f := range firsts {
		out[f.person] = f.group
	}
	return out, err
}

// lateFirstPeriod is a first group period that starts after a day the
// person took part, with a first contact after it too (or none).
type lateFirstPeriod struct {
	person, period int64
	group          Group
}

// lateFirstPeriods returns the late first periods, relative to day, of the
// people with the ids.
func lateFirstPeriods(ctx context.Context, q querier, day Date, ids []any) ([]lateFirstPeriod, error) {
	// Driven from the people (by key): only someone whose first contact is
	// after day can qualify, which rules out nearly everyone at once.
	rows, err := q.QueryContext(ctx, fmt.Sprintf(`SELECT p.id, g.id, g.grp FROM people p
		JOIN group_periods g ON g.id = (SELECT id FROM group_periods WHERE person_id = p.id ORDER BY start_date LIMIT 1)
		WHERE p.id IN (%s) AND (p.first_contact IS NULL OR p.first_contact > ?) AND g.start_date > ?`,
		placeholders(len(ids))), append(ids, day, day)...)
	return collect(rows, err, func(r *sql.Rows) (lateFirstPeriod, error) {
		var l lateFirstPeriod
		return l, r.Scan(&l.person, &l.period, &l.group)
	})
}
