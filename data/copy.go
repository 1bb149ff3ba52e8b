package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// copyOrder is every table of a Samspil register in an order in which each
// table comes after the tables it refers to. Copy refuses a register whose
// tables are not exactly these (a migration that adds a table must add it
// here), so nothing is ever left behind silently.
var copyOrder = []string{
	"settings", "target_sizes", "categories", "roles", "themes",
	"people", "group_periods", "group_period_categories", "consents",
	"activities", "occasions", "participations", "paths",
	"logbook", "logbook_people", "logbook_themes",
	"exports", "audit", "erasures",
}

// copyCatalogs are the tables a fresh register already holds (the settings
// row with its own secret, and migration 1's catalogues): a copy replaces
// them with the source's rows. Any other row in the target means it is not
// empty, and the copy is refused.
var copyCatalogs = []string{"settings", "categories", "roles", "themes"}

// CopiedTable is one table of a copy and the rows it holds in both places.
type CopiedTable struct {
	Name string
	Rows int64
}

// CopyReport says what Copy copied: the source and target (a file, or a
// server URL without its password) and every table with its row count,
// which source and target agreed on.
type CopyReport struct {
	From, To string
	Tables   []CopiedTable
}

// Rows returns the number of rows copied into table.
func (r CopyReport) Rows(table string) int64 {
	for _, t := range r.Tables {
		if t.Name == table {
			return t.Rows
		}
	}
	return 0
}

// Copy copies a whole Samspil register from one place to another — a file
// or a PostgreSQL server URL on either side — with the same ids, the
// settings and the pseudonym secret: a partnership's file moves onto a
// server, or a server's register becomes a portable file. The target must
// be empty (a new file, an empty database, or a register without any
// registrations); everything is written in one transaction, the row counts
// of every table are compared before it is committed, and a failed copy
// leaves the target as it was (a file Copy created is removed).
func Copy(ctx context.Context, from, to string) (CopyReport, error) {
	if sameRegister(from, to) {
		return CopyReport{}, &Error{Code: "err.copy_same", Args: map[string]any{"Path": redactPlace(to)}}
	}
	if !IsServerURL(from) {
		if _, err := os.Stat(from); err != nil {
			return CopyReport{}, &Error{Code: "err.db_unreadable", Args: map[string]any{"Path": from, "Reason": "no such file"}}
		}
	}
	src, err := Open(from)
	if err != nil {
		return CopyReport{}, err
	}
	defer src.Close()
	created := false
	if !IsServerURL(to) {
		if _, err := os.Stat(to); errors.Is(err, os.ErrNotExist) {
			created = true
		}
	}
	dst, err := Open(to)
	if err != nil {
		return CopyReport{}, err
	}
	rep, err := copyStores(ctx, src, dst)
	if err == nil {
		err = dst.Analyze(ctx) // a server would plan the first reads as if the tables were empty
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil && created {
		removeDatabaseFiles(to)
	}
	return rep, err
}

// sameRegister reports whether from and to name the same file or URL.
func sameRegister(from, to string) bool {
	if IsServerURL(from) || IsServerURL(to) {
		return from == to
	}
	a, err1 := filepath.Abs(from)
	b, err2 := filepath.Abs(to)
	return err1 == nil && err2 == nil && a == b
}

// redactPlace is how a file or a server is named in messages.
func redactPlace(place string) string {
	if IsServerURL(place) {
		return RedactURL(place)
	}
	return place
}

// HoldsRegistrations reports whether the register holds anything beyond
// what a fresh one has (its settings and the default catalogues), and
// names the first table that does. Copy refuses such a target.
func (s *Store) HoldsRegistrations(ctx context.Context) (table string, err error) {
	for _, t := range append([]string{"people", "activities", "occasions"}, copyOrder...) {
		if slices.Contains(copyCatalogs, t) {
			continue
		}
		var found int
		err := s.q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+quoteIdent(t)+` LIMIT 1) x`).Scan(&found)
		if err != nil {
			return "", s.classify(err)
		}
		if found > 0 {
			return t, nil
		}
	}
	return "", nil
}

// copyStores copies everything in src into dst, as Copy describes. src is
// read in one read transaction (on a server, a consistent snapshot while
// coordinators keep registering); dst is written in one transaction.
func copyStores(ctx context.Context, src, dst *Store) (CopyReport, error) {
	rep := CopyReport{From: src.path, To: dst.path}
	sv, err := src.Version(ctx)
	if err != nil {
		return rep, src.classify(err)
	}
	dv, err := dst.Version(ctx)
	if err != nil {
		return rep, dst.classify(err)
	}
	if sv != dv {
		return rep, fmt.Errorf("copy: the source has schema %d and the target %d", sv, dv)
	}
	if err := dst.checkCopyTables(ctx); err != nil {
		return rep, err
	}
	if err := src.checkCopyTables(ctx); err != nil {
		return rep, err
	}
	rtx, err := src.db.BeginTx(ctx, src.eng.readOptions())
	if err != nil {
		return rep, src.classify(err)
	}
	defer rtx.Rollback()
	err = dst.inTx(ctx, func(wtx *sql.Tx) error {
		target := Store{db: dst.db, q: wtx, eng: dst.eng, path: dst.path}
		if t, err := target.HoldsRegistrations(ctx); err != nil {
			return err
		} else if t != "" {
			return &Error{Code: "err.copy_target_not_empty", Args: map[string]any{"Path": dst.path, "Table": t}}
		}
		triggers, err := dst.quietStamps(ctx, wtx)
		if err != nil {
			return err
		}
		for i := len(copyOrder) - 1; i >= 0; i-- {
			if _, err := wtx.ExecContext(ctx, `DELETE FROM `+quoteIdent(copyOrder[i])); err != nil {
				return fmt.Errorf("copy: empty %s: %w", copyOrder[i], err)
			}
		}
		for _, t := range copyOrder {
			n, err := copyTable(ctx, rtx, wtx, t)
			if err != nil {
				return err
			}
			rep.Tables = append(rep.Tables, CopiedTable{Name: t, Rows: n})
		}
		if dst.eng.server() {
			if err := resetIdentities(ctx, wtx); err != nil {
				return err
			}
			for _, t := range triggers {
				if _, err := wtx.ExecContext(ctx, `ALTER TABLE `+quoteIdent(t[0])+` ENABLE TRIGGER `+quoteIdent(t[1])); err != nil {
					return err
				}
			}
		}
		for i, t := range rep.Tables {
			var have, want int64
			if err := wtx.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteIdent(t.Name)).Scan(&have); err != nil {
				return err
			}
			if err := rtx.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteIdent(t.Name)).Scan(&want); err != nil {
				return err
			}
			if have != want || have != t.Rows {
				return &Error{Code: "err.copy_counts", Args: map[string]any{"Table": t.Name, "From": want, "To": have}}
			}
			rep.Tables[i].Rows = have
		}
		return nil
	})
	if err != nil {
		rep.Tables = nil
		return rep, err
	}
	return rep, dst.eng.flush(ctx, dst.db)
}

// checkCopyTables makes sure the register holds exactly the tables Copy
// knows (besides the engine's own bookkeeping).
func (s *Store) checkCopyTables(ctx context.Context) error {
	query := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`
	if s.eng.server() {
		query = `SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename <> 'samspil_schema'`
	}
	rows, err := s.q.QueryContext(ctx, query)
	if err != nil {
		return s.classify(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return s.classify(err)
	}
	for _, n := range names {
		if !slices.Contains(copyOrder, n) {
			return fmt.Errorf("copy: %s holds a table this Samspil cannot copy: %s", s.path, n)
		}
	}
	for _, n := range copyOrder {
		if !slices.Contains(names, n) {
			return fmt.Errorf("copy: %s has no table %s", s.path, n)
		}
	}
	return nil
}

// quietStamps turns off, until the end of the copy's transaction, the
// server's triggers that write the current login into changed_by, so the
// copy keeps who changed each row. Only the owner of the tables may, and
// only the owner can reset their id sequences: anyone else is refused.
// It returns the (table, trigger) pairs to turn on again.
func (s *Store) quietStamps(ctx context.Context, tx *sql.Tx) ([][2]string, error) {
	if !s.eng.server() {
		return nil, nil
	}
	var foreign int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pg_catalog.pg_tables
		WHERE schemaname = current_schema() AND NOT pg_has_role(current_user, tableowner, 'USAGE')`).Scan(&foreign)
	if err != nil {
		return nil, err
	}
	if foreign > 0 {
		return nil, &Error{Code: "err.copy_not_owner", Args: map[string]any{"Path": s.path}}
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.relname, t.tgname FROM pg_catalog.pg_trigger t
		JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
		JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
		WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname IN ('samspil_stamp', 'samspil_audit_login')
		  AND c.relnamespace = current_schema()::regnamespace
		ORDER BY c.relname, t.tgname`)
	if err != nil {
		return nil, err
	}
	var pairs [][2]string
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			rows.Close()
			return nil, err
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE `+quoteIdent(p[0])+` DISABLE TRIGGER `+quoteIdent(p[1])); err != nil {
			return nil, err
		}
	}
	return pairs, nil
}

// copyBatchValues bounds the values of one multi-row INSERT, well below
// both engines' limits on bound parameters.
const copyBatchValues = 8000

// copyTable copies every row of table from the source's read transaction
// into the target's, in the target's columns (which the source, at the
// same schema version, has too), in id order where the table has ids.
// Values travel as the drivers give them: integers (SQLite's 0/1 flags
// stay integers, as the server's BIGINT columns want), text, floating
// point, bytes and NULL.
func copyTable(ctx context.Context, from, to *sql.Tx, table string) (int64, error) {
	cols, err := columnsOf(ctx, to, table)
	if err != nil {
		return 0, err
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quoteIdent(c)
	}
	order := ""
	switch {
	case slices.Contains(cols, "id"):
		order = " ORDER BY id"
	case len(cols) > 0:
		order = " ORDER BY " + strings.Join(quoted, ", ")
	}
	rows, err := from.QueryContext(ctx, `SELECT `+strings.Join(quoted, ", ")+` FROM `+quoteIdent(table)+order)
	if err != nil {
		return 0, fmt.Errorf("copy: read %s: %w", table, err)
	}
	defer rows.Close()
	// A person may name as inviter someone registered after them: those
	// references are set once everyone is in.
	selfRef := -1
	if table == "people" {
		selfRef = slices.Index(cols, "invited_by")
	}
	type later struct{ id, ref any }
	var pending []later
	seen := map[int64]bool{}
	idCol := slices.Index(cols, "id")

	perBatch := max(1, copyBatchValues/len(cols))
	head := `INSERT INTO ` + quoteIdent(table) + ` (` + strings.Join(quoted, ", ") + `) VALUES `
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var batch []any
	inBatch := 0
	var n int64
	flush := func() error {
		if inBatch == 0 {
			return nil
		}
		q := head + strings.TrimSuffix(strings.Repeat(one+", ", inBatch), ", ")
		if _, err := to.ExecContext(ctx, q, batch...); err != nil {
			return fmt.Errorf("copy: write %s: %w", table, err)
		}
		batch, inBatch = batch[:0], 0
		return nil
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("copy: read %s: %w", table, err)
		}
		for i, v := range vals {
			vals[i] = portable(v)
		}
		if idCol >= 0 {
			if id, ok := vals[idCol].(int64); ok {
				seen[id] = true
			}
		}
		if selfRef >= 0 && vals[selfRef] != nil {
			if ref, ok := vals[selfRef].(int64); !ok || !seen[ref] {
				pending = append(pending, later{vals[idCol], vals[selfRef]})
				vals[selfRef] = nil
			}
		}
		batch = append(batch, vals...)
		inBatch++
		n++
		if inBatch >= perBatch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("copy: read %s: %w", table, err)
	}
	if err := flush(); err != nil {
		return n, err
	}
	for _, p := range pending {
		if _, err := to.ExecContext(ctx, `UPDATE people SET invited_by = ? WHERE id = ?`, p.ref, p.id); err != nil {
			return n, fmt.Errorf("copy: write people: %w", err)
		}
	}
	return n, nil
}

// portable turns what a driver returned into a value both engines accept
// for the same column: a copy of bytes (the driver may reuse its buffer),
// and integers for booleans, as Samspil's columns hold 0 and 1.
func portable(v any) any {
	switch x := v.(type) {
	case []byte:
		return slices.Clone(x)
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case int:
		return int64(x)
	case int32:
		return int64(x)
	}
	return v
}

// columnsOf lists a table's columns as the database declares them.
func columnsOf(ctx context.Context, q querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+quoteIdent(table)+` WHERE 1 = 0`)
	if err != nil {
		return nil, fmt.Errorf("copy: columns of %s: %w", table, err)
	}
	defer rows.Close()
	return rows.Columns()
}

// resetIdentities moves every id sequence of the server's tables past the
// ids the copy brought along, so the next registration gets a fresh id.
func resetIdentities(ctx context.Context, tx *sql.Tx) error {
	for _, t := range copyOrder {
		cols, err := columnsOf(ctx, tx, t)
		if err != nil {
			return err
		}
		if !slices.Contains(cols, "id") {
			continue
		}
		lit := "'" + strings.ReplaceAll(quoteIdent(t), "'", "''") + "'"
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(`+lit+`, 'id'), coalesce(max(id), 0) + 1, false) FROM `+quoteIdent(t)); err != nil {
			return fmt.Errorf("copy: reset the ids of %s: %w", t, err)
		}
	}
	return nil
}

// quoteIdent quotes a table or column name for either engine.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
