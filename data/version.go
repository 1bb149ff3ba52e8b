package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// ErrStale is returned when a save carries an older version of a record than
// the one stored: someone (another window, a bulk erasure, a merge, an
// import) changed it after the form loaded it. Nothing is written; the form
// keeps what was typed and can reload. Match it with errors.Is.
var ErrStale = &Error{Code: "err.stale", Args: map[string]any{}}

// ErrErased is returned when a save would write personal data back into a
// person who has been erased (anonymised). Match it with errors.Is.
var ErrErased = &Error{Code: "err.stale_erased"}

// versionClause is appended to an UPDATE's WHERE (after "id = ?"): it raises
// nothing itself, but only matches the row when the caller's version is the
// stored one. A version of 0 means the caller did not load the record (an
// import or the demo writing what it just made) and is not checked. Its two
// arguments are the version, twice. The same text works in PostgreSQL.
const versionClause = ` AND (? = 0 OR version = ?)`

// IsStale reports whether err refused a save because the record changed or
// was erased after the form loaded it: the form should keep what was typed
// and offer to reload.
func IsStale(err error) bool { return errors.Is(err, ErrStale) || errors.Is(err, ErrErased) }

// checkVersioned turns an UPDATE that matched no row into ErrNotFound when
// the record is gone, or into a stale error (see staleError).
func checkVersioned(ctx context.Context, tx *sql.Tx, res sql.Result, table string, id int64, changed func() []string) error {
	n, err := res.RowsAffected()
	if err != nil || n > 0 {
		return err
	}
	var who, when string
	err = tx.QueryRowContext(ctx, "SELECT changed_by, changed_at FROM "+table+" WHERE id = ?", id).Scan(&who, &when)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return staleError(changed, who, when)
}

// staleError is ErrStale followed by one error per field whose stored value
// differs from the one submitted, so the message says what changed and a
// form can mark those fields.
// On a server, who changed it (their login) and when are named.
func staleError(changed func() []string, who, when string) error {
	es := Errors{{Code: ErrStale.Code, Args: map[string]any{}}}
	if t, err := time.Parse(time.RFC3339, when); err == nil && who != "" {
		es[0].Args = map[string]any{"Who": who, "When": t.Local().Format("02-01-2006 15:04")}
	}
	if changed != nil {
		for _, f := range changed() {
			es.add(f, "err.changed_elsewhere", nil)
		}
	}
	return es
}

// bumpVersion sets *v to the version stored after an UPDATE raised it.
func bumpVersion(ctx context.Context, tx *sql.Tx, table string, id int64, v *int64) error {
	if *v != 0 {
		*v++
		return nil
	}
	return tx.QueryRowContext(ctx, "SELECT version FROM "+table+" WHERE id = ?", id).Scan(v)
}

// updateVersioned runs an UPDATE of one record by id that raises its
// version: set is the SET list without the version, args its arguments. It
// is refused with ErrStale when *version is older than the stored one (0:
// not checked) and with ErrNotFound when the record is gone; on success
// *version is the new one. changed, when given, names the fields that
// differ for the stale message.
func updateVersioned(ctx context.Context, tx *sql.Tx, table, set string, args []any, id int64, version *int64, changed func() []string) error {
	res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+set+", version = version + 1, changed_at = ? WHERE id = ?"+versionClause,
		append(args, now(), id, *version, *version)...)
	if err != nil {
		return err
	}
	if err := checkVersioned(ctx, tx, res, table, id, changed); err != nil {
		return err
	}
	return bumpVersion(ctx, tx, table, id, version)
}
