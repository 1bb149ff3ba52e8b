package data

import (
	"context"
)

// Settings are the partnership's details and the rules the app follows.
type Settings struct {
	Partnership      string
	Organisation     string
	Municipality     string
	BalanceThreshold float64 // share of participants needing special support, 0 < t < 1; default 0.20
	NoConsentPolicy  string  // "exclude" or "count": people without research consent in exports
	RetentionMonths  int     // months without participation before a person is up for review
	BackupsKept      int     // automatic backups kept
}

// Settings returns the partnership settings.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	var st Settings
	err := s.q.QueryRowContext(ctx, `SELECT partnership, organisation, municipality, balance_threshold,
		no_consent_policy, retention_months, backups_kept FROM settings WHERE id = 1`).
		Scan(&st.Partnership, &st.Organisation, &st.Municipality, &st.BalanceThreshold,
			&st.NoConsentPolicy, &st.RetentionMonths, &st.BackupsKept)
	return st, err
}

// Validate checks the settings.
func (st *Settings) Validate() error {
	var es Errors
	es.checkShort("partnership", st.Partnership)
	es.checkShort("organisation", st.Organisation)
	es.checkShort("municipality", st.Municipality)
	if !(st.BalanceThreshold > 0 && st.BalanceThreshold < 1) {
		es.add("balance_threshold", "err.threshold", nil)
	}
	es.checkCode("no_consent_policy", st.NoConsentPolicy, []string{"exclude", "count"})
	if st.RetentionMonths < 1 || st.RetentionMonths > 600 {
		es.add("retention_months", "err.range", map[string]any{"Min": 1, "Max": 600})
	}
	if st.BackupsKept < 1 || st.BackupsKept > 365 {
		es.add("backups_kept", "err.range", map[string]any{"Min": 1, "Max": 365})
	}
	return es.err()
}

// SaveSettings validates and stores the settings.
func (s *Store) SaveSettings(ctx context.Context, st Settings) error {
	return s.Update(ctx, func(t *Tx) error { return t.SaveSettings(st) })
}

// Secret returns the database's pseudonym secret. It never leaves the app;
// only packages under data that derive pseudonyms call it.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	var secret []byte
	err := s.q.QueryRowContext(ctx, `SELECT secret FROM settings WHERE id = 1`).Scan(&secret)
	return secret, err
}

// TargetSizes returns the size of the municipality's target group per year.
func (s *Store) TargetSizes(ctx context.Context) (map[int]int, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT year, size FROM target_sizes ORDER BY year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var y, n int
		if err := rows.Scan(&y, &n); err != nil {
			return nil, err
		}
		out[y] = n
	}
	return out, rows.Err()
}

// SetTargetSize records the target group's size for a year; size 0 removes it.
func (s *Store) SetTargetSize(ctx context.Context, year, size int) error {
	return s.Update(ctx, func(t *Tx) error { return t.SetTargetSize(year, size) })
}
