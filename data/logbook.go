package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// LogEntry is a logbook note: what happened, who was mentioned, and which
// promoters or inhibitors of participation it is about.
type LogEntry struct {
	ID         int64
	Date       Date
	Author     string
	ActivityID int64 // 0 when not about one activity
	OccasionID int64 // 0 when not about one occasion
	Text       string
	PersonIDs  []int64
	ThemeIDs   []int64
	Version    int64 // as loaded; a save with an older one is refused (ErrStale)
}

// Validate checks the entry.
func (e *LogEntry) Validate() error {
	var es Errors
	if e.Date.IsZero() {
		es.add("date", "err.required", nil)
	}
	es.checkPastDate("date", e.Date)
	es.checkShort("author", e.Author)
	es.checkText("text", e.Text)
	if strings.TrimSpace(e.Text) == "" && len(e.ThemeIDs) == 0 {
		es.add("text", "err.required", nil)
	}
	return es.err()
}

// SaveLogEntry inserts or updates an entry with its people and themes in one
// transaction.
func (s *Store) SaveLogEntry(ctx context.Context, e *LogEntry) error {
	return s.Update(ctx, func(t *Tx) error { return t.SaveLogEntry(e) })
}

func saveLogEntry(ctx context.Context, tx *sql.Tx, e *LogEntry) error {
	if e.OccasionID != 0 {
		var act int64
		if err := tx.QueryRowContext(ctx, `SELECT activity_id FROM occasions WHERE id = ?`, e.OccasionID).Scan(&act); err != nil {
			return &Error{Code: "err.unknown_ref", Field: "occasion"}
		}
		e.ActivityID = act
	}
	if e.ActivityID != 0 {
		if err := mustExist(ctx, tx, "activities", e.ActivityID, "activity"); err != nil {
			return err
		}
	}
	args := []any{e.Date, strings.TrimSpace(e.Author), nullID(e.ActivityID), nullID(e.OccasionID), e.Text}
	if e.ID == 0 {
		var err error
		if e.ID, err = insertID(ctx, tx, `INSERT INTO logbook (date, author, activity_id, occasion_id, text, changed_at)
			VALUES (?, ?, ?, ?, ?, ?)`, append(args, now())...); err != nil {
			return err
		}
		e.Version = 1
	} else {
		err := updateVersioned(ctx, tx, "logbook", `date = ?, author = ?, activity_id = ?, occasion_id = ?, text = ?`,
			args, e.ID, &e.Version, nil)
		if err != nil {
			return err
		}
	}
	if err := replaceLinks(ctx, tx, "logbook_people", "person_id", e.ID, e.PersonIDs, "people"); err != nil {
		return err
	}
	return replaceLinks(ctx, tx, "logbook_themes", "theme_id", e.ID, e.ThemeIDs, "themes")
}

func replaceLinks(ctx context.Context, tx *sql.Tx, table, column string, entry int64, ids []int64, field string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE entry_id = ?", entry); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+" (entry_id, "+column+") VALUES (?, ?) ON CONFLICT DO NOTHING", entry, id); err != nil {
			if isForeignKeyError(err) {
				return &Error{Code: "err.unknown_ref", Field: field}
			}
			return err
		}
	}
	return nil
}

// LogEntry returns the entry with its links, or ErrNotFound.
func (s *Store) LogEntry(ctx context.Context, id int64) (*LogEntry, error) {
	e := &LogEntry{}
	err := s.q.QueryRowContext(ctx, `SELECT id, date, author, coalesce(activity_id, 0), coalesce(occasion_id, 0), text, version
		FROM logbook WHERE id = ?`, id).Scan(&e.ID, &e.Date, &e.Author, &e.ActivityID, &e.OccasionID, &e.Text, &e.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if e.PersonIDs, err = s.ids(ctx, `SELECT person_id FROM logbook_people WHERE entry_id = ?`, id); err != nil {
		return nil, err
	}
	e.ThemeIDs, err = s.ids(ctx, `SELECT theme_id FROM logbook_themes WHERE entry_id = ?`, id)
	return e, err
}

func (s *Store) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.q.QueryContext(ctx, query, args...)
	return collect(rows, err, func(r *sql.Rows) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
}

// DeleteLogEntry removes an entry.
//
// version is the entry's version as the form loaded it (0: not checked): an
// entry someone else changed since is not deleted but refused as stale,
// naming who and when on a server, so their words are never thrown away
// unseen.
func (s *Store) DeleteLogEntry(ctx context.Context, id, version int64) error {
	return s.deleteVersioned(ctx, "logbook", id, version)
}

// LogFilter selects logbook entries; zero fields do not filter.
type LogFilter struct {
	ActivityID int64
	ThemeID    int64
	PersonID   int64
	From, To   Date
}

// LogRow is one line of the logbook list.
type LogRow struct {
	ID           int64
	Date         Date
	Author       string
	ActivityName string
	ThemeIDs     []int64
	Text         string
}

// LogEntries lists entries matching f, newest first.
func (s *Store) LogEntries(ctx context.Context, f LogFilter) ([]LogRow, error) {
	from, to := periodBounds(f.From, f.To)
	rows, err := s.q.QueryContext(ctx, `SELECT l.id, l.date, l.author, coalesce(a.name, ''),
			coalesce((SELECT string_agg(CAST(theme_id AS TEXT), ',') FROM logbook_themes t WHERE t.entry_id = l.id), ''), l.text
		FROM logbook l LEFT JOIN activities a ON a.id = l.activity_id
		WHERE l.date BETWEEN ? AND ?
			AND (? = 0 OR l.activity_id = ?)
			AND (? = 0 OR EXISTS (SELECT 1 FROM logbook_themes t WHERE t.entry_id = l.id AND t.theme_id = ?))
			AND (? = 0 OR EXISTS (SELECT 1 FROM logbook_people lp WHERE lp.entry_id = l.id AND lp.person_id = ?))
		ORDER BY l.date DESC, l.id DESC`,
		from, to, f.ActivityID, f.ActivityID, f.ThemeID, f.ThemeID, f.PersonID, f.PersonID)
	return collect(rows, err, func(r *sql.Rows) (LogRow, error) {
		var l LogRow
		var themes string
		err := r.Scan(&l.ID, &l.Date, &l.Author, &l.ActivityName, &themes, &l.Text)
		l.ThemeIDs = parseIDs(themes)
		return l, err
	})
}
