package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
)

// fileAtSchema writes a Samspil file as a build with schema version v left
// it: the first v migrations, the settings row, nothing else.
func fileAtSchema(t *testing.T, path string, v int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?"+dsnOptions)
	must(t, err)
	t.Cleanup(func() { db.Close() })
	eng := sqliteEngine{}
	for _, m := range migrations()[:v] {
		tx, err := db.Begin()
		must(t, err)
		_, err = tx.Exec(eng.ddl(m.sql))
		must(t, err)
		if m.version == 1 {
			must(t, (&Store{}).initSettings(context.Background(), tx))
		}
		must(t, eng.setSchemaVersion(context.Background(), tx, m.version))
		must(t, tx.Commit())
	}
	return db
}

// A file from before the one-occasion rule that holds the same activity
// twice at one date and time (two sessions of a day without times) opens
// with both kept as they were — guests, notes, minutes, participations and
// the logbook's link — and a new occasion at that time is refused as
// taken, like anywhere else.
func TestOlderFileWithTwinOccasionsKeepsBothOnOpening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := fileAtSchema(t, path, 3)
	for _, q := range []string{
		`INSERT INTO people (id, name, search_key, created_at, updated_at) VALUES (1, 'Ann', 'ann', '', ''), (2, 'Bo', 'bo', '', '')`,
		`INSERT INTO activities (id, name, kind, status) VALUES (1, 'Café', 'recurring', 'active')`,
		`INSERT INTO occasions (id, activity_id, date, start_time, anonymous_guests, notes) VALUES
			(1, 1, '2026-03-04', '', 3, 'formiddag'), (2, 1, '2026-03-04', '', 12, 'eftermiddag'), (3, 1, '2026-03-04', '19:00', 0, '')`,
		`INSERT INTO participations (occasion_id, person_id, role_id, minutes) VALUES (1, 1, 2, 120), (2, 1, 2, 180), (2, 2, 3, NULL)`,
		`INSERT INTO logbook (id, date, occasion_id, text) VALUES (1, '2026-03-04', 2, 'god stemning')`,
	} {
		_, err := db.Exec(q)
		must(t, err)
	}
	before := snapshotRows(t, db)
	db.Close()
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	if after := snapshotRows(t, s.db); after != before {
		t.Fatalf("opening changed the registrations:\nbefore %s\nafter  %s", before, after)
	}
	ctx := context.Background()
	first, err := s.OccasionAt(ctx, 1, MustDate("2026-03-04"), "")
	if err != nil || first.ID != 1 {
		t.Fatalf("occasion at the twins' time = %+v, %v; want the first", first, err)
	}
	err = s.SaveOccasion(ctx, &Occasion{ActivityID: 1, Date: MustDate("2026-03-04")})
	if !errors.Is(err, ErrOccasionTaken) {
		t.Fatalf("a third occasion at the twins' time = %v, want ErrOccasionTaken", err)
	}
}

// snapshotRows is the occasions, participations and logbook links as text.
func snapshotRows(t *testing.T, db *sql.DB) string {
	t.Helper()
	var out string
	for _, q := range []string{
		`SELECT string_agg(id || ':' || start_time || ':' || anonymous_guests || ':' || notes, ',' ORDER BY id) FROM occasions`,
		`SELECT string_agg(occasion_id || ':' || person_id || ':' || role_id || ':' || coalesce(minutes, -1), ',' ORDER BY occasion_id, person_id) FROM participations`,
		`SELECT string_agg(CAST(occasion_id AS TEXT), ',') FROM logbook`,
	} {
		var v string
		must(t, db.QueryRow(q).Scan(&v))
		out += v + " | "
	}
	return out
}
