package data

import (
	"context"
	"database/sql"
	"errors"
)

// nullInt stores 0 as NULL.
func nullInt(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

// nullID stores the id 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// expectOne turns an UPDATE or DELETE that touched no row into ErrNotFound.
func expectOne(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// mustExist returns a field error when the row id is not in table.
func mustExist(ctx context.Context, tx *sql.Tx, table string, id int64, field string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return &Error{Code: "err.unknown_ref", Field: field}
	}
	return err
}

// collect scans every row with scan, closing rows.
func collect[T any](rows *sql.Rows, err error, scan func(*sql.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// insertID runs an INSERT and returns the id the database gave the new row
// (RETURNING id, which both engines accept; PostgreSQL has no last insert id).
func insertID(ctx context.Context, tx *sql.Tx, insert string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, insert+" RETURNING id", args...).Scan(&id)
	return id, err
}
