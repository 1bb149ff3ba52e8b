package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// GroupPeriod says which group a person belonged to from Start to End
// (inclusive; a zero End means still). A person is in at most one group on
// any day, so that every participation counts under exactly one group.
type GroupPeriod struct {
	ID          int64
	PersonID    int64
	Group       Group
	StaffKind   string  // for municipal staff: one of StaffKinds, or ""
	Start       Date    // required
	End         Date    // zero while the period is open
	CategoryIDs []int64 // target-group categories; at least one for GroupTarget
	Version     int64   // as loaded; a save with an older one is refused (ErrStale)
}

// Validate checks the period's own fields.
func (g *GroupPeriod) Validate() error {
	var es Errors
	if !isOneOf(g.Group, Groups) {
		es.add("group", "err.bad_code", map[string]any{"Value": string(g.Group)})
	}
	if g.Start.IsZero() {
		es.add("start", "err.required", nil)
	}
	if !g.End.IsZero() && g.End.Before(g.Start) {
		es.add("end", "err.end_before_start", nil)
	}
	if g.Group == GroupTarget && len(g.CategoryIDs) == 0 {
		es.add("categories", "err.category_required", nil)
	}
	if g.Group != GroupTarget && len(g.CategoryIDs) > 0 {
		es.add("categories", "err.categories_only_target", nil)
	}
	if g.StaffKind != "" && (g.Group != GroupMunicipalStaff || !isOneOf(g.StaffKind, StaffKinds)) {
		es.add("staff_kind", "err.bad_code", map[string]any{"Value": g.StaffKind})
	}
	return es.err()
}

// AddGroupPeriod records that the person joins a group. An open period that
// began earlier is closed the day before, so moving someone from the target
// group to volunteer is one step; any other overlap is refused.
func (s *Store) AddGroupPeriod(ctx context.Context, g *GroupPeriod) error {
	return s.Update(ctx, func(t *Tx) error { return t.AddGroupPeriod(g) })
}

func addGroupPeriod(ctx context.Context, tx *sql.Tx, g *GroupPeriod) error {
	if err := lockPerson(ctx, tx, g.PersonID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE group_periods SET end_date = ?, version = version + 1
		WHERE person_id = ? AND end_date IS NULL AND start_date < ?`, g.Start.AddDays(-1), g.PersonID, g.Start)
	if err != nil {
		return err
	}
	if err := checkNoOverlap(ctx, tx, g); err != nil {
		return err
	}
	if g.ID, err = insertID(ctx, tx, `INSERT INTO group_periods (person_id, grp, staff_kind, start_date, end_date, changed_at)
		VALUES (?, ?, ?, ?, ?, ?)`, g.PersonID, g.Group, g.StaffKind, g.Start, g.End, now()); err != nil {
		return err
	}
	g.Version = 1
	return setPeriodCategories(ctx, tx, g)
}

func setPeriodCategories(ctx context.Context, tx *sql.Tx, g *GroupPeriod) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM group_period_categories WHERE period_id = ?`, g.ID); err != nil {
		return err
	}
	for _, c := range g.CategoryIDs {
		if err := mustExist(ctx, tx, "categories", c, "categories"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO group_period_categories (period_id, category_id)
			VALUES (?, ?) ON CONFLICT DO NOTHING`, g.ID, c); err != nil {
			return err
		}
	}
	return nil
}

// checkNoOverlap refuses g when another period of the person shares a day with it.
func checkNoOverlap(ctx context.Context, tx *sql.Tx, g *GroupPeriod) error {
	end := g.End
	if end.IsZero() {
		end = MustDate("2200-12-31")
	}
	var other Date
	err := tx.QueryRowContext(ctx, `SELECT start_date FROM group_periods
		WHERE person_id = ? AND id != ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) LIMIT 1`,
		g.PersonID, g.ID, end, g.Start).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &Error{Code: "err.period_overlap", Field: "start", Args: map[string]any{"Start": other}}
}

// UpdateGroupPeriod changes a period's dates, group and categories.
func (s *Store) UpdateGroupPeriod(ctx context.Context, g *GroupPeriod) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := lockPerson(ctx, tx, g.PersonID); err != nil {
			return err
		}
		if err := checkNoOverlap(ctx, tx, g); err != nil {
			return err
		}
		before, err := ungroupedParticipations(ctx, tx, g.PersonID)
		if err != nil {
			return err
		}
		var owner int64
		if err := tx.QueryRowContext(ctx, `SELECT person_id FROM group_periods WHERE id = ?`, g.ID).Scan(&owner); err != nil || owner != g.PersonID {
			return ErrNotFound // not this person's period
		}
		err = updateVersioned(ctx, tx, "group_periods", `grp = ?, staff_kind = ?, start_date = ?, end_date = ?`,
			[]any{g.Group, g.StaffKind, g.Start, g.End}, g.ID, &g.Version, nil)
		if err != nil {
			return err
		}
		after, err := ungroupedParticipations(ctx, tx, g.PersonID)
		if err != nil {
			return err
		}
		if after > before {
			return &Error{Code: "err.period_orphans", Field: "start", Args: map[string]any{"Count": after - before}}
		}
		return setPeriodCategories(ctx, tx, g)
	})
}

// CloseGroupPeriod ends an open period on the day end.
func (s *Store) CloseGroupPeriod(ctx context.Context, id int64, end Date) error {
	periods, err := s.groupPeriodByID(ctx, id)
	if err != nil {
		return err
	}
	periods.End = end
	return s.UpdateGroupPeriod(ctx, periods)
}

// DeleteGroupPeriod removes a period recorded by mistake.
func (s *Store) DeleteGroupPeriod(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var personID int64
		err := tx.QueryRowContext(ctx, `SELECT person_id FROM group_periods WHERE id = ?`, id).Scan(&personID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := lockPerson(ctx, tx, personID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM group_periods WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return expectOne(res)
	})
}

// lockPerson makes tx the one transaction changing the person's group
// periods until it ends: the rules on periods (no overlap, no orphaned
// participation) are checked by reading, and on a server two coordinators'
// checks would otherwise each miss the other's uncommitted period. SQLite
// writers queue anyway. The UPDATE changes nothing but takes the row's
// lock in both engines; a missing person is an unknown reference.
func lockPerson(ctx context.Context, tx *sql.Tx, personID int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE people SET version = version WHERE id = ?`, personID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = &Error{Code: "err.unknown_ref", Field: "person"}
		}
		return err
	}
	return nil
}

func (s *Store) groupPeriodByID(ctx context.Context, id int64) (*GroupPeriod, error) {
	var personID int64
	err := s.q.QueryRowContext(ctx, `SELECT person_id FROM group_periods WHERE id = ?`, id).Scan(&personID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	all, err := s.GroupPeriods(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, g := range all {
		if g.ID == id {
			return g, nil
		}
	}
	return nil, ErrNotFound
}

// GroupPeriods returns a person's periods, oldest first.
func (s *Store) GroupPeriods(ctx context.Context, personID int64) ([]*GroupPeriod, error) {
	return loadPeriods(ctx, s.q, personID)
}

// GroupsOn returns the group each of the people had on the day; people with
// no period on that day are missing from the map (GroupUnknown).
func (s *Store) GroupsOn(ctx context.Context, day Date, personIDs []int64) (map[int64]Group, error) {
	out := make(map[int64]Group, len(personIDs))
	if len(personIDs) == 0 {
		return out, nil
	}
	query := fmt.Sprintf(`SELECT person_id, grp FROM group_periods WHERE start_date <= ?
		AND (end_date IS NULL OR end_date >= ?) AND person_id IN (%s)`, placeholders(len(personIDs)))
	args := []any{day, day}
	for _, id := range personIDs {
		args = append(args, id)
	}
	rows, err := s.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var g Group
		if err := rows.Scan(&id, &g); err != nil {
			return nil, err
		}
		out[id] = g
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func parseIDs(csv string) []int64 {
	var out []int64
	for _, f := range strings.Split(csv, ",") {
		var id int64
		if _, err := fmt.Sscan(f, &id); err == nil {
			out = append(out, id)
		}
	}
	return out
}
