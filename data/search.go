package data

import (
	"context"
	"database/sql"
	"strings"
)

// PersonFilter selects people for the people list. Zero fields do not filter.
type PersonFilter struct {
	Query      string // words matched against name, phone and e-mail
	Group      Group  // group today
	CategoryID int64  // target-group category today
	// ActiveFrom and ActiveTo bound a period; with Inactive false the list
	// holds people who took part in it, with Inactive true those who did not.
	ActiveFrom, ActiveTo   Date
	Inactive               bool
	MissingResearchConsent bool
	// ReviewMonths lists people up for a retention review: no
	// participation for that many months — or, for someone who never took
	// part, first contact (else registration) that long ago. The date it
	// went by is in PersonRow.LastActive.
	ReviewMonths int
	SortBy       string // "name" (default), "newest"
	Limit        int    // 0 means no limit
}

// IsEmpty reports whether the filter lets everyone through (sorting and a
// limit aside): an empty answer then means nobody is registered at all.
func (f PersonFilter) IsEmpty() bool {
	f.SortBy, f.Limit = "", 0
	return f == PersonFilter{}
}

// PersonRow is one line of the people list.
type PersonRow struct {
	ID        int64
	Name      string
	Phone     string
	Email     string
	Group     Group // group today
	BirthYear int
	CreatedAt string
	// LastActive is the day of the latest participation, or the first
	// contact for someone who never took part (zero when neither is
	// known); filled in for the retention review only.
	LastActive Date
}

// SearchPeople returns the people matching f. Erased (anonymised) people are
// never listed.
func (s *Store) SearchPeople(ctx context.Context, f PersonFilter) ([]PersonRow, error) {
	today := Today()
	var where []string
	extra := ", ''" // LastActive, for the review only
	args := []any{today, today}
	where = append(where, "p.anonymised = 0")
	words := strings.Fields(FoldName(f.Query))
	for _, word := range words {
		where = append(where, "p.search_key LIKE ? ESCAPE '\\'")
		args = append(args, "%"+escapeLike(word)+"%")
	}
	if f.Group != GroupUnknown {
		where = append(where, "grp = ?")
		args = append(args, f.Group)
	}
	if f.CategoryID != 0 {
		where = append(where, `EXISTS (SELECT 1 FROM group_periods g JOIN group_period_categories c ON c.period_id = g.id
			WHERE g.person_id = p.id AND c.category_id = ? AND g.start_date <= ? AND (g.end_date IS NULL OR g.end_date >= ?))`)
		args = append(args, f.CategoryID, today, today)
	}
	if !f.ActiveFrom.IsZero() || !f.ActiveTo.IsZero() {
		from, to := periodBounds(f.ActiveFrom, f.ActiveTo)
		cond := `EXISTS (SELECT 1 FROM participations pa JOIN occasions o ON o.id = pa.occasion_id
			WHERE pa.person_id = p.id AND o.date BETWEEN ? AND ?)`
		if f.Inactive {
			cond = "NOT " + cond
		}
		where = append(where, cond)
		args = append(args, from, to)
	}
	if f.MissingResearchConsent {
		where = append(where, `NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = p.id
			AND c.purpose = 'research' AND c.withdrawn_on IS NULL)`)
	}
	if f.ReviewMonths > 0 {
		cutoff := today.AddMonths(-f.ReviewMonths)
		where = append(where, lastActive+" < ?")
		args = append(args, cutoff)
		extra = ", coalesce(" + lastActive + ", '')"
	}
	order := "lower(p.name), p.id"
	switch {
	case f.SortBy == "newest":
		order = "p.created_at DESC, p.id DESC"
	case f.Limit > 0 && len(words) > 0:
		// A few best matches (a picker, the registration's search): names
		// with a word that starts with what was typed before names that
		// merely contain it, or "ann" would offer Marianne before Anna.
		order = `CASE WHEN (' ' || p.search_key) LIKE ? ESCAPE '\' THEN 0 ELSE 1 END, ` + order
		args = append(args, "% "+escapeLike(words[0])+"%")
	}
	query := `SELECT p.id, p.name, p.phone, p.email, coalesce(grp, ''), coalesce(p.birth_year, 0), p.created_at` + extra + `
		FROM people p LEFT JOIN (SELECT person_id, grp FROM group_periods
			WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)) g ON g.person_id = p.id
		WHERE ` + strings.Join(where, " AND ") + " ORDER BY " + order
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.q.QueryContext(ctx, query, args...)
	people, err := collect(rows, err, scanPersonRow)
	if f.SortBy != "newest" {
		sortByName(people) // SQLite knows no Danish order: Å would come before Æ
	}
	return people, err
}

func scanPersonRow(r *sql.Rows) (PersonRow, error) {
	var p PersonRow
	err := r.Scan(&p.ID, &p.Name, &p.Phone, &p.Email, &p.Group, &p.BirthYear, &p.CreatedAt, &p.LastActive)
	return p, err
}

// lastActive is a person's latest participation day, else their first
// contact, else the day they were registered.
const lastActive = `coalesce((SELECT max(o.date) FROM participations pa JOIN occasions o ON o.id = pa.occasion_id
	WHERE pa.person_id = p.id), p.first_contact, substr(p.created_at, 1, 10))`

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// periodBounds fills an open end of a period with a far date.
func periodBounds(from, to Date) (Date, Date) {
	if from.IsZero() {
		from = MustDate("1900-01-01")
	}
	if to.IsZero() {
		to = MustDate("2200-12-31")
	}
	return from, to
}

// LikelyDuplicates returns existing people whose name is probably the same
// person as name (see SimilarNames), leaving out the person exceptID.
func (s *Store) LikelyDuplicates(ctx context.Context, name string, exceptID int64) ([]PersonRow, error) {
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	rows, err := s.q.QueryContext(ctx, `SELECT id, name FROM people WHERE anonymised = 0 AND id != ?`, exceptID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var other string
		if err := rows.Scan(&id, &other); err != nil {
			rows.Close()
			return nil, err
		}
		if SimilarNames(name, other) {
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]PersonRow, 0, len(ids))
	for _, id := range ids {
		p, err := s.Person(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, PersonRow{ID: p.ID, Name: p.Name, Phone: p.Phone, Email: p.Email, BirthYear: p.BirthYear, CreatedAt: p.CreatedAt})
		if len(out) == 10 {
			break
		}
	}
	return out, nil
}
