package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order; a file named
// 0003_something.sql brings the schema to version 3.
func migrations() []migration {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("bad migration file name " + e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic("migrations must be numbered 1, 2, 3, …: " + m.name)
		}
	}
	return ms
}

// SchemaVersion is the schema version this build of Samspil writes.
func SchemaVersion() int { return len(migrations()) }

// migrate applies each missing migration in its own transaction and records
// the version in PRAGMA user_version.
func (s *Store) migrate(ctx context.Context, fresh bool) error {
	current, err := s.eng.schemaVersion(ctx, s.db)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return newerSchemaError(s.path, current)
	}
	if current == 0 && !fresh {
		return &Error{Code: "err.db_not_samspil", Args: map[string]any{"Path": s.path}}
	}
	for _, m := range migrations()[current:] {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.eng.ddl(m.sql)); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if m.version == 1 {
				if err := s.initSettings(ctx, tx); err != nil {
					return err
				}
			}
			return s.eng.setSchemaVersion(ctx, tx, m.version)
		})
		if err != nil {
			return err
		}
	}
	if fresh {
		return s.eng.flush(ctx, s.db)
	}
	return nil
}

// Version returns the schema version recorded in the open file.
func (s *Store) Version(ctx context.Context) (int, error) {
	return s.eng.schemaVersion(ctx, s.q)
}
