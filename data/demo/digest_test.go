package demo

import (
	"context"
	"testing"

	"samspil/data"
)

// wallClock are the columns that hold the moment of writing or a random
// secret, and so differ between any two databases.
var wallClock = map[string]bool{"created_at": true, "secret": true, "at": true, "updated_at": true, "changed_at": true}

// tableDigest returns every row of the table as text, every column but the
// wall-clock ones.
func tableDigest(t *testing.T, s *data.Store, table string) string {
	t.Helper()
	text, err := s.TableDigest(context.Background(), table, wallClock)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// TestSameOptionsGiveSameData generates the same demo twice and compares
// every column of every table (people, activities, occasions with their
// times, guests and notes, participations with their roles and minutes …);
// another seed must change the occasions and participations themselves.
func TestSameOptionsGiveSameData(t *testing.T) {
	opt := Options{Template: "sager", Years: 1, End: data.MustDate("2025-06-30")}
	a, ra := generate(t, opt)
	b, rb := generate(t, opt)
	if ra != rb {
		t.Fatalf("results differ: %+v vs %+v", ra, rb)
	}
	names, err := a.TableNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range names {
		if tableDigest(t, a, table) != tableDigest(t, b, table) {
			t.Errorf("table %s differs between two runs with the same options", table)
		}
	}
	opt.Seed = 2
	c, _ := generate(t, opt)
	for _, table := range []string{"occasions", "participations"} {
		if tableDigest(t, a, table) == tableDigest(t, c, table) {
			t.Errorf("another seed gave the same %s", table)
		}
	}
}
