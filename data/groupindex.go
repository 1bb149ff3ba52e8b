package data

import (
	"context"
	"sort"
	"strconv"
	"strings"
)

// GroupIndex answers "which group did this person have on that day"
// quickly for many rows, from every group period loaded once.
type GroupIndex struct {
	periods map[int64][]IndexedPeriod
}

// IndexedPeriod is one period in a GroupIndex.
type IndexedPeriod struct {
	Group      Group
	StaffKind  string
	Start, End Date    // End zero: open
	Categories []int64 // target-group categories
}

// LoadGroupIndex reads every group period.
func (s *Store) LoadGroupIndex(ctx context.Context) (*GroupIndex, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT g.person_id, g.grp, g.staff_kind, g.start_date, g.end_date,
			coalesce((SELECT string_agg(CAST(category_id AS TEXT), ',') FROM group_period_categories c WHERE c.period_id = g.id), '')
		FROM group_periods g ORDER BY g.person_id, g.start_date`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	idx := &GroupIndex{periods: map[int64][]IndexedPeriod{}}
	for rows.Next() {
		var id int64
		var p IndexedPeriod
		var cats string
		if err := rows.Scan(&id, &p.Group, &p.StaffKind, &p.Start, &p.End, &cats); err != nil {
			return nil, err
		}
		for _, f := range strings.Split(cats, ",") {
			if c, err := strconv.ParseInt(f, 10, 64); err == nil {
				p.Categories = append(p.Categories, c)
			}
		}
		idx.periods[id] = append(idx.periods[id], p)
	}
	return idx, rows.Err()
}

// On returns the person's period on day, or nil when they had none.
func (x *GroupIndex) On(personID int64, day Date) *IndexedPeriod {
	ps := x.periods[personID]
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Start.After(day) })
	if i == 0 {
		return nil
	}
	p := &ps[i-1]
	if !p.End.IsZero() && p.End.Before(day) {
		return nil
	}
	return p
}

// GroupOn returns the person's group on day, or GroupUnknown.
func (x *GroupIndex) GroupOn(personID int64, day Date) Group {
	if p := x.On(personID, day); p != nil {
		return p.Group
	}
	return GroupUnknown
}

// Periods returns the person's periods, oldest first.
func (x *GroupIndex) Periods(personID int64) []IndexedPeriod { return x.periods[personID] }
