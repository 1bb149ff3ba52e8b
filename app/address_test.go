package app

import "testing"

// The window names a server's register user@host/database: no password,
// no query; a file by its path.
func TestShownAddressIsShort(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://postgres@/postgres?host=/tmp/pg/sock&sslmode=disable":                      "postgres@localhost/postgres",
		"postgres://anna:hemm%40lig@db.kommune.dk:5433/insp?sslmode=verify-full&sslrootcert=x": "anna@db.kommune.dk:5433/insp",
		"postgresql://db.kommune.dk/insp":                                                      "db.kommune.dk/insp",
		"/home/anna/.local/share/samspil/samspil.db":                                           "/home/anna/.local/share/samspil/samspil.db",
	} {
		if got := shownAddress(in); got != want {
			t.Errorf("shownAddress(%q) = %q, want %q", in, got, want)
		}
	}
}
