package indicators

import (
	"context"
	"path/filepath"
	"samspil/data/pgtest"
	"testing"

	"samspil/data"
)

// builder makes a small partnership for a test, failing the test on any
// error: people with one group period, activities and occasions.
type builder struct {
	t     *testing.T
	s     *data.Store
	ctx   context.Context
	roles map[string]int64 // by code
}

func newBuilder(t *testing.T) *builder {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "b.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := &builder{t: t, s: s, ctx: context.Background(), roles: map[string]int64{}}
	b.loadRoles()
	return b
}

func (b *builder) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b *builder) loadRoles() {
	rs, err := b.s.Roles(b.ctx)
	b.must(err)
	for _, r := range rs {
		b.roles[r.Code] = r.ID
	}
}

// person registers someone in group g from start (target-group members
// get category 1, staff the kind their group needs).
func (b *builder) person(name string, g data.Group, start string) int64 {
	b.t.Helper()
	period := &data.GroupPeriod{Group: g, Start: data.MustDate(start)}
	switch g {
	case data.GroupTarget:
		period.CategoryIDs = []int64{1}
	case data.GroupMunicipalStaff:
		period.StaffKind = "counsellor"
	}
	p := &data.Person{Name: name}
	b.must(b.s.SavePerson(b.ctx, p, period))
	return p.ID
}

// activity registers an activity started on start by initiator (0: unknown).
func (b *builder) activity(name, start string, initiator int64) int64 {
	b.t.Helper()
	a := &data.Activity{Name: name, Kind: "recurring", Status: "active", Start: data.MustDate(start), InitiatorID: initiator}
	b.must(b.s.SaveActivity(b.ctx, a))
	return a.ID
}

// occasion records who took part in the activity on day, in which role.
func (b *builder) occasion(activity int64, day string, ps ...data.Participation) {
	b.t.Helper()
	b.must(b.s.SaveOccasion(b.ctx, &data.Occasion{ActivityID: activity, Date: data.MustDate(day), Participants: ps}))
}

// as is person taking part in the role with the code.
func (b *builder) as(person int64, role string) data.Participation {
	return data.Participation{PersonID: person, RoleID: b.roles[role]}
}

// compute works out the figures of p.
func (b *builder) compute(p Period) Figures {
	b.t.Helper()
	r, err := Compute(b.ctx, b.s, p)
	b.must(err)
	return r.Current
}
