package data

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"samspil/data/dbtext"
)

// snapshotDB returns every row of every table in the database, every
// column of each, plus the schema and its version, as text: two snapshots
// are equal only when nothing in the file changed that a reader could see.
func snapshotDB(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	version, err := s.Version(context.Background())
	must(t, err)
	schemaQuery := `SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)`
	if s.OnServer() {
		schemaQuery = `SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ';' ORDER BY table_name, column_name)
			FROM information_schema.columns WHERE table_schema = current_schema()`
	}
	var schema string
	must(t, s.db.QueryRow(schemaQuery).Scan(&schema))
	fmt.Fprintf(&b, "user_version %d\n%s\n", version, schema)
	tables, err := dbtext.Tables(s.db)
	must(t, err)
	for _, table := range tables {
		text, err := dbtext.Table(s.db, table, nil)
		must(t, err)
		b.WriteString(text)
	}
	return b.String()
}

// TestSnapshotSeesEveryColumn is the snapshot's positive control: a change
// to one column of one row in any table, and a new table, change it.
func TestSnapshotSeesEveryColumn(t *testing.T) {
	f := newFixture(t)
	before := snapshotDB(t, f.s)
	for _, change := range []string{
		`UPDATE roles SET level = level + 1 WHERE code = 'host'`,
		`UPDATE people SET notes = 'x' WHERE id = 1`,
		`UPDATE settings SET partnership = partnership || 'x'`,
		`CREATE TABLE extra (x INTEGER)`,
	} {
		_, err := f.s.db.Exec(change)
		must(t, err)
		after := snapshotDB(t, f.s)
		if after == before {
			t.Errorf("%s: the snapshot did not change", change)
		}
		before = after
	}
}
