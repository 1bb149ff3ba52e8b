package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// ErrConnection is returned when the connection to a shared register's
// server was lost or could not be made: nothing was saved, and what the
// user typed is still in the form. Match it with errors.Is.
var ErrConnection = &Error{Code: "err.connection"}

// ErrOccasionTaken is returned when the activity already has an occasion on
// that date at that start time — typically one another coordinator has just
// recorded. Match it with errors.Is; the caller merges or asks.
var ErrOccasionTaken = &Error{Code: "err.occasion_taken"}

// IsServerURL reports whether a --db value names a PostgreSQL server
// (postgres://… or postgresql://…) rather than a file.
func IsServerURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// ServerConfig parses a server URL the way every PostgreSQL client does
// (PGPASSFILE, ~/.pgpass and service files included) and applies Samspil's
// rule for encryption: TLS is required unless the URL says otherwise, and a
// CA file (sslrootcert) means the server's name is verified too.
func ServerConfig(rawURL string) (*pgx.ConnConfig, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, &Error{Code: "err.server_url", Args: map[string]any{"URL": RedactURL(rawURL)}}
	}
	q := u.Query()
	if q.Get("sslmode") == "" {
		if q.Get("sslrootcert") != "" {
			q.Set("sslmode", "verify-full")
		} else {
			q.Set("sslmode", "require")
		}
		u.RawQuery = q.Encode()
	}
	cfg, err := pgx.ParseConfig(u.String())
	if err != nil {
		return nil, &Error{Code: "err.server_url", Args: map[string]any{"URL": RedactURL(rawURL)}}
	}
	return cfg, nil
}

// RedactURL is the URL without its password, for titles, logs and messages.
func RedactURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://…"
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	for _, secret := range []string{"password", "sslpassword"} { // pgx and libpq take these as parameters too
		if q.Has(secret) {
			q.Del(secret)
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}

// openServer opens a shared register on a PostgreSQL server, creating
// Samspil's schema in an empty database.
func openServer(rawURL string) (*Store, error) {
	cfg, err := ServerConfig(rawURL)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(4)
	s := &Store{db: db, q: db, eng: postgresEngine{}, path: RedactURL(rawURL)}
	name := ServerName(rawURL)
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, &Error{Code: "err.server_unreachable", Args: map[string]any{"URL": name, "Reason": serverReason(err)}}
	}
	fresh, err := s.serverIsEmpty(ctx)
	if err == nil {
		err = s.mayMigrate(ctx, fresh) // a coordinator cannot; see serveradmin.go
	}
	if err == nil {
		err = s.migrate(ctx, fresh)
	}
	if err != nil {
		db.Close()
		var de *Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, &Error{Code: "err.server_unreachable", Args: map[string]any{"URL": name, "Reason": serverReason(err)}}
	}
	s.feed = startChangeFeed(cfg)
	return s, nil
}

// serverIsEmpty reports whether the database has no tables of its own yet,
// so Samspil may create its schema there.
func (s *Store) serverIsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.q.QueryRowContext(ctx, `SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()`).Scan(&n)
	return n == 0, err
}

// serverReason says in words why a server could not be reached or refused
// a login — the common causes by name, anything else with the driver's own
// words (never holding the password, which pgx leaves out of its errors).
func serverReason(err error) *Error {
	var pe *pgconn.PgError
	var dns *net.DNSError
	code := ""
	switch {
	case errors.As(err, &pe):
		switch {
		case pe.Code == "3D000":
			code = "reason.db_missing"
		case pe.Code == "28000" || pe.Code == "28P01":
			code = "reason.login_refused"
		case pe.Code == "57P01": // also what pg_terminate_backend sends
			code = "reason.dropped"
		case pe.Code == "57P02" || pe.Code == "57P03":
			code = "reason.server_stopping"
		case pe.Code == "53300":
			code = "reason.too_many"
		}
		if code == "" {
			return &Error{Code: "reason.other", Args: map[string]any{"Detail": pe.Message}}
		}
	case errors.As(err, &dns):
		code = "reason.host_unknown"
	case isTimeout(err):
		code = "reason.timeout"
	case strings.Contains(err.Error(), "connection refused") || strings.Contains(err.Error(), "no such file or directory"):
		code = "reason.refused"
	case lineBroke(err):
		code = "reason.dropped"
	case strings.Contains(err.Error(), "SSL") || strings.Contains(err.Error(), "tls") || strings.Contains(err.Error(), "x509"):
		code = "reason.tls"
	default:
		return &Error{Code: "reason.other", Args: map[string]any{"Detail": lastPart(err.Error())}}
	}
	return &Error{Code: code}
}

// isTimeout reports whether err is a network timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// lastPart is the end of a chain of wrapped error texts ("a: b: c" → "c"),
// where the cause is, without the driver's restatement of the address.
func lastPart(msg string) string {
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		return msg[i+2:]
	}
	return msg
}

// ServerName is a register on a server as people name it, user@host/database
// (localhost for a socket on this machine), without the password and the
// connection options: for titles and messages.
func ServerName(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://…"
	}
	host := u.Host
	if host == "" || strings.HasPrefix(host, "/") {
		host = "localhost" // a socket folder on this machine
	}
	name := strings.TrimPrefix(u.Path, "/")
	if u.User != nil && u.User.Username() != "" {
		return u.User.Username() + "@" + host + "/" + name
	}
	return host + "/" + name
}

// classify turns what the engines report into Samspil's errors: a lost
// connection into ErrConnection and a second occasion at the same date and
// time into ErrOccasionTaken. Anything else is returned as it is.
func (s *Store) classify(err error) error {
	if err == nil {
		return nil
	}
	var de *Error
	var des Errors
	if errors.As(err, &de) || errors.As(err, &des) {
		return err
	}
	if isUniqueOccasion(err) {
		return ErrOccasionTaken
	}
	if s.eng.server() && connectionLost(err) {
		return &Error{Code: ErrConnection.Code, Args: map[string]any{"Reason": serverReason(err)}}
	}
	return err
}

// isUniqueOccasion reports whether err is the unique rule on an activity's
// occasions (occasions_once) in either engine.
func isUniqueOccasion(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505" && pe.ConstraintName == "occasions_once"
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed: occasions.activity_id")
}

// connectionLost reports whether err means the server could not be reached
// or the connection broke; the server's refusals of a statement do not.
func connectionLost(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	return errors.As(err, &ne) || errors.As(err, &ce) || lineBroke(err) || strings.Contains(err.Error(), "failed to connect")
}

// lineBroke reports whether err says an open connection broke under a
// statement (the server or the network dropped it).
func lineBroke(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"conn closed", "connection reset", "broken pipe", "unexpected EOF"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
