package data

import (
	"context"
	"database/sql"
	"slices"
	"sort"
)

// farFuture stands for the open end of a period in comparisons.
var farFuture = MustDate("2200-12-31")

func endOf(g *GroupPeriod) Date {
	if g.End.IsZero() {
		return farFuture
	}
	return g.End
}

// overlap reports whether two periods share a day.
func overlap(a, b *GroupPeriod) bool {
	return !endOf(a).Before(b.Start) && !endOf(b).Before(a.Start)
}

// sameGroup reports whether two periods put the person in the same group
// with the same staff kind and categories.
func sameGroup(a, b *GroupPeriod) bool {
	return a.Group == b.Group && a.StaffKind == b.StaffKind && slices.Equal(sortedIDs(a.CategoryIDs), sortedIDs(b.CategoryIDs))
}

func sortedIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// disagreements are the pairs of overlapping periods that put the person in
// different groups (or categories) on the same days.
func disagreements(keep, drop []*GroupPeriod) []PeriodOverlap {
	var out []PeriodOverlap
	for _, k := range keep {
		for _, d := range drop {
			if overlap(k, d) && !sameGroup(k, d) {
				out = append(out, PeriodOverlap{Keep: k, Drop: d})
			}
		}
	}
	return out
}

// combinePeriods joins two records' periods without losing a day: the
// winner's periods stand whole, the other's fill the days the winner's do
// not cover, and a piece cut that way joins the same group's period it
// touches (periods that merely follow each other stay apart, as recorded).
func combinePeriods(winner, other []*GroupPeriod) []*GroupPeriod {
	all := slices.Clone(winner)
	cut := map[*GroupPeriod]bool{}
	for _, p := range other {
		for _, piece := range subtract(p, winner) {
			if piece.Start != p.Start || piece.End != p.End {
				cut[piece] = true
			}
			all = append(all, piece)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Start.Before(all[j].Start) })
	var out []*GroupPeriod
	var last *GroupPeriod // the original of out's last period
	for _, p := range all {
		if n := len(out); n > 0 && (cut[p] || cut[last]) && sameGroup(out[n-1], p) &&
			!out[n-1].End.IsZero() && out[n-1].End.AddDays(1) == p.Start {
			out[n-1].End = p.End
			last = p
			continue
		}
		c := *p
		out = append(out, &c)
		last = p
	}
	return out
}

// subtract returns the parts of p on days none of ws covers.
func subtract(p *GroupPeriod, ws []*GroupPeriod) []*GroupPeriod {
	c := *p
	pieces := []*GroupPeriod{&c}
	for _, w := range ws {
		var next []*GroupPeriod
		for _, x := range pieces {
			if !overlap(x, w) {
				next = append(next, x)
				continue
			}
			if x.Start.Before(w.Start) {
				before := *x
				before.End = w.Start.AddDays(-1)
				next = append(next, &before)
			}
			if !w.End.IsZero() && w.End.Before(endOf(x)) {
				after := *x
				after.Start = w.End.AddDays(1)
				next = append(next, &after)
			}
		}
		pieces = next
	}
	return pieces
}

// loadPeriods reads a person's periods with their categories through q.
func loadPeriods(ctx context.Context, q querier, personID int64) ([]*GroupPeriod, error) {
	rows, err := q.QueryContext(ctx, `SELECT g.id, g.person_id, g.grp, g.staff_kind, g.start_date, g.end_date,
		coalesce((SELECT string_agg(CAST(category_id AS TEXT), ',') FROM group_period_categories WHERE period_id = g.id), ''), g.version
		FROM group_periods g WHERE g.person_id = ? ORDER BY g.start_date`, personID)
	return collect(rows, err, func(r *sql.Rows) (*GroupPeriod, error) {
		g := &GroupPeriod{}
		var cats string
		err := r.Scan(&g.ID, &g.PersonID, &g.Group, &g.StaffKind, &g.Start, &g.End, &cats, &g.Version)
		g.CategoryIDs = parseIDs(cats)
		return g, err
	})
}

// replacePeriods puts periods in place of every period the two records
// had, all under keep.
func replacePeriods(ctx context.Context, tx *sql.Tx, keep, drop int64, periods []*GroupPeriod) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM group_periods WHERE person_id IN (?, ?)`, keep, drop); err != nil {
		return err
	}
	for _, g := range periods {
		var err error
		if g.ID, err = insertID(ctx, tx, `INSERT INTO group_periods (person_id, grp, staff_kind, start_date, end_date, changed_at)
			VALUES (?, ?, ?, ?, ?, ?)`, keep, g.Group, g.StaffKind, g.Start, g.End, now()); err != nil {
			return err
		}
		g.Version = 1
		g.PersonID = keep
		if err := setPeriodCategories(ctx, tx, g); err != nil {
			return err
		}
	}
	return nil
}
