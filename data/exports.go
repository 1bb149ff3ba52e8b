package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ExportRecord is one export handed out: when, to whom, for which period,
// and how many rows each table had. It holds no personal data.
type ExportRecord struct {
	ID            int64
	At            string
	Recipient     string
	From, To      Date
	Pseudonymised bool
	Format        string
	RowCounts     map[string]int
}

// RecordExport logs an export, and the action in the audit log.
func (s *Store) RecordExport(ctx context.Context, r *ExportRecord) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		r.At = now()
		var err error
		if r.ID, err = insertID(ctx, tx, `INSERT INTO exports (at, recipient, period_from, period_to, pseudonymised, format, row_counts)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, r.At, r.Recipient, r.From, r.To, r.Pseudonymised, r.Format, FormatCounts(r.RowCounts)); err != nil {
			return err
		}
		return audit(ctx, tx, "export", fmt.Sprintf("export=%d pseudonymised=%v %s", r.ID, r.Pseudonymised, FormatCounts(r.RowCounts)))
	})
}

// Exports lists the exports made, newest first.
func (s *Store) Exports(ctx context.Context) ([]ExportRecord, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, at, recipient, period_from, period_to, pseudonymised, format, row_counts
		FROM exports ORDER BY id DESC`)
	return collect(rows, err, func(r *sql.Rows) (ExportRecord, error) {
		var e ExportRecord
		var counts string
		err := r.Scan(&e.ID, &e.At, &e.Recipient, &e.From, &e.To, &e.Pseudonymised, &e.Format, &counts)
		e.RowCounts = parseCounts(counts)
		return e, err
	})
}

// FormatCounts writes counts as "name=n name=n" in name order, the way
// the export log and the audit summary store them.
func FormatCounts(m map[string]int) string {
	keys := slices.Sorted(maps.Keys(m))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	return strings.Join(parts, " ")
}

func parseCounts(s string) map[string]int {
	out := map[string]int{}
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		var n int
		if _, err := fmt.Sscan(v, &n); ok && err == nil {
			out[k] = n
		}
	}
	return out
}
