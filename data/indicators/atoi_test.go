package indicators

import (
	"strconv"
	"testing"
)

// TestAtoiReadsIds: the ids packed into the occasions' participant lists
// are read back whole, with every digit in its place (the small fixtures
// have only one-digit ids).
func TestAtoiReadsIds(t *testing.T) {
	for _, n := range []int64{0, 7, 10, 99, 305, 123456789, 1<<62 + 17} {
		if got := atoi(strconv.FormatInt(n, 10)); got != n {
			t.Errorf("atoi(%d) = %d", n, got)
		}
	}
}
