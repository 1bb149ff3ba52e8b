package data

import (
	"context"
	"database/sql/driver"
	"errors"

	"github.com/jackc/pgx/v5/stdlib"
)

// pgConnector hands database/sql PostgreSQL connections (pgx) that accept
// the same query text as SQLite: each query's placeholders are rebound on
// the way in, so the store's SQL is written once for both engines.
type pgConnector struct{ driver.Connector }

// Connect opens one connection to the server.
func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, errors.New("pgx returned an unexpected connection type")
	}
	return &pgConn{pc}, nil
}

// pgConn is a pgx connection that rebinds placeholders.
type pgConn struct{ *stdlib.Conn }

// Prepare prepares a statement after rebinding its placeholders.
func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(rebind(query))
}

// PrepareContext prepares a statement after rebinding its placeholders.
func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

// ExecContext runs a statement after rebinding its placeholders.
func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

// CheckNamedValue stores a Go bool as 1 or 0: the schema's yes/no columns
// are integers in both engines (SQLite has no boolean type), and pgx does
// not encode a bool into an integer column by itself.
func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		nv.Value = int64(0)
		if b {
			nv.Value = int64(1)
		}
	}
	return c.Conn.CheckNamedValue(nv)
}

// QueryContext runs a query after rebinding its placeholders.
func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}
