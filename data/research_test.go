package data

import (
	"strconv"
	"testing"
)

// TestParseIDReadsIds: the ids packed into the occasions' participant
// lists are read back whole, with every digit in its place (the small
// fixtures have only one-digit ids).
func TestParseIDReadsIds(t *testing.T) {
	for _, n := range []int64{0, 7, 10, 99, 305, 123456789, 1<<62 + 17} {
		if got := parseID(strconv.FormatInt(n, 10)); got != n {
			t.Errorf("parseID(%d) = %d", n, got)
		}
	}
}
