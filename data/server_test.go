package data

import (
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"samspil/data/pgtest"
)

// What a coordinator reads when a shared register cannot be reached says
// why in their language — no driver text, no connection options, no
// password.
func TestUnreachableServerSaysWhyInWords(t *testing.T) {
	cases := []struct {
		name, url, want string
	}{
		{"no server at the address", "postgres://anne:hemmelig@/insp?host=" + t.TempDir() + "&sslmode=disable", "serveren svarer ikke"},
	}
	if pgtest.Enabled() {
		admin, err := url.Parse(os.Getenv(pgtest.EnvVar))
		must(t, err)
		missing := *admin
		missing.Path = "/findes_ikke"
		stranger := *admin
		stranger.User = url.UserPassword("ukendt_login", "hemmelig")
		cases = append(cases,
			struct{ name, url, want string }{"no such database", missing.String(), "databasen findes ikke"},
			struct{ name, url, want string }{"no such login", stranger.String(), "adgangskoden blev afvist"})
	}
	for _, c := range cases {
		_, err := Open(c.url)
		msg := Message(err, "da")
		if !strings.Contains(msg, c.want) || strings.Contains(msg, "hemmelig") || strings.Contains(msg, "sslmode") ||
			strings.Contains(msg, "dial") || strings.Contains(msg, "SQLSTATE") {
			t.Errorf("%s: %q, want it to say %q without password, options or driver text", c.name, msg, c.want)
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != "err.server_unreachable" {
			t.Errorf("%s: %v is not err.server_unreachable", c.name, err)
		}
	}
}

func TestServerNameIsUserHostAndDatabase(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://anne:pw@db.insp.dk:5433/insp?sslmode=verify-full&sslrootcert=/x.pem": "anne@db.insp.dk:5433/insp",
		"postgres://postgres@/walk?host=/tmp/pg/sock&sslmode=disable":                    "postgres@localhost/walk",
		"postgresql://db.insp.dk/insp":                                                   "db.insp.dk/insp",
	} {
		if got := ServerName(in); got != want {
			t.Errorf("ServerName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A password given as a URL parameter (pgx and libpq take it) never reaches
// a title, a message or the store's Path (found in review).
func TestRedactURLRemovesEveryFormOfThePassword(t *testing.T) {
	for _, u := range []string{
		"postgres://anna:hemmelig@db.example/samspil",
		"postgres://anna@db.example/samspil?password=hemmelig",
		"postgres://db.example/samspil?user=anna&password=hemmelig&sslmode=require",
		"postgres://anna@db.example/samspil?sslpassword=hemmelig",
	} {
		if got := RedactURL(u); strings.Contains(got, "hemmelig") || !strings.Contains(got, "db.example/samspil") {
			t.Errorf("RedactURL(%q) = %q", u, got)
		}
	}
	_, err := InitServer(t.Context(), "postgress://admin:hemmelig@db.example/samspil")
	if err == nil || strings.Contains(Message(err, "en"), "hemmelig") {
		t.Errorf("a mistyped administrator's URL: %v", err)
	}
}
