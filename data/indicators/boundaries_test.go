package indicators

import (
	"maps"
	"math"
	"testing"

	"samspil/data"
)

// TestBalanceThresholdIsAboveNotAt: with the default threshold of 20 %, an
// occasion or a day with exactly one in five from the target group is at
// the threshold, not over it. 3 March: 1 of 5. 4 March: 1 of 2 at the café
// (over) and 0 of 3 in the workshop, 1 of 5 that day. 5 March: 2 of 4.
func TestBalanceThresholdIsAboveNotAt(t *testing.T) {
	b := newBuilder(t)
	t1, t2 := b.person("T1", data.GroupTarget, "2026-01-01"), b.person("T2", data.GroupTarget, "2026-01-01")
	var r [4]int64
	for i := range r {
		r[i] = b.person("R", data.GroupResourceful, "2026-01-01")
	}
	cafe, shop := b.activity("Café", "2025-01-01", 0), b.activity("Værksted", "2025-01-01", 0)
	b.occasion(cafe, "2026-03-03", b.as(t1, "active"), b.as(r[0], "active"), b.as(r[1], "active"), b.as(r[2], "active"), b.as(r[3], "active"))
	b.occasion(cafe, "2026-03-04", b.as(t1, "active"), b.as(r[0], "active"))
	b.occasion(shop, "2026-03-04", b.as(r[1], "active"), b.as(r[2], "active"), b.as(r[3], "active"))
	b.occasion(cafe, "2026-03-05", b.as(t1, "active"), b.as(t2, "active"), b.as(r[0], "active"), b.as(r[1], "active"))
	f := b.compute(Month(data.MustDate("2026-03-05")))
	var over []string
	for _, o := range f.OverThreshold {
		over = append(over, o.Date.String())
	}
	if len(over) != 2 || over[0] != "2026-03-04" || over[1] != "2026-03-05" {
		t.Errorf("occasions over the threshold on %v, want 4 and 5 March", over)
	}
	want := []DayShare{{data.MustDate("2026-03-05"), 2, 4, 0.5}}
	if len(f.DaysOverThreshold) != 1 || f.DaysOverThreshold[0] != want[0] {
		t.Errorf("days over the threshold %+v, want %+v", f.DaysOverThreshold, want)
	}
}

// TestWhoStartedActivities: four activities start in March, by a
// target-group member, a volunteer, a member of staff and nobody known;
// two of four are citizen-initiated. A target-group member who hosts
// reaches both an active and a host role.
func TestWhoStartedActivities(t *testing.T) {
	b := newBuilder(t)
	t1 := b.person("T1", data.GroupTarget, "2026-01-01")
	v1 := b.person("V1", data.GroupVolunteer, "2026-01-01")
	s1 := b.person("S1", data.GroupOrgStaff, "2026-01-01")
	a := b.activity("Musik", "2026-03-02", t1)
	b.activity("Cykler", "2026-03-03", v1)
	b.activity("Kaffe", "2026-03-04", s1)
	b.activity("Fest", "2026-03-05", 0)
	b.activity("Gammel", "2026-02-27", t1)
	b.occasion(a, "2026-03-06", b.as(t1, "host"), b.as(v1, "active"))
	f := b.compute(Month(data.MustDate("2026-03-06")))
	if want := map[string]int{"target": 1, "citizen": 1, "staff": 1, "unknown": 1}; f.ActivitiesStarted != 4 || !maps.Equal(f.StartedBy, want) {
		t.Errorf("%d started, by %v, want 4 by %v", f.ActivitiesStarted, f.StartedBy, want)
	}
	near(t, "citizen-initiated", f.CitizenInitiated, 0.5)
	for _, d := range Definitions {
		if m := d.Of(&f); d.Key == "citizen_initiated" && (m.Numerator != 2 || m.Denominator != 4) {
			t.Errorf("the workbook's citizen_initiated row: %d of %d, want 2 of 4", m.Numerator, m.Denominator)
		}
	}
	if f.ReachedActive != 1 || f.ReachedHost != 1 {
		t.Errorf("reached active %d, host %d; want 1 and 1", f.ReachedActive, f.ReachedHost)
	}
}

// trajectoryOf returns the role transitions of the quarter of the second
// day, for a target-group member who took part with a resourceful citizen
// on two days in the two roles.
func trajectoryOf(t *testing.T, day1, role1, day2, role2 string) map[[2]int]int {
	b := newBuilder(t)
	t1, r1 := b.person("T1", data.GroupTarget, "2026-01-01"), b.person("R1", data.GroupResourceful, "2026-01-01")
	cafe := b.activity("Café", "2025-01-01", 0)
	b.occasion(cafe, day1, b.as(t1, role1), b.as(r1, "active"))
	b.occasion(cafe, day2, b.as(t1, role2), b.as(r1, "active"))
	return b.compute(Quarter(data.MustDate(day2))).Transitions
}

// TestAProfessionalRoleIsNoTrajectory: a target-group member who was active
// in February and in May only came along in a professional role has no
// role trajectory in the second quarter.
func TestAProfessionalRoleIsNoTrajectory(t *testing.T) {
	if got := trajectoryOf(t, "2026-02-10", "active", "2026-05-12", "accompanies"); len(got) != 0 {
		t.Errorf("transitions %v, want none", got)
	}
}

// TestBitSetHasRoomForEveryone: a set for n people has a bit for each of
// them, and not a word more.
func TestBitSetHasRoomForEveryone(t *testing.T) {
	for _, n := range []int{1, 63, 64, 65, 128, 1000} {
		s := newBitSet(n)
		s.add(int32(n - 1))
		if s.count() != 1 || len(s) != int(math.Ceil(float64(n)/64)) {
			t.Errorf("a set for %d people: %d words, %d members", n, len(s), s.count())
		}
	}
}

// TestQuartersTurnBetweenMarchAndApril: supported on 31 March, host on 1
// April is a move from one quarter's level to the next one's.
func TestQuartersTurnBetweenMarchAndApril(t *testing.T) {
	if got, want := trajectoryOf(t, "2026-03-31", "supported", "2026-04-01", "host"), map[[2]int]int{{1, 4}: 1}; !maps.Equal(got, want) {
		t.Errorf("transitions %v, want %v", got, want)
	}
}
