package export

import (
	"fmt"
	"testing"
)

func TestKAnonymiseLeavesNoSmallCombination(t *testing.T) {
	// Six people, as in a tiny partnership: nearly everyone is unique.
	rows := [][]string{
		{"20-24", "f", "network", "2025-01", "target", "target"},
		{"20-24", "f", "network", "2025-01", "target", "target"},
		{"20-24", "f", "network", "2025-01", "target", "volunteer"},
		{"30-34", "m", "host", "2025-03", "resourceful", "resourceful"},
		{"60-64", "m", "self", "2025-03", "volunteer", "volunteer"},
		{"25-29", "x", "municipal", "2025-02", "target", "target"},
	}
	before := fmt.Sprint(rows)
	blanked := KAnonymise(rows, 3)
	if small := SmallCombinations(rows, 3); len(small) > 0 {
		t.Fatalf("rows %v still in a combination of fewer than 3: %v", small, rows)
	}
	total := 0
	for _, n := range blanked {
		total += n
	}
	if total < 6 {
		t.Fatalf("blanked %d values of %s: %v", total, before, rows)
	}
	// The three alike keep their shared values.
	if rows[0][0] != "20-24" || rows[1][1] != "f" {
		t.Fatalf("common values blanked: %v", rows)
	}
	counted := make([]int, len(blanked))
	for _, r := range rows {
		for j, v := range r {
			if v == "" {
				counted[j]++
			}
		}
	}
	if fmt.Sprint(counted) != fmt.Sprint(blanked) {
		t.Fatalf("reported %v blanked, found %v", blanked, counted)
	}
}

func TestKAnonymiseWithTooFewRowsBlanksAll(t *testing.T) {
	rows := [][]string{{"a", "b"}, {"a", "c"}}
	KAnonymise(rows, 3)
	for _, r := range rows {
		if r[0] != "" || r[1] != "" {
			t.Fatalf("two people cannot hide among three: %v", rows)
		}
	}
}
