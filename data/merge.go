package data

import (
	"context"
	"database/sql"
	"fmt"
)

// MergeOptions are the coordinator's answers where two records of one
// person disagree.
type MergeOptions struct {
	// PeriodsFromDrop: on days where the two records' group periods put the
	// person in different groups, the dropped record's group applies
	// (otherwise the kept record's). Days only one record covers keep that
	// record's group either way.
	PeriodsFromDrop bool
	// Roles holds, per occasion both records took part in with roles of the
	// same level, the role chosen. Without an answer the kept record's role
	// stays; where the levels differ the higher role is kept.
	Roles map[int64]int64
}

// PeriodOverlap is a pair of group periods, one of each record, that put
// the person in different groups on the same days.
type PeriodOverlap struct{ Keep, Drop *GroupPeriod }

// RoleChoice is an occasion both records took part in with different roles
// of the same level: the coordinator chooses which role stands.
type RoleChoice struct {
	OccasionID     int64
	Date           Date
	Activity       string
	KeepRole       int64
	DropRole       int64
	KeepMinutes    int
	DropMinutes    int
	KeepRoleName   string
	DropRoleName   string
	KeepRoleNameEn string
	DropRoleNameEn string
}

// MergeConflicts is what a merge must ask before it runs.
type MergeConflicts struct {
	Overlaps   []PeriodOverlap
	EqualRoles []RoleChoice
}

// MergeConflicts lists where the records keep and drop disagree: group
// periods that overlap with different groups, and shared occasions with
// different roles of the same level.
func (s *Store) MergeConflicts(ctx context.Context, keep, drop int64) (*MergeConflicts, error) {
	k, err := loadPeriods(ctx, s.q, keep)
	if err != nil {
		return nil, err
	}
	d, err := loadPeriods(ctx, s.q, drop)
	if err != nil {
		return nil, err
	}
	c := &MergeConflicts{Overlaps: disagreements(k, d)}
	rows, err := s.q.QueryContext(ctx, `SELECT o.id, o.date, a.name, k.role_id, d.role_id, coalesce(k.minutes, 0),
		coalesce(d.minutes, 0), rk.name_da, rd.name_da, rk.name_en, rd.name_en
		FROM participations k JOIN participations d ON d.occasion_id = k.occasion_id AND d.person_id = ?
		JOIN roles rk ON rk.id = k.role_id JOIN roles rd ON rd.id = d.role_id
		JOIN occasions o ON o.id = k.occasion_id JOIN activities a ON a.id = o.activity_id
		WHERE k.person_id = ? AND rk.level = rd.level AND k.role_id != d.role_id ORDER BY o.date`, drop, keep)
	c.EqualRoles, err = collect(rows, err, func(r *sql.Rows) (RoleChoice, error) {
		var x RoleChoice
		return x, r.Scan(&x.OccasionID, &x.Date, &x.Activity, &x.KeepRole, &x.DropRole, &x.KeepMinutes, &x.DropMinutes,
			&x.KeepRoleName, &x.DropRoleName, &x.KeepRoleNameEn, &x.DropRoleNameEn)
	})
	return c, err
}

// MergePeople merges drop into merged.ID with the default answers (see
// MergePeopleWith).
func (s *Store) MergePeople(ctx context.Context, merged *Person, drop int64) error {
	return s.MergePeopleWith(ctx, merged, drop, MergeOptions{})
}

// MergePeopleWith joins two records of the same person into keep, with the
// fields chosen (merged.ID must be keep; its Version is checked, so a merge
// from a stale form is refused). In one transaction the other record's
// participations, group periods, consents, onward paths, logbook links and
// references move to keep, and nothing is dropped: the group periods are
// combined day by day (opt.PeriodsFromDrop says whose group applies where
// they disagree), on a shared occasion the higher role is kept — or the
// chosen one where the levels are equal — and the minutes recorded on
// either. The other record is then deleted and the merge logged.
func (s *Store) MergePeopleWith(ctx context.Context, merged *Person, drop int64, opt MergeOptions) error {
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
		if err := mergePeriods(ctx, tx, keep, drop, opt.PeriodsFromDrop); err != nil {
			return err
		}
		for occasion, role := range opt.Roles {
			if _, err := tx.ExecContext(ctx, `UPDATE participations SET role_id = ? WHERE person_id = ? AND occasion_id = ?
				AND ? IN (SELECT role_id FROM participations WHERE occasion_id = ? AND person_id IN (?, ?))`,
				role, keep, occasion, role, occasion, keep, drop); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		}
		steps := []struct {
			query string
			args  []any
		}{
			// Both at one occasion: keep the higher role on keep's row, and
			// the longer of the minutes recorded.
			{`UPDATE participations AS k SET role_id = d.role_id
				FROM participations AS d JOIN roles rd ON rd.id = d.role_id
				WHERE k.person_id = ? AND d.person_id = ? AND d.occasion_id = k.occasion_id
				AND rd.level > (SELECT level FROM roles WHERE id = k.role_id)`, []any{keep, drop}},
			{`UPDATE participations AS k SET minutes = d.minutes
				FROM participations AS d
				WHERE k.person_id = ? AND d.person_id = ? AND d.occasion_id = k.occasion_id
				AND d.minutes IS NOT NULL AND (k.minutes IS NULL OR k.minutes < d.minutes)`, []any{keep, drop}},
			{`DELETE FROM participations WHERE person_id = ? AND occasion_id IN
				(SELECT occasion_id FROM participations WHERE person_id = ?)`, []any{drop, keep}},
			{`UPDATE participations SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`UPDATE consents SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`UPDATE paths SET person_id = ? WHERE person_id = ?`, []any{keep, drop}},
			{`INSERT INTO logbook_people (entry_id, person_id) SELECT entry_id, ? FROM logbook_people WHERE person_id = ? ON CONFLICT DO NOTHING`, []any{keep, drop}},
			{`DELETE FROM logbook_people WHERE person_id = ?`, []any{drop}},
			{`UPDATE people SET invited_by = ?, version = version + 1 WHERE invited_by = ? AND id != ?`, []any{keep, drop, keep}},
			{`UPDATE activities SET initiator_id = ?, version = version + 1 WHERE initiator_id = ?`, []any{keep, drop}},
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

// mergePeriods puts the two records' periods, combined without losing a
// day, under keep.
func mergePeriods(ctx context.Context, tx *sql.Tx, keep, drop int64, fromDrop bool) error {
	for _, id := range sortedIDs([]int64{keep, drop}) { // one order, so two merges cannot deadlock
		if err := lockPerson(ctx, tx, id); err != nil {
			return err
		}
	}
	k, err := loadPeriods(ctx, tx, keep)
	if err != nil {
		return err
	}
	d, err := loadPeriods(ctx, tx, drop)
	if err != nil {
		return err
	}
	if len(d) == 0 {
		return nil
	}
	winner, other := k, d
	if fromDrop {
		winner, other = d, k
	}
	return replacePeriods(ctx, tx, keep, drop, combinePeriods(winner, other))
}
