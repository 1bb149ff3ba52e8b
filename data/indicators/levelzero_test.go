package indicators

import (
	"maps"
	"testing"

	"samspil/data"
)

// TestTrajectoriesCountAQuarterAtLevelZero: a partnership may add a role at
// level 0 for people who only look on. A quarter in which a target-group
// member only looked on is still a quarter they took part in: Ea went from
// looking on (level 0, February) to active (level 3, May), Bo the other way
// (level 2 in February, looking on in May).
func TestTrajectoriesCountAQuarterAtLevelZero(t *testing.T) {
	b := newBuilder(t)
	b.must(b.s.SaveRole(b.ctx, &data.Role{CatalogItem: data.CatalogItem{Code: "onlooker", NameDA: "tilskuer", NameEN: "onlooker"}, Level: 0}))
	b.loadRoles()
	ea, bo := b.person("Ea", data.GroupTarget, "2026-01-01"), b.person("Bo", data.GroupTarget, "2026-01-01")
	cafe := b.activity("Café", "2025-01-01", 0)
	b.occasion(cafe, "2026-02-10", b.as(ea, "onlooker"), b.as(bo, "less_active"))
	b.occasion(cafe, "2026-05-12", b.as(ea, "active"), b.as(bo, "onlooker"))
	f := b.compute(Quarter(data.MustDate("2026-05-12")))
	if want := map[[2]int]int{{0, 3}: 1, {2, 0}: 1}; !maps.Equal(f.Transitions, want) {
		t.Errorf("transitions %v, want %v", f.Transitions, want)
	}
	if got := f.Months[1].ByLevel; !maps.Equal(got, map[int]int{0: 1, 3: 1}) {
		t.Errorf("May's role levels %v, want 0:1 3:1", got)
	}
}
