package data

import (
	"context"
	"testing"
)

// TestErasedPersonIsNotListed searches the way the people list does for
// what an erased person keeps (the group periods and the name the erasure
// gave them) and with no words at all: listed before the erasure, never
// after it.
func TestErasedPersonIsNotListed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	listed := func(filter PersonFilter) bool {
		t.Helper()
		rows, err := f.s.SearchPeople(ctx, filter)
		must(t, err)
		for _, r := range rows {
			if r.ID == f.mia.ID {
				return true
			}
		}
		return false
	}
	everyone, inTarget := PersonFilter{}, PersonFilter{Group: GroupTarget}
	if !listed(everyone) || !listed(inTarget) || !listed(PersonFilter{Query: "mia"}) {
		t.Fatal("Mia is not listed before the erasure: the searches prove nothing")
	}
	must(t, f.s.ErasePerson(ctx, f.mia.ID))
	erased, err := f.s.Person(ctx, f.mia.ID)
	must(t, err)
	byNewName := PersonFilter{Query: erased.Name}
	for name, filter := range map[string]PersonFilter{"everyone": everyone, "target group": inTarget, "the erased name " + erased.Name: byNewName} {
		if listed(filter) {
			t.Errorf("searching %s lists the erased person", name)
		}
	}
}
