package data

import (
	"context"
	"database/sql"
	"strings"
)

// The reads in this file are what the research export and the indicators
// take from the register, as plain rows: one SQL text each for SQLite and
// PostgreSQL. Call them on the view of one Store.Read, so that an export's
// tables and figures come from the same moment while others register.
// Dates given as from and to are inclusive; a zero one leaves that end open.

// ResearchPerson is what the export and the indicators know of a person.
type ResearchPerson struct {
	ID              int64
	Name            string
	BirthYear       int // 0: not known
	Gender          string
	EntryChannel    string
	InvitedBy       int64 // 0: nobody
	FirstContact    Date
	Anonymised      bool // erased: no name left
	ResearchConsent bool // holds a research consent that is not withdrawn
}

// ResearchPeople returns every person, in id order.
func (s *Store) ResearchPeople(ctx context.Context) ([]ResearchPerson, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT p.id, p.name, coalesce(p.birth_year, 0), p.gender, p.entry_channel,
			coalesce(p.invited_by, 0), p.first_contact, p.anonymised,
			EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id AND c.purpose = 'research' AND c.withdrawn_on IS NULL)
		FROM people p ORDER BY p.id`)
	return collect(rows, err, func(r *sql.Rows) (ResearchPerson, error) {
		var p ResearchPerson
		var anonymised int64
		err := r.Scan(&p.ID, &p.Name, &p.BirthYear, &p.Gender, &p.EntryChannel, &p.InvitedBy, &p.FirstContact,
			&anonymised, &p.ResearchConsent)
		p.Anonymised = anonymised == 1
		return p, err
	})
}

// between is the condition that the column lies between from and to (a
// zero bound open), with its arguments.
func between(column string, from, to Date) (string, []any) {
	switch {
	case from.IsZero() && to.IsZero():
		return "1 = 1", nil
	case from.IsZero():
		return column + " <= ?", []any{to}
	case to.IsZero():
		return column + " >= ?", []any{from}
	}
	return column + " BETWEEN ? AND ?", []any{from, to}
}

// RegisterSize counts every occasion and participation in the register.
func (s *Store) RegisterSize(ctx context.Context) (occasions, participations int, err error) {
	err = s.q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM occasions), (SELECT count(*) FROM participations)`).
		Scan(&occasions, &participations)
	return occasions, participations, err
}

// PeriodCounts counts the occasions of the period and their participations.
func (s *Store) PeriodCounts(ctx context.Context, from, to Date) (occasions, participations int, err error) {
	cond, args := between("o.date", from, to)
	err = s.q.QueryRowContext(ctx, `SELECT count(DISTINCT o.id), count(pa.person_id) FROM occasions o
		LEFT JOIN participations pa ON pa.occasion_id = o.id WHERE `+cond, args...).
		Scan(&occasions, &participations)
	return occasions, participations, err
}

// OccasionDates returns the days of the first and the last occasion
// registered; both are zero when there is none.
func (s *Store) OccasionDates(ctx context.Context) (first, last Date, err error) {
	err = s.q.QueryRowContext(ctx, `SELECT min(date), max(date) FROM occasions`).Scan(&first, &last)
	return first, last, err
}

// ParticipationCounts returns, for each person who took part in the
// period, the number of their participations.
func (s *Store) ParticipationCounts(ctx context.Context, from, to Date) (map[int64]int, error) {
	cond, args := between("o.date", from, to)
	rows, err := s.q.QueryContext(ctx, `SELECT pa.person_id, count(*) FROM occasions o
		JOIN participations pa ON pa.occasion_id = o.id WHERE `+cond+` GROUP BY pa.person_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// ParticipationSpan is the first and the last day a person took part.
type ParticipationSpan struct{ First, Last Date }

// ParticipationBefore returns, for each person who took part before day,
// the first and the last of those participations.
func (s *Store) ParticipationBefore(ctx context.Context, day Date) (map[int64]ParticipationSpan, error) {
	// Through the occasions' date index: only the years before are read.
	rows, err := s.q.QueryContext(ctx, `SELECT pa.person_id, min(o.date), max(o.date)
		FROM occasions o JOIN participations pa ON pa.occasion_id = o.id WHERE o.date < ? GROUP BY pa.person_id`, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]ParticipationSpan{}
	for rows.Next() {
		var id int64
		var sp ParticipationSpan
		if err := rows.Scan(&id, &sp.First, &sp.Last); err != nil {
			return nil, err
		}
		out[id] = sp
	}
	return out, rows.Err()
}

// ResearchActivity is what the export and the indicators know of an
// activity.
type ResearchActivity struct {
	ID          int64
	Name        string
	Kind        string
	Status      string
	Start, End  Date
	InitiatorID int64 // 0: none
}

// researchActivityColumns are the columns of a ResearchActivity, in order.
const researchActivityColumns = `a.id, a.name, a.kind, a.status, a.start_date, a.end_date, coalesce(a.initiator_id, 0)`

// ResearchActivities returns every activity, in id order.
func (s *Store) ResearchActivities(ctx context.Context) ([]ResearchActivity, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT `+researchActivityColumns+` FROM activities a ORDER BY a.id`)
	return collect(rows, err, func(r *sql.Rows) (ResearchActivity, error) {
		var a ResearchActivity
		err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Status, &a.Start, &a.End, &a.InitiatorID)
		return a, err
	})
}

// PeriodActivity is an activity with its number of occasions in a period.
type PeriodActivity struct {
	ResearchActivity
	Occasions int
}

// ActivitiesInPeriod returns, in id order, the activities that had an
// occasion in the period or started in it, each with its number of
// occasions there.
func (s *Store) ActivitiesInPeriod(ctx context.Context, from, to Date) ([]PeriodActivity, error) {
	inPeriod, args := between("o.date", from, to)
	started, startArgs := between("a.start_date", from, to)
	all := append(append(append([]any{}, args...), args...), startArgs...)
	rows, err := s.q.QueryContext(ctx, `SELECT `+researchActivityColumns+`,
			(SELECT count(*) FROM occasions o WHERE o.activity_id = a.id AND `+inPeriod+`)
		FROM activities a
		WHERE EXISTS (SELECT 1 FROM occasions o WHERE o.activity_id = a.id AND `+inPeriod+`)
			OR (`+started+`)
		ORDER BY a.id`, all...)
	return collect(rows, err, func(r *sql.Rows) (PeriodActivity, error) {
		var a PeriodActivity
		err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Status, &a.Start, &a.End, &a.InitiatorID, &a.Occasions)
		return a, err
	})
}

// PeriodOccasion is an occasion of a period with who took part.
type PeriodOccasion struct {
	ID, ActivityID     int64
	Date               Date
	StartTime, EndTime string // "" when not given
	Guests             int    // anonymous guests
	PersonIDs          []int64
}

// OccasionsInPeriod returns the period's occasions in order of day, start
// time and id, each with its participants in id order.
func (s *Store) OccasionsInPeriod(ctx context.Context, from, to Date) ([]PeriodOccasion, error) {
	cond, args := between("o.date", from, to)
	rows, err := s.q.QueryContext(ctx, `SELECT o.id, o.activity_id, o.date, o.start_time, o.end_time, o.anonymous_guests,
			string_agg(CAST(pa.person_id AS TEXT), ',' ORDER BY pa.person_id)
		FROM occasions o LEFT JOIN participations pa ON pa.occasion_id = o.id
		WHERE `+cond+`
		GROUP BY o.id, o.activity_id, o.date, o.start_time, o.end_time, o.anonymous_guests
		ORDER BY o.date, o.start_time, o.id`, args...)
	return collect(rows, err, func(r *sql.Rows) (PeriodOccasion, error) {
		var o PeriodOccasion
		var people sql.NullString
		if err := r.Scan(&o.ID, &o.ActivityID, &o.Date, &o.StartTime, &o.EndTime, &o.Guests, &people); err != nil {
			return o, err
		}
		for f := range strings.SplitSeq(people.String, ",") {
			if f != "" {
				o.PersonIDs = append(o.PersonIDs, parseID(f))
			}
		}
		return o, nil
	})
}

// parseID reads a non-negative decimal id from the database's own text.
func parseID(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// ParticipationRow is one participation with its occasion's activity and day.
type ParticipationRow struct {
	OccasionID, ActivityID int64
	PersonID, RoleID       int64
	Date                   Date
	Minutes                int // 0: not given
}

// EachParticipation calls fn with each of the period's participations, in
// order of day, occasion and person, without holding them all in memory.
// fn must not use the store: the query is still reading (on PostgreSQL a
// connection reads one result at a time). An error from fn stops the walk
// and is returned.
func (s *Store) EachParticipation(ctx context.Context, from, to Date, fn func(ParticipationRow) error) error {
	cond, args := between("o.date", from, to)
	rows, err := s.q.QueryContext(ctx, `SELECT pa.occasion_id, o.activity_id, o.date, pa.person_id,
			pa.role_id, coalesce(pa.minutes, 0)
		FROM occasions o JOIN participations pa ON pa.occasion_id = o.id
		WHERE `+cond+` ORDER BY o.date, o.id, pa.person_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p ParticipationRow
		if err := rows.Scan(&p.OccasionID, &p.ActivityID, &p.Date, &p.PersonID, &p.RoleID, &p.Minutes); err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PersonRole is one participant of an occasion and their role.
type PersonRole struct{ PersonID, RoleID int64 }

// OccasionRoles is an occasion with who took part in which role.
type OccasionRoles struct {
	ID, ActivityID int64
	Date           Date
	Guests         int          // anonymous guests
	Participants   []PersonRole // in person id order
}

// EachOccasionRoles calls fn with each occasion up to and including the
// day to, in order of day and id, with its participants. The value passed
// (and its Participants) is reused for the next occasion: copy what you
// keep. fn must not use the store, as for EachParticipation. One row per
// occasion passes far fewer rows through database/sql than one per
// participation, which is what ten years of indicators spend their time on.
func (s *Store) EachOccasionRoles(ctx context.Context, to Date, fn func(*OccasionRoles) error) error {
	cond, args := between("o.date", Date{}, to)
	rows, err := s.q.QueryContext(ctx, `SELECT o.id, o.activity_id, o.date, o.anonymous_guests,
			(SELECT string_agg(CAST(pa.person_id AS TEXT) || ':' || CAST(pa.role_id AS TEXT), ',' ORDER BY pa.person_id)
				FROM participations pa WHERE pa.occasion_id = o.id)
		FROM occasions o WHERE `+cond+` ORDER BY o.date, o.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var o OccasionRoles
	var pairs sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&o.ID, &o.ActivityID, &o.Date, &o.Guests, &pairs); err != nil {
			return err
		}
		o.Participants = o.Participants[:0]
		for rest := string(pairs); len(rest) > 0; {
			var pair string
			pair, rest, _ = strings.Cut(rest, ",")
			person, role, _ := strings.Cut(pair, ":")
			o.Participants = append(o.Participants, PersonRole{parseID(person), parseID(role)})
		}
		if err := fn(&o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PathsBetween returns the onward paths taken in the period, in order of
// day and id.
func (s *Store) PathsBetween(ctx context.Context, from, to Date) ([]Path, error) {
	cond, args := between("date", from, to)
	rows, err := s.q.QueryContext(ctx, `SELECT id, person_id, date, kind, description FROM paths
		WHERE `+cond+` ORDER BY date, id`, args...)
	return collect(rows, err, func(r *sql.Rows) (Path, error) {
		var p Path
		err := r.Scan(&p.ID, &p.PersonID, &p.Date, &p.Kind, &p.Description)
		return p, err
	})
}
