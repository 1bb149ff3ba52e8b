package data

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"
)

// A shared register's database is set up by the server's administrator
// (InitServer) and each coordinator gets a login of their own
// (AddServerUser). Coordinators may read and write the register's rows and
// nothing else: they own nothing, cannot change or drop the tables, cannot
// connect to any other database that was set up the same way, and are no
// superusers. The administrator's login is only needed for these two
// steps, for schema upgrades (a newer Samspil) and for copying a file in.

// InitReport says what InitServer set up.
type InitReport struct {
	URL           string // the administrator's URL without its password
	Database      string
	Schema        string
	Group         string // the coordinators' role
	SchemaVersion int
	GroupCreated  bool // false when the role existed (InitServer ran before)
}

// plainName is what Samspil accepts as a database's name (it becomes part
// of the coordinators' role name) and as a login.
var (
	plainDatabase = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
	plainLogin    = regexp.MustCompile(`^[a-z_][a-z0-9_.@-]*$`)
)

// maxIdentifier is PostgreSQL's longest name (NAMEDATALEN - 1).
const maxIdentifier = 63

// CoordinatorRole is the name of the role that holds the coordinators of
// the register in database: samspil_<database>_coordinators.
func CoordinatorRole(database string) (string, error) {
	role := "samspil_" + database + "_coordinators"
	if !plainDatabase.MatchString(database) || len(role) > maxIdentifier {
		return "", &Error{Code: "err.server_database_name", Args: map[string]any{"Name": database,
			"Max": maxIdentifier - len("samspil__coordinators")}}
	}
	return role, nil
}

// InitServer sets up, as the administrator, the database adminURL names
// for a shared register: it creates or upgrades Samspil's schema (as Open
// does), creates the coordinators' role (NOLOGIN; AddServerUser gives each
// coordinator a login in it), takes every right on the database from
// PUBLIC, and grants the role what registering needs: to connect, to use
// the schema, to read and write the rows of every table (the schema
// version only to read), to use the id sequences — also of tables a later
// upgrade adds. The role owns nothing. Running it again is harmless, and
// is how a newer Samspil's schema upgrade is applied.
func InitServer(ctx context.Context, adminURL string) (InitReport, error) {
	rep := InitReport{URL: RedactURL(adminURL)}
	if !IsServerURL(adminURL) {
		return rep, &Error{Code: "err.server_url", Args: map[string]any{"URL": RedactURL(adminURL)}}
	}
	s, err := Open(adminURL)
	if err != nil {
		return rep, err
	}
	rep.SchemaVersion, err = s.Version(ctx)
	s.Close()
	if err != nil {
		return rep, err
	}
	conn, err := adminConnect(ctx, adminURL)
	if err != nil {
		return rep, err
	}
	defer conn.Close(ctx)
	fail := func(step string, err error) (InitReport, error) {
		return rep, &Error{Code: "err.server_admin", Args: map[string]any{"URL": rep.URL, "Step": step, "Reason": serverReason(err)}}
	}
	if err := conn.QueryRow(ctx, `SELECT current_database(), current_schema()`).Scan(&rep.Database, &rep.Schema); err != nil {
		return fail("read the database's name", err)
	}
	if rep.Group, err = CoordinatorRole(rep.Database); err != nil {
		return rep, err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail("begin", err)
	}
	defer tx.Rollback(ctx)
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)`, rep.Group).Scan(&exists); err != nil {
		return fail("look up the coordinators' role", err)
	}
	group := ident(rep.Group)
	db := ident(rep.Database)
	schema := ident(rep.Schema)
	var steps []string
	if !exists {
		rep.GroupCreated = true
		steps = append(steps, `CREATE ROLE `+group+` NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION`)
	}
	steps = append(steps,
		`REVOKE ALL ON DATABASE `+db+` FROM PUBLIC`,
		`GRANT CONNECT ON DATABASE `+db+` TO `+group,
		`REVOKE CREATE ON SCHEMA `+schema+` FROM PUBLIC`,
		`GRANT USAGE ON SCHEMA `+schema+` TO `+group,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA `+schema+` TO `+group,
		`REVOKE INSERT, UPDATE, DELETE ON TABLE `+schema+`.samspil_schema FROM `+group,
		// The audit log, the erasure register and the export register are
		// accountability (GDPR art. 5(2), 30): coordinators add to them, never rewrite them.
		`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE `+schema+`.audit, `+schema+`.erasures, `+schema+`.exports FROM `+group,
		`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA `+schema+` TO `+group,
		`ALTER DEFAULT PRIVILEGES IN SCHEMA `+schema+` GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO `+group,
		`ALTER DEFAULT PRIVILEGES IN SCHEMA `+schema+` GRANT USAGE, SELECT ON SEQUENCES TO `+group,
	)
	for _, stmt := range steps {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return fail(stmt, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fail("commit", err)
	}
	return rep, nil
}

// AddServerUser creates, as the administrator, a coordinator's login on
// the server of adminURL, in the coordinators' role of its database
// (InitServer must have run): no superuser, no right to create databases
// or roles, none to bypass row security. The password travels and is
// stored only as a SCRAM-SHA-256 verifier computed here, so it is in no
// statement the server could log; Samspil never writes or prints it.
func AddServerUser(ctx context.Context, adminURL, name, password string) error {
	redacted := RedactURL(adminURL)
	if !IsServerURL(adminURL) {
		return &Error{Code: "err.server_url", Args: map[string]any{"URL": RedactURL(adminURL)}}
	}
	if !plainLogin.MatchString(name) || len(name) > maxIdentifier || strings.HasPrefix(name, "pg_") {
		return &Error{Code: "err.server_login_name", Args: map[string]any{"Name": name, "Max": maxIdentifier}}
	}
	if password == "" || !passwordIsPlain(password) {
		return &Error{Code: "err.server_password"}
	}
	conn, err := adminConnect(ctx, adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	fail := func(step string, err error) error {
		return &Error{Code: "err.server_admin", Args: map[string]any{"URL": redacted, "Step": step, "Reason": serverReason(err)}}
	}
	var database string
	if err := conn.QueryRow(ctx, `SELECT current_database()`).Scan(&database); err != nil {
		return fail("read the database's name", err)
	}
	group, err := CoordinatorRole(database)
	if err != nil {
		return err
	}
	var haveGroup, haveUser bool
	err = conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1),
		EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $2)`, group, name).Scan(&haveGroup, &haveUser)
	if err != nil {
		return fail("look up the roles", err)
	}
	if !haveGroup {
		return &Error{Code: "err.server_not_initialised", Args: map[string]any{"URL": redacted, "Role": group}}
	}
	if haveUser {
		return &Error{Code: "err.server_login_exists", Args: map[string]any{"Name": name}}
	}
	verifier, err := scramVerifier(password)
	if err != nil {
		return err
	}
	stmt := `CREATE ROLE ` + ident(name) + ` LOGIN PASSWORD ` + quoteLiteral(verifier) + ` IN ROLE ` + ident(group) +
		` INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION`
	if _, err := conn.Exec(ctx, stmt); err != nil {
		return fail("CREATE ROLE "+ident(name), err)
	}
	return nil
}

// mayMigrate is asked before a server's schema is created or upgraded on
// opening: only the administrator may (a coordinator owns nothing), and a
// coordinator who opens a register this Samspil would have to upgrade, or
// a database nobody has set up, is told to ask the administrator to run
// samspil server init rather than shown the server's refusal.
func (s *Store) mayMigrate(ctx context.Context, fresh bool) error {
	if !s.eng.server() {
		return nil
	}
	if fresh {
		var may bool
		if err := s.q.QueryRowContext(ctx, `SELECT has_schema_privilege(current_schema(), 'CREATE')`).Scan(&may); err != nil {
			return err
		}
		if !may {
			return &Error{Code: "err.server_not_set_up", Args: map[string]any{"URL": s.path}}
		}
		return nil
	}
	v, err := s.eng.schemaVersion(ctx, s.q)
	if err != nil || v == 0 || v >= SchemaVersion() {
		return err // a newer schema, or none of Samspil's: migrate says so
	}
	var foreign int
	err = s.q.QueryRowContext(ctx, `SELECT count(*) FROM pg_catalog.pg_tables
		WHERE schemaname = current_schema() AND NOT pg_has_role(current_user, tableowner, 'USAGE')`).Scan(&foreign)
	if err != nil {
		return err
	}
	if foreign > 0 {
		return &Error{Code: "err.server_schema_old", Args: map[string]any{"URL": s.path, "Version": v, "Want": SchemaVersion()}}
	}
	return nil
}

// adminConnect connects to the server as the administrator, with
// Samspil's rule for encryption.
func adminConnect(ctx context.Context, adminURL string) (*pgx.Conn, error) {
	cfg, err := ServerConfig(adminURL)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, &Error{Code: "err.server_unreachable", Args: map[string]any{"URL": RedactURL(adminURL), "Reason": serverReason(err)}}
	}
	return conn, nil
}

// ident quotes a name for PostgreSQL.
func ident(name string) string { return pgx.Identifier{name}.Sanitize() }

// quoteLiteral quotes a string constant for PostgreSQL in the escape
// string form, which means the same whatever standard_conforming_strings
// says: backslashes and quotes are doubled.
func quoteLiteral(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, `'`, `''`)
	return `E'` + s + `'`
}

// scramIterations is PostgreSQL's default (scram_iterations).
const scramIterations = 4096

// scramVerifier is what PostgreSQL stores for a password under
// SCRAM-SHA-256 (RFC 5802, 7677), computed as its own clients do, for a
// password that passwordIsPlain (so that SASLprep leaves it as it is).
func scramVerifier(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	return scramVerifierWith(password, salt, scramIterations)
}

// scramVerifierWith is scramVerifier with a given salt and iteration count.
func scramVerifierWith(password string, salt []byte, iterations int) (string, error) {
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, 32)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(server)), nil
}

// passwordIsPlain reports whether every PostgreSQL client turns the
// password into the same bytes before SCRAM: libpq and the server use
// SASLprep (NFKC, non-ASCII spaces to spaces, some characters dropped),
// pgx uses PRECIS (NFC). For a password already in NFKC, without
// non-ASCII spaces, control characters or the characters SASLprep drops,
// both leave it as it is; any other would log in from one client and not
// from the other, so AddServerUser refuses it.
func passwordIsPlain(password string) bool {
	if !norm.NFKC.IsNormalString(password) {
		return false
	}
	for _, r := range password {
		switch {
		case r == ' ':
		case unicode.Is(unicode.Zs, r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return false
		case r == 0x034f, r >= 0x180b && r <= 0x180d, r >= 0xfe00 && r <= 0xfe0f, r == 0x1806:
			return false // mapped to nothing by SASLprep (RFC 3454 B.1)
		}
	}
	return true
}
