package data

import (
	"context"
	"database/sql"
	"fmt"
)

// MergePeople joins two records of the same person into keep, with the
// fields chosen (merged.ID must be keep). In one transaction the other
// record's participations, group periods, consents, onward paths, logbook
// links and references move to keep; where both took part in the same
// occasion the higher role level is kept; group periods that overlap
// keep's own are dropped. The other record is then deleted and the merge
// logged.
func (s *Store) MergePeople(ctx context.Context, merged *Person, drop int64) error {
	merged.normalize()
	if err := merged.Validate(); err != nil {
		return err
	}
	keep := merged.ID
	if keep == drop || keep == 0 || drop == 0 {
		return &Error{Code: "err.merge_same"}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, "people", drop, "person"); err != nil {
			return err
		}
		if merged.InvitedBy == drop {
			merged.InvitedBy = 0
		}
		if err := savePerson(ctx, tx, merged); err != nil {
			return err
		}
		steps := []struct {
			query string
			args  []any
		}{
			// Both at one occasion: keep the higher role on keep's row.
			{`UPDATE participations AS k SET role_id = d.role_id
				FROM participations AS d JOIN roles rd ON rd.id = d.role_id
				WHERE k.person_id = ? AND d.person_id = ? AND d.occasion_id = k.occasion_id
				AND rd.level > (SELECT level FROM roles WHERE id = k.role_id)`, []any{keep, drop}},
			{`DELETE FROM participations WHERE person_id = ? AND occasion_id IN
				(SELECT occasion_id FROM participations WHERE person_id = ?)`, []any{drop, keep}},
			{`UPDATE participations SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`DELETE FROM group_periods WHERE person_id = ?1 AND EXISTS (SELECT 1 FROM group_periods k
				WHERE k.person_id = ?2 AND k.start_date <= coalesce(group_periods.end_date, '2200-12-31')
				AND coalesce(k.end_date, '2200-12-31') >= group_periods.start_date)`, []any{drop, keep}},
			{`UPDATE group_periods SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`UPDATE consents SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`UPDATE paths SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`INSERT OR IGNORE INTO logbook_people (entry_id, person_id) SELECT entry_id, ? FROM logbook_people WHERE person_id = ?`, []any{keep, drop}},
			{`DELETE FROM logbook_people WHERE person_id = ?`, []any{drop}},
			{`UPDATE people SET invited_by = ? WHERE invited_by = ? AND id != ?`, []any{keep, drop, keep}},
			{`UPDATE activities SET initiator_id = ? WHERE initiator_id = ?`, []any{keep, drop}},
			{`DELETE FROM people WHERE id = ?`, []any{drop}},
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		}
		return audit(ctx, tx, "merge_people", fmt.Sprintf("kept=%d merged=%d", keep, drop))
	})
}
