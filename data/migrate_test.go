package data

import (
	"context"
	"database/sql"
	"fmt"
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
// twice at one date and time opens: the two are folded into the first,
// with every participation (a person in both once), the logbook's link
// moved, and another start time left alone.
func TestOlderFileWithTwinOccasionsIsFoldedOnOpening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := fileAtSchema(t, path, 3)
	for _, q := range []string{
		`INSERT INTO people (id, name, search_key, created_at, updated_at) VALUES (1, 'Ann', 'ann', '', ''), (2, 'Bo', 'bo', '', ''), (3, 'Cy', 'cy', '', '')`,
		`INSERT INTO activities (id, name, kind, status) VALUES (1, 'Café', 'recurring', 'active')`,
		`INSERT INTO occasions (id, activity_id, date, start_time) VALUES (1, 1, '2026-03-04', ''), (2, 1, '2026-03-04', ''), (3, 1, '2026-03-04', '19:00')`,
		`INSERT INTO participations (occasion_id, person_id, role_id) VALUES (1, 1, 2), (2, 1, 3), (2, 2, 3), (3, 3, 3)`,
		`INSERT INTO logbook (id, date, occasion_id, text) VALUES (1, '2026-03-04', 2, 'god stemning')`,
	} {
		_, err := db.Exec(q)
		must(t, err)
	}
	db.Close()
	s, err := Open(path)
	must(t, err)
	defer s.Close()
	ctx := context.Background()
	got := map[string]string{}
	for _, q := range []string{
		`SELECT string_agg(CAST(id AS TEXT), ',' ORDER BY id) FROM occasions`,
		`SELECT string_agg(occasion_id || ':' || person_id || ':' || role_id, ',' ORDER BY occasion_id, person_id) FROM participations`,
		`SELECT CAST(occasion_id AS TEXT) FROM logbook`,
	} {
		var v string
		must(t, s.q.QueryRowContext(ctx, q).Scan(&v))
		got[q[:30]] = v
	}
	want := fmt.Sprint(map[string]string{
		`SELECT string_agg(CAST(id AS T`: "1,3",
		`SELECT string_agg(occasion_id `: "1:1:2,1:2:3,3:3:3",
		`SELECT CAST(occasion_id AS TEX`: "1",
	})
	if fmt.Sprint(got) != want {
		t.Fatalf("after folding: %v, want %v", got, want)
	}
}
