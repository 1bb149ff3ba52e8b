package indicators

import (
	"context"
	"maps"
	"path/filepath"
	"testing"

	"samspil/data"
)

// TestTrajectoriesCountAQuarterAtLevelZero: a partnership may add a role at
// level 0 for people who only look on. A quarter in which a target-group
// member only looked on is still a quarter they took part in: Ea went from
// looking on (level 0, February) to active (level 3, May), Bo the other way
// (level 2 in February, looking on in May).
func TestTrajectoriesCountAQuarterAtLevelZero(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "zero.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	onlooker := &data.Role{CatalogItem: data.CatalogItem{Code: "onlooker", NameDA: "tilskuer", NameEN: "onlooker"}, Level: 0}
	must(s.SaveRole(ctx, onlooker))
	roles := map[string]int64{"onlooker": onlooker.ID}
	rs, err := s.Roles(ctx)
	must(err)
	for _, r := range rs {
		roles[r.Code] = r.ID
	}
	start := data.MustDate("2026-01-01")
	ea, bo := &data.Person{Name: "Ea"}, &data.Person{Name: "Bo"}
	for _, p := range []*data.Person{ea, bo} {
		must(s.SavePerson(ctx, p, &data.GroupPeriod{Group: data.GroupTarget, Start: start, CategoryIDs: []int64{1}}))
	}
	cafe := &data.Activity{Name: "Café", Kind: "recurring", Status: "active"}
	must(s.SaveActivity(ctx, cafe))
	occ := func(day string, ps ...data.Participation) {
		must(s.SaveOccasion(ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate(day), Participants: ps}))
	}
	occ("2026-02-10", data.Participation{PersonID: ea.ID, RoleID: roles["onlooker"]}, data.Participation{PersonID: bo.ID, RoleID: roles["less_active"]})
	occ("2026-05-12", data.Participation{PersonID: ea.ID, RoleID: roles["active"]}, data.Participation{PersonID: bo.ID, RoleID: roles["onlooker"]})
	r, err := Compute(ctx, s, Quarter(data.MustDate("2026-05-12")))
	must(err)
	if want := map[[2]int]int{{0, 3}: 1, {2, 0}: 1}; !maps.Equal(r.Current.Transitions, want) {
		t.Errorf("transitions %v, want %v", r.Current.Transitions, want)
	}
	if got := r.Current.Months[1].ByLevel; !maps.Equal(got, map[int]int{0: 1, 3: 1}) {
		t.Errorf("May's role levels %v, want 0:1 3:1", got)
	}
}
