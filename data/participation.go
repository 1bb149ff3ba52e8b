package data

import (
	"context"
	"database/sql"
	"math"
)

// Regular is someone who has taken part in an activity, for the tick-list
// of the registration screen.
type Regular struct {
	PersonID int64
	Name     string
	LastDate Date  // their latest occasion in the activity
	LastRole int64 // the role they had then
	Times    int   // how many occasions of the activity they came to
}

// Regulars returns the people who took part in the activity, the most
// recent first, at most limit of them (0 for all).
func (s *Store) Regulars(ctx context.Context, activityID int64, limit int) ([]Regular, error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	// One group per person with the key of their latest occasion (date,
	// then id, the id as a fixed-width number), then that occasion's role
	// by primary key in a subquery per person — the same text in both
	// engines, and as fast as SQLite's bare column beside max(). (As a
	// join, PostgreSQL's planner, expecting thousands of groups, read all
	// participations into a hash: ten times slower.)
	rows, err := s.q.QueryContext(ctx, `SELECT x.person_id, x.name, substr(x.last, 1, 10),
			(SELECT pa.role_id FROM participations pa WHERE pa.person_id = x.person_id
				AND pa.occasion_id = CAST(substr(x.last, 12) AS BIGINT) - 1000000000000), x.n FROM (
			SELECT pa.person_id, p.name, max(o.date || ' ' || CAST(1000000000000 + o.id AS TEXT)) AS last, count(*) AS n
			FROM occasions o
			JOIN participations pa ON pa.occasion_id = o.id
			JOIN people p ON p.id = pa.person_id
			WHERE o.activity_id = ? AND p.anonymised = 0
			GROUP BY pa.person_id, p.name) x
		ORDER BY substr(x.last, 1, 10) DESC, x.name LIMIT ?`, activityID, limit)
	return collect(rows, err, func(r *sql.Rows) (Regular, error) {
		var g Regular
		return g, r.Scan(&g.PersonID, &g.Name, &g.LastDate, &g.LastRole, &g.Times)
	})
}

// LastRole returns the role the person had at their latest occasion of the
// activity, or 0 when they never took part in it.
func (s *Store) LastRole(ctx context.Context, personID, activityID int64) (int64, error) {
	var role int64
	err := s.q.QueryRowContext(ctx, `SELECT pa.role_id FROM participations pa
		JOIN occasions o ON o.id = pa.occasion_id
		WHERE pa.person_id = ? AND o.activity_id = ? ORDER BY o.date DESC, o.id DESC LIMIT 1`,
		personID, activityID).Scan(&role)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return role, err
}

// TimelineEntry is one participation on a person's path.
type TimelineEntry struct {
	OccasionID   int64
	Date         Date
	ActivityID   int64
	ActivityName string
	ActivityKind string
	RoleID       int64
	RoleCode     string
	RoleLevel    int
	Professional bool
	Group        Group // the person's group on that day
	Minutes      int
}

// Timeline returns every participation of the person in date order, with
// the activity, the role and the group the person had that day.
func (s *Store) Timeline(ctx context.Context, personID int64) ([]TimelineEntry, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT o.id, o.date, a.id, a.name, a.kind, r.id, r.code, r.level,
			r.professional, coalesce((SELECT g.grp FROM group_periods g WHERE g.person_id = pa.person_id
				AND g.start_date <= o.date AND (g.end_date IS NULL OR g.end_date >= o.date) LIMIT 1), ''),
			coalesce(pa.minutes, 0)
		FROM participations pa
		JOIN occasions o ON o.id = pa.occasion_id
		JOIN activities a ON a.id = o.activity_id
		JOIN roles r ON r.id = pa.role_id
		WHERE pa.person_id = ? ORDER BY o.date, o.start_time, o.id`, personID)
	return collect(rows, err, func(r *sql.Rows) (TimelineEntry, error) {
		var t TimelineEntry
		return t, r.Scan(&t.OccasionID, &t.Date, &t.ActivityID, &t.ActivityName, &t.ActivityKind, &t.RoleID,
			&t.RoleCode, &t.RoleLevel, &t.Professional, &t.Group, &t.Minutes)
	})
}

// Balance is the mix of one occasion: how many of the registered people
// are in the target group, against the partnership's threshold.
type Balance struct {
	Target    int     // people in the target group that day
	Total     int     // people registered
	Share     float64 // Target / Total, 0 when Total is 0
	Threshold float64
	Over      bool // Share is above Threshold
}

// BalanceOf computes the balance of the groups against the threshold.
func BalanceOf(groups []Group, threshold float64) Balance {
	b := Balance{Total: len(groups), Threshold: threshold}
	for _, g := range groups {
		if g == GroupTarget {
			b.Target++
		}
	}
	if b.Total > 0 {
		b.Share = float64(b.Target) / float64(b.Total)
	}
	b.Over = b.Share > threshold
	return b
}
