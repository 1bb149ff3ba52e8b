// Package pgtest lets the data tests run a second time on PostgreSQL: when
// SAMSPIL_TEST_POSTGRES holds an administrator's URL of a server (as
// .ci/run sets it), each test that asks gets a fresh, empty database of its
// own there, dropped when the test ends. Without it the tests use files, so
// a developer without PostgreSQL still runs everything.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the environment variable that picks the engine.
const EnvVar = "SAMSPIL_TEST_POSTGRES"

var made atomic.Int64

// Enabled reports whether the tests run on PostgreSQL.
func Enabled() bool { return os.Getenv(EnvVar) != "" }

// Target is where a test's register lives: a fresh database on the server
// when the tests run on PostgreSQL, else file.
func Target(tb testing.TB, file string) string {
	tb.Helper()
	if !Enabled() {
		return file
	}
	return Fresh(tb)
}

// Fresh creates an empty database on the test server and returns its URL;
// the database is dropped when the test ends. It fails the test when the
// tests do not run on PostgreSQL.
func Fresh(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(EnvVar)
	if admin == "" {
		tb.Fatalf("%s is not set", EnvVar)
	}
	name := fmt.Sprintf("samspil_test_%d_%d", os.Getpid(), made.Add(1))
	if err := Admin(admin, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		if err := Admin(admin, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Logf("drop test database: %v", err)
		}
	})
	return WithDatabase(admin, name)
}

// WithDatabase is the server URL with another database name.
func WithDatabase(server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Admin runs one statement as the administrator of the test server.
func Admin(server, statement string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, statement)
	return err
}
