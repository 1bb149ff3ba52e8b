// Package dbtext writes a Samspil database's tables (SQLite or PostgreSQL) out as text, every row
// and every column, so tests can compare two databases, or one database
// before and after, in full.
package dbtext

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// Tables returns the names of the database's tables, in order: SQLite's
// catalogue, or PostgreSQL's current schema where there is none.
func Tables(db *sql.DB) ([]string, error) {
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`) // not SQLite's statistics
	if err != nil {
		rows, err = db.Query(`SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Table returns every row of the table as a line of column=value pairs,
// the lines sorted, leaving out the columns named in skip.
func Table(db *sql.DB, table string, skip map[string]bool) (string, error) {
	rows, err := db.Query(`SELECT * FROM "` + strings.ReplaceAll(table, `"`, `""`) + `"`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		var line strings.Builder
		for i, v := range vals {
			if !skip[cols[i]] {
				fmt.Fprintf(&line, "%s=%#v;", cols[i], v)
			}
		}
		lines = append(lines, line.String())
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	sort.Strings(lines)
	return fmt.Sprintf("table %s (%d rows)\n%s\n", table, len(lines), strings.Join(lines, "\n")), nil
}
