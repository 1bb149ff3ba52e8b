package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// keptTable is a table carried over, compared on its columns.
type keptTable struct{ table, columns string }

// keptTables are the tables a restore never rolls back: what was done and handed
// out, and who asked to be erased. Their rows (no personal data in any)
// are carried from the replaced file into the restored one.
var keptTables = []keptTable{
	{"audit", "at, action, details"},
	{"exports", "at, recipient, period_from, period_to, pseudonymised, format, row_counts"},
	{"erasures", "person_id, at, kind"},
}

// carryOver merges the kept tables of the replaced file (old) into the file
// about to be restored (restored), applies every registered erasure the
// restored file does not yet show, and compacts the file so no erased
// value is left in its free space. A replaced file that cannot be read (a
// damaged one being restored over) has nothing to give and is skipped.
func carryOver(ctx context.Context, restored, old string) error {
	return carryTables(ctx, restored, old, keptTables)
}

// carryTables merges the tables from old into target, erases again whom
// the merged register names, and compacts target.
func carryTables(ctx context.Context, target, old string, tables []keptTable) error {
	from, err := Open(old)
	if err != nil {
		return nil
	}
	defer from.Close()
	s, err := Open(target)
	if err != nil {
		return err
	}
	defer s.Close()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, k := range tables {
			if err := mergeRows(ctx, from.db, tx, k.table, k.columns); err != nil {
				return err
			}
		}
		return reapplyErasures(ctx, tx)
	})
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, "VACUUM")
	return err
}

// mergeRows inserts the rows of table in from that to lacks (compared on
// every column listed), oldest first.
func mergeRows(ctx context.Context, from *sql.DB, to *sql.Tx, table, columns string) error {
	n := len(strings.Split(columns, ","))
	rows, err := from.QueryContext(ctx, "SELECT "+columns+" FROM "+table+" ORDER BY id")
	if err != nil {
		return fmt.Errorf("carry %s over: %w", table, err)
	}
	var all [][]any
	for rows.Next() {
		vals := make([]any, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return err
		}
		all = append(all, vals)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	cols := strings.Split(columns, ",")
	conds := make([]string, n)
	for i, c := range cols {
		conds[i] = strings.TrimSpace(c) + " IS ?"
	}
	insert := "INSERT INTO " + table + " (" + columns + ") SELECT " + placeholders(n) +
		" WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE " + strings.Join(conds, " AND ") + ")"
	for _, vals := range all {
		if _, err := to.ExecContext(ctx, insert, append(append([]any{}, vals...), vals...)...); err != nil {
			return fmt.Errorf("carry %s over: %w", table, err)
		}
	}
	return nil
}

// reapplyErasures erases again everyone in the erasure register whom the
// file still shows: anonymised people who are not, deleted people who
// are there. It is logged with the count.
func reapplyErasures(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT e.person_id, e.kind FROM erasures e JOIN people p ON p.id = e.person_id
		WHERE e.kind = 'delete' OR p.anonymised = 0 ORDER BY e.kind DESC`)
	type erasure struct {
		id   int64
		kind string
	}
	todo, err := collect(rows, err, func(r *sql.Rows) (erasure, error) {
		var e erasure
		return e, r.Scan(&e.id, &e.kind)
	})
	if err != nil || len(todo) == 0 {
		return err
	}
	done := map[int64]bool{}
	for _, e := range todo {
		if done[e.id] {
			continue
		}
		done[e.id] = true
		if e.kind == "delete" {
			err = removePerson(ctx, tx, e.id)
		} else {
			err = anonymise(ctx, tx, e.id)
		}
		if err != nil {
			return err
		}
	}
	return audit(ctx, tx, "reapply_erasures", fmt.Sprintf("people=%d", len(done)))
}
