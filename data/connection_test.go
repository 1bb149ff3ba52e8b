package data

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"samspil/data/pgtest"
)

// The server ends the connection in the middle of a save (a restart, a
// dropped network): the save says so in words, nothing of it is written,
// and the next save goes through on a new connection.
func TestALostServerConnectionSavesNothingAndSaysSo(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("a file has no connection to lose; set " + pgtest.EnvVar + " to run on PostgreSQL")
	}
	target := pgtest.Fresh(t)
	u, err := url.Parse(target)
	must(t, err)
	s, err := Open(target)
	must(t, err)
	defer s.Close()
	ctx := context.Background()
	err = s.Update(ctx, func(tx *Tx) error {
		if err := tx.SavePerson(&Person{Name: "Ann"}, nil); err != nil {
			return err
		}
		if err := pgtest.Admin(os.Getenv(pgtest.EnvVar), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = '`+strings.TrimPrefix(u.Path, "/")+`' AND pid <> pg_backend_pid()`); err != nil {
			t.Fatal(err)
		}
		return tx.SavePerson(&Person{Name: "Bo"}, nil)
	})
	if !errors.Is(err, ErrConnection) {
		t.Fatalf("save across a lost connection = %v, want ErrConnection", err)
	}
	if msg := Message(err, "da"); !strings.Contains(msg, "Forbindelsen") || !strings.Contains(msg, "står stadig i formularen") ||
		strings.Contains(msg, "SQLSTATE") || strings.Contains(msg, "terminating") {
		t.Fatalf("message %q does not say what happened and that the form is kept", msg)
	}
	must(t, s.SavePerson(ctx, &Person{Name: "Cy"}, nil))
	rows, err := s.SearchPeople(ctx, PersonFilter{})
	must(t, err)
	if len(rows) != 1 || rows[0].Name != "Cy" {
		t.Fatalf("after the lost connection the register holds %+v, want only Cy", rows)
	}
}
