package data_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"samspil/data"
	"samspil/data/pgtest"
)

// asLogin is a server URL with another login and password.
func asLogin(server, name, password string) string {
	u, err := url.Parse(server)
	if err != nil {
		panic(err)
	}
	u.User = url.UserPassword(name, password)
	return u.String()
}

// dropRolesLater drops the roles when the test ends, after the test's
// databases are gone (cleanups run last-registered first, so call it
// before pgtest.Fresh).
func dropRolesLater(t *testing.T, roles ...*string) {
	admin := os.Getenv(pgtest.EnvVar)
	t.Cleanup(func() {
		for _, r := range roles {
			if *r != "" {
				if err := pgtest.Admin(admin, "DROP ROLE IF EXISTS "+pgx.Identifier{*r}.Sanitize()); err != nil {
					t.Logf("drop role %s: %v", *r, err)
				}
			}
		}
	})
}

// TestCoordinatorLogin sets up two registers on one server as their
// administrator would, and gives one a coordinator: the coordinator
// registers (and the audit log and the row say who), but cannot drop or
// create tables, cannot move the schema version, cannot connect to the
// other register, and is sent to the administrator when the schema needs
// an upgrade.
func TestCoordinatorLogin(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip(pgtest.EnvVar + " is not set: no PostgreSQL server to set up")
	}
	ctx := context.Background()
	var group1, group2, login string
	dropRolesLater(t, &login, &group1, &group2)
	one, two := pgtest.Fresh(t), pgtest.Fresh(t)
	rep, err := data.InitServer(ctx, one)
	if err != nil {
		t.Fatal(err)
	}
	group1 = rep.Group
	if !rep.GroupCreated || rep.SchemaVersion != data.SchemaVersion() || !strings.HasSuffix(rep.Group, "_coordinators") {
		t.Fatalf("init: %+v", rep)
	}
	if again, err := data.InitServer(ctx, one); err != nil || again.GroupCreated || again.Group != rep.Group {
		t.Fatalf("init twice: %+v %v", again, err)
	}
	rep2, err := data.InitServer(ctx, two)
	if err != nil {
		t.Fatal(err)
	}
	group2 = rep2.Group

	login = fmt.Sprintf("coord_%d", os.Getpid())
	password := `it's a \secret æ`
	if err := data.AddServerUser(ctx, one, login, password); err != nil {
		t.Fatal(err)
	}
	err = data.AddServerUser(ctx, one, login, password)
	if errCode(err) != "err.server_login_exists" || strings.Contains(err.Error(), password) {
		t.Fatalf("the same login twice: %v", err)
	}
	for _, bad := range []string{"", "Robert", `x"; DROP TABLE people; --`, "pg_admin", strings.Repeat("a", 64)} {
		if err := data.AddServerUser(ctx, one, bad, password); errCode(err) != "err.server_login_name" {
			t.Errorf("login %q: %v", bad, err)
		}
	}
	if err := data.AddServerUser(ctx, one, login+"_x", ""); errCode(err) != "err.server_password" {
		t.Errorf("empty password: %v", err)
	}
	if err := data.AddServerUser(ctx, pgtest.Fresh(t), login+"_y", password); errCode(err) != "err.server_not_initialised" {
		t.Errorf("add-user before init: %v", err)
	}

	// The coordinator registers.
	coord := asLogin(one, login, password)
	s, err := data.Open(coord)
	if err != nil {
		t.Fatalf("open as the coordinator: %v", err)
	}
	defer s.Close()
	p := &data.Person{Name: "Registreret Af Koordinator", EntryChannel: "self"}
	if err := s.SavePerson(ctx, p, nil); err != nil {
		t.Fatalf("the coordinator saves a person: %v", err)
	}
	if err := s.ErasePerson(ctx, p.ID); err != nil {
		t.Fatalf("the coordinator erases a person: %v", err)
	}
	admin, err := pgx.Connect(ctx, one)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	var who, action, changedBy string
	if err := admin.QueryRow(ctx, `SELECT login, action FROM audit ORDER BY id DESC LIMIT 1`).Scan(&who, &action); err != nil {
		t.Fatal(err)
	}
	if who != login || action != "erase_person" {
		t.Fatalf("audit says %q did %q; want %q", who, action, login)
	}
	if err := admin.QueryRow(ctx, `SELECT changed_by FROM people WHERE id = $1`, p.ID).Scan(&changedBy); err != nil || changedBy != login {
		t.Fatalf("changed_by = %q, %v", changedBy, err)
	}

	// … and nothing more.
	c, err := pgx.Connect(ctx, coord)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, stmt := range []string{
		`DROP TABLE participations`,
		`CREATE TABLE mine (x int)`,
		`TRUNCATE people CASCADE`,
		`ALTER TABLE people ADD COLUMN x int`,
		`UPDATE samspil_schema SET version = 99`,
		`CREATE DATABASE other`,
		`CREATE ROLE helper LOGIN`,
	} {
		if _, err := c.Exec(ctx, stmt); err == nil {
			t.Errorf("the coordinator could: %s", stmt)
		}
	}
	var super, createRole, createDB, bypass bool
	if err := c.QueryRow(ctx, `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`).
		Scan(&super, &createRole, &createDB, &bypass); err != nil || super || createRole || createDB || bypass {
		t.Fatalf("the coordinator's role: super %v createrole %v createdb %v bypassrls %v %v", super, createRole, createDB, bypass, err)
	}
	if cc, err := pgx.Connect(ctx, asLogin(two, login, password)); err == nil {
		cc.Close(ctx)
		t.Fatal("the coordinator connected to the other register")
	}
	_, err = data.Open(asLogin(two, login, password))
	if err == nil || strings.Contains(err.Error(), password) || strings.Contains(err.Error(), url.QueryEscape(password)) {
		t.Fatalf("open the other register: %v", err)
	}

	// An older schema is the administrator's to upgrade.
	if _, err := admin.Exec(ctx, `UPDATE samspil_schema SET version = version - 1`); err != nil {
		t.Fatal(err)
	}
	_, err = data.Open(coord)
	if errCode(err) != "err.server_schema_old" || !strings.Contains(err.Error(), "server init") {
		t.Fatalf("a coordinator opens an older schema: %v", err)
	}
	if _, err := admin.Exec(ctx, `UPDATE samspil_schema SET version = version + 1`); err != nil {
		t.Fatal(err)
	}
	// So is a database nobody has set up.
	_, err = data.Open(asLogin(pgtest.Fresh(t), login, password))
	if errCode(err) != "err.server_not_set_up" {
		t.Fatalf("a coordinator opens a database nobody set up: %v", err)
	}
}

func TestServerNamesAndQuoting(t *testing.T) {
	if r, err := data.CoordinatorRole("insp"); err != nil || r != "samspil_insp_coordinators" {
		t.Fatalf("%q %v", r, err)
	}
	for _, bad := range []string{"INSP", "in-sp", "x\"y", strings.Repeat("d", 50), ""} {
		if _, err := data.CoordinatorRole(bad); errCode(err) != "err.server_database_name" {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if err := data.AddServerUser(context.Background(), "samspil.db", "anne", "pw"); errCode(err) != "err.server_url" {
		t.Errorf("add-user on a file: %v", err)
	}
}

// A coordinator adds to the audit log, the erasure register and the export
// register but can never rewrite or empty them, and the audit log names
// their own login whatever an INSERT says (found in review: the role had
// UPDATE and DELETE on every table, and the login was a mere default).
func TestCoordinatorCannotRewriteTheAccountability(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("PostgreSQL only")
	}
	ctx := context.Background()
	var group, login string
	dropRolesLater(t, &login, &group)
	one := pgtest.Fresh(t)
	rep, err := data.InitServer(ctx, one)
	if err != nil {
		t.Fatal(err)
	}
	group = rep.Group
	login = fmt.Sprintf("rev_%d", os.Getpid())
	if err := data.AddServerUser(ctx, one, login, "pw-1234"); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(asLogin(one, login, "pw-1234"))
	if err != nil {
		t.Fatal(err)
	}
	p := &data.Person{Name: "Carl Dam"}
	if err := s.SavePerson(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.ErasePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c, err := pgx.Connect(ctx, asLogin(one, login, "pw-1234"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var bad []string
	if _, err := c.Exec(ctx, `INSERT INTO audit (at, action, details, login) VALUES ('2026-01-01T00:00:00Z', 'erase_person', 'person=1', 'postgres')`); err != nil {
		t.Fatal(err)
	}
	var who string
	if err := c.QueryRow(ctx, `SELECT login FROM audit ORDER BY id DESC LIMIT 1`).Scan(&who); err != nil || who != login {
		t.Fatalf("an audit row claiming another login was stored as %q (%v), want %q", who, err, login)
	}
	for _, q := range []string{
		`UPDATE audit SET login = 'someone_else'`,
		`DELETE FROM erasures`,
		`DELETE FROM audit`,
		`UPDATE exports SET recipient = 'x'`,
		`DELETE FROM exports`,
	} {
		if _, err := c.Exec(ctx, q); err == nil {
			bad = append(bad, q)
		}
	}
	if len(bad) > 0 {
		t.Fatalf("a coordinator may: %q", bad)
	}
}
