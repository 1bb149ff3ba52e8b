package data

import "testing"

func TestRebindNumbersPlaceholdersOutsideQuotes(t *testing.T) {
	cases := map[string]string{
		`SELECT 1`:                                   `SELECT 1`,
		`SELECT ? , ?`:                               `SELECT $1 , $2`,
		`WHERE a BETWEEN ?1 AND ?2 OR b = ?1`:        `WHERE a BETWEEN $1 AND $2 OR b = $1`,
		`WHERE name = '?' AND x = ?`:                 `WHERE name = '?' AND x = $1`,
		`SELECT "odd?name" FROM t WHERE id = ?`:      `SELECT "odd?name" FROM t WHERE id = $1`,
		"SELECT 1 -- why?\nFROM t WHERE id = ?":      "SELECT 1 -- why?\nFROM t WHERE id = $1",
		`CREATE FUNCTION f() AS $$ SELECT '?' $$; ?`: `CREATE FUNCTION f() AS $$ SELECT '?' $$; $1`,
		`UPDATE t SET a = 'it''s?' WHERE id = ?`:     `UPDATE t SET a = 'it''s?' WHERE id = $1`,
		`SELECT /* why? */ a FROM t WHERE b = ?`:     `SELECT /* why? */ a FROM t WHERE b = $1`,
		`SELECT E'it\'s ?' , ? FROM t`:               `SELECT E'it\'s ?' , $1 FROM t`,
		`SELECT $f$ ? $f$, ? FROM t`:                 `SELECT $f$ ? $f$, $1 FROM t`,
		`SELECT 'unterminated ?`:                     `SELECT 'unterminated ?`,
		`SELECT a FROM t WHERE b = ? -- ?`:           `SELECT a FROM t WHERE b = $1 -- ?`,
		`SELECT $1 FROM t WHERE b = ?`:               `SELECT $1 FROM t WHERE b = $1`,
	}
	for in, want := range cases {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}
