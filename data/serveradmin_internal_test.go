package data

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"samspil/data/pgtest"
)

// TestScramVerifierIsPostgreSQLs lets the server hash passwords itself and
// recomputes each verifier here with the server's salt: AddServerUser's
// verifier is the one PostgreSQL would have stored.
func TestScramVerifierIsPostgreSQLs(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip(pgtest.EnvVar + " is not set: no PostgreSQL server to compare with")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, os.Getenv(pgtest.EnvVar))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	role := fmt.Sprintf("samspil_scram_%d", os.Getpid())
	t.Cleanup(func() {
		if err := pgtest.Admin(os.Getenv(pgtest.EnvVar), "DROP ROLE IF EXISTS "+ident(role)); err != nil {
			t.Log(err)
		}
	})
	if _, err := conn.Exec(ctx, "CREATE ROLE "+ident(role)+" NOLOGIN"); err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"pencil", `it's a \secret`, "blåbærgrød", "kode 🙂 ÆØÅ"} {
		if _, err := conn.Exec(ctx, "SET password_encryption = 'scram-sha-256'"); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, "ALTER ROLE "+ident(role)+" PASSWORD "+quoteLiteral(pw)); err != nil {
			t.Fatal(err)
		}
		var stored string
		if err := conn.QueryRow(ctx, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", role).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		// SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
		head, _, _ := strings.Cut(strings.TrimPrefix(stored, "SCRAM-SHA-256$"), "$")
		iter, salt64, _ := strings.Cut(head, ":")
		n, _ := strconv.Atoi(iter)
		salt, err := base64.StdEncoding.DecodeString(salt64)
		if err != nil || n == 0 {
			t.Fatalf("cannot read %q", stored)
		}
		mine, err := scramVerifierWith(pw, salt, n)
		if err != nil || mine != stored {
			t.Errorf("password %q: server %s, Samspil %s (%v)", pw, stored, mine, err)
		}
	}
	for _, pw := range []string{"ﬁsk", "a\u00a0b", "x\u200by", "tab\tbed", "e\u0301"} {
		if passwordIsPlain(pw) {
			t.Errorf("%q is taken as plain, but clients would hash it differently", pw)
		}
	}
	if v, err := scramVerifier("x"); err != nil || !strings.HasPrefix(v, "SCRAM-SHA-256$4096:") {
		t.Fatalf("%q %v", v, err)
	}
}
