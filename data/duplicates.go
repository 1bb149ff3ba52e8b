package data

import (
	"context"
	"strings"
)

// DuplicateFinder finds likely duplicates (see SimilarNames) among many
// names quickly: names are kept in buckets by the first letters of their
// words, so each look-up compares only names that start alike. A typo in
// the first letter of a word is therefore not found; LikelyDuplicates,
// which compares with everyone, is for the single name typed in a form.
type DuplicateFinder struct {
	buckets map[string][]candidate
}

// candidate is a name in a finder, with its comparison form worked out once.
type candidate struct {
	row    PersonRow
	tokens string
}

// NewDuplicateFinder loads every registered, not erased person.
func (s *Store) NewDuplicateFinder(ctx context.Context) (*DuplicateFinder, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, name, phone, email, coalesce(birth_year, 0) FROM people WHERE anonymised = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	f := NewEmptyDuplicateFinder()
	for rows.Next() {
		var p PersonRow
		if err := rows.Scan(&p.ID, &p.Name, &p.Phone, &p.Email, &p.BirthYear); err != nil {
			return nil, err
		}
		f.Add(p)
	}
	return f, rows.Err()
}

// bucketKey is the sorted first letters of the words of a name reduced by
// nameTokens: "Hansen Anna" and "Anna Hansen" share "a h".
func bucketKey(tokens string) string {
	words := strings.Fields(tokens)
	for i, w := range words {
		words[i] = string([]rune(w)[:1])
	}
	return strings.Join(words, " ")
}

// Add makes a name findable.
func (f *DuplicateFinder) Add(p PersonRow) {
	t := nameTokens(p.Name)
	k := bucketKey(t)
	f.buckets[k] = append(f.buckets[k], candidate{p, t})
}

// Find returns the people whose name is probably the same person as name,
// at most ten, leaving out exceptID.
func (f *DuplicateFinder) Find(name string, exceptID int64) []PersonRow {
	var out []PersonRow
	t := nameTokens(name)
	for _, c := range f.buckets[bucketKey(t)] {
		if c.row.ID != exceptID && similarTokens(t, c.tokens) {
			out = append(out, c.row)
			if len(out) == 10 {
				break
			}
		}
	}
	return out
}

// NewEmptyDuplicateFinder returns a finder with no names in it yet.
func NewEmptyDuplicateFinder() *DuplicateFinder {
	return &DuplicateFinder{buckets: map[string][]candidate{}}
}
