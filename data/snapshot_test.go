package data

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// snapshotDB returns every row of every table in the database, every
// column of each, plus the schema and its version, as text: two snapshots
// are equal only when nothing in the file changed that a reader could see.
func snapshotDB(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	var version int
	must(t, s.db.QueryRow(`PRAGMA user_version`).Scan(&version))
	fmt.Fprintf(&b, "user_version %d\n", version)
	rows, err := s.db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	must(t, err)
	var tables []string
	for rows.Next() {
		var name, sql string
		must(t, rows.Scan(&name, &sql))
		tables = append(tables, name)
		fmt.Fprintf(&b, "%s\n", sql)
	}
	must(t, rows.Err())
	rows.Close()
	for _, table := range tables {
		b.WriteString(snapshotTable(t, s, table))
	}
	return b.String()
}

// snapshotTable returns every row of one table, each column named, sorted.
func snapshotTable(t *testing.T, s *Store, table string) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT * FROM "` + table + `"`)
	must(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	must(t, err)
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, rows.Scan(ptrs...))
		var line strings.Builder
		for i, v := range vals {
			fmt.Fprintf(&line, "%s=%#v;", cols[i], v)
		}
		lines = append(lines, line.String())
	}
	must(t, rows.Err())
	sort.Strings(lines)
	return fmt.Sprintf("table %s (%d rows)\n%s\n", table, len(lines), strings.Join(lines, "\n"))
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
		`CREATE TABLE extra (x)`,
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
