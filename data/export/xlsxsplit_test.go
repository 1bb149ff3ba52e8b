package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestLongTableContinuesOnTheNextSheet lowers the sheet's row limit so the
// participation table runs over it: the rows continue on participation_2
// and on, none lost or doubled, and the codebook and README say so.
func TestLongTableContinuesOnTheNextSheet(t *testing.T) {
	s := demoStore(t, "sager")
	defer func(n int) { sheetMaxRows = n }(sheetMaxRows)
	sheetMaxRows = 1000
	out := filepath.Join(t.TempDir(), "w.xlsx")
	sum, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	total := sum.RowCounts["participation"]
	if total <= 2*(sheetMaxRows-1) {
		t.Fatalf("only %d participations; the test needs more than two sheets", total)
	}
	sheets := readSheets(t, out)
	got, seen := 0, map[string]bool{}
	var names []string
	for name, rows := range sheets {
		if name != "participation" && !strings.HasPrefix(name, "participation_") {
			continue
		}
		names = append(names, name)
		if len(rows) > sheetMaxRows || rows[0][0] != "occasion_id" {
			t.Fatalf("%s has %d rows (limit %d), header %v", name, len(rows), sheetMaxRows, rows[0])
		}
		for _, r := range rows[1:] {
			key := strings.Join(r, "|")
			if seen[key] {
				t.Fatalf("row %s twice", key)
			}
			seen[key] = true
		}
		got += len(rows) - 1
	}
	want := (total + sheetMaxRows - 2) / (sheetMaxRows - 1)
	if got != total || len(names) != want {
		t.Fatalf("%d rows on %d sheets %v, want %d on %d", got, len(names), names, total, want)
	}
	if !strings.Contains(flatten(sheets["codebook"]), "participation_2") || !strings.Contains(flatten(sheets["README"]), "participation_2") {
		t.Fatal("the codebook or README does not name the continuation sheets")
	}
}

func flatten(rows [][]string) string {
	var sb strings.Builder
	for _, r := range rows {
		sb.WriteString(strings.Join(r, "\t") + "\n")
	}
	return sb.String()
}
