package data

import (
	"context"

	"samspil/data/dbtext"
)

// TableNames returns the names of the register's tables, in order, for
// tests and checks that compare two registers in full (see TableDigest).
func (s *Store) TableNames(ctx context.Context) ([]string, error) {
	return dbtext.Tables(s.db)
}

// TableDigest returns every row of the table as text, one sorted line of
// column=value pairs per row, leaving out the columns named in skip (the
// moment of writing, a secret): two registers on the same engine holding
// the same rows give the same text.
func (s *Store) TableDigest(ctx context.Context, table string, skip map[string]bool) (string, error) {
	return dbtext.Table(s.db, table, skip)
}
