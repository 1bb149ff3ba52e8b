package demo

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"samspil/data"
)

// wallClock are the columns that hold the moment of writing or a random
// secret, and so differ between any two databases.
var wallClock = map[string]bool{"created_at": true, "secret": true, "at": true, "updated_at": true}

// tableDigest returns every row of the table as text, every column but the
// wall-clock ones, sorted.
func tableDigest(t *testing.T, s *data.Store, table string) string {
	t.Helper()
	rows, err := s.DB().Query(`SELECT * FROM "` + table + `"`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var line strings.Builder
		for i, v := range vals {
			if !wallClock[cols[i]] {
				fmt.Fprintf(&line, "%s=%#v;", cols[i], v)
			}
		}
		lines = append(lines, line.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// tables lists the database's tables.
func tables(t *testing.T, s *data.Store) []string {
	t.Helper()
	rows, err := s.DB().Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	return names
}

// TestSameOptionsGiveSameData generates the same demo twice and compares
// every column of every table (people, activities, occasions with their
// times, guests and notes, participations with their roles and minutes …);
// another seed must change the occasions and participations themselves.
func TestSameOptionsGiveSameData(t *testing.T) {
	opt := Options{Template: "sager", Years: 1, End: data.MustDate("2025-06-30")}
	a, ra := generate(t, opt)
	b, rb := generate(t, opt)
	if ra != rb {
		t.Fatalf("results differ: %+v vs %+v", ra, rb)
	}
	for _, table := range tables(t, a) {
		if tableDigest(t, a, table) != tableDigest(t, b, table) {
			t.Errorf("table %s differs between two runs with the same options", table)
		}
	}
	opt.Seed = 2
	c, _ := generate(t, opt)
	for _, table := range []string{"occasions", "participations"} {
		if tableDigest(t, a, table) == tableDigest(t, c, table) {
			t.Errorf("another seed gave the same %s", table)
		}
	}
}
