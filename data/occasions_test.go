package data

import (
	"context"
	"testing"
)

// fixture is a small partnership: a café with a target-group member, a
// volunteer and a counsellor.
type fixture struct {
	s                    *Store
	cafe                 *Activity
	mia, jonas, karin    *Person
	host, active, accomp int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s := newTestStore(t)
	ctx := context.Background()
	f := &fixture{s: s, mia: &Person{Name: "Mia"}, jonas: &Person{Name: "Jonas"}, karin: &Person{Name: "Karin"}}
	start := MustDate("2026-01-01")
	must(t, s.SavePerson(ctx, f.mia, &GroupPeriod{Group: GroupTarget, Start: start, CategoryIDs: []int64{1}}))
	must(t, s.SavePerson(ctx, f.jonas, &GroupPeriod{Group: GroupVolunteer, Start: start}))
	must(t, s.SavePerson(ctx, f.karin, &GroupPeriod{Group: GroupMunicipalStaff, StaffKind: "counsellor", Start: start}))
	f.cafe = &Activity{Name: "Onsdagscafé", Kind: "recurring", Status: "active", InitiatorID: f.jonas.ID}
	must(t, s.SaveActivity(ctx, f.cafe))
	roles, _ := s.Roles(ctx)
	for _, r := range roles {
		switch r.Code {
		case "host":
			f.host = r.ID
		case "active":
			f.active = r.ID
		case "accompanies":
			f.accomp = r.ID
		}
	}
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSaveOccasionAndEditReplacesParticipants(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"), StartTime: "14:00", EndTime: "16:00", AnonymousGuests: 5,
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}, {PersonID: f.jonas.ID, RoleID: f.host, Minutes: 120}}}
	must(t, f.s.SaveOccasion(ctx, o))
	got, err := f.s.Occasion(ctx, o.ID)
	if err != nil || len(got.Participants) != 2 || got.AnonymousGuests != 5 || got.StartTime != "14:00" {
		t.Fatalf("occasion = %+v, %v", got, err)
	}
	o.Participants = []Participation{{PersonID: f.mia.ID, RoleID: f.host}, {PersonID: f.karin.ID, RoleID: f.accomp}}
	must(t, f.s.SaveOccasion(ctx, o))
	got, _ = f.s.Occasion(ctx, o.ID)
	if len(got.Participants) != 2 || got.Participants[0].PersonID != f.karin.ID || got.Participants[1].RoleID != f.host {
		t.Fatalf("edited participants = %+v", got.Participants)
	}
	on, err := f.s.OccasionOn(ctx, f.cafe.ID, MustDate("2026-03-04"))
	if err != nil || on.ID != o.ID {
		t.Fatalf("OccasionOn = %+v, %v", on, err)
	}
}

func TestSaveOccasionIsAllOrNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-03-04"),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}, {PersonID: 9999, RoleID: f.active}}}
	err := f.s.SaveOccasion(ctx, o)
	if e := FieldErrors(err)["participants"]; e == nil || e.Row != 2 {
		t.Fatalf("want row 2 participant error, got %v", err)
	}
	rows, _ := f.s.Occasions(ctx, 0, Date{}, Date{})
	if len(rows) != 0 {
		t.Fatalf("half-written occasion: %+v", rows)
	}
	bad := []Occasion{
		{ActivityID: f.cafe.ID},
		{ActivityID: f.cafe.ID, Date: Today(), StartTime: "25:00"},
		{ActivityID: f.cafe.ID, Date: Today(), StartTime: "16:00", EndTime: "14:00"},
		{ActivityID: f.cafe.ID, Date: Today(), AnonymousGuests: -1},
		{ActivityID: f.cafe.ID, Date: Today(), Participants: []Participation{{PersonID: f.mia.ID, RoleID: 1}, {PersonID: f.mia.ID, RoleID: 2}}},
		{ActivityID: f.cafe.ID, Date: Today(), Participants: []Participation{{PersonID: f.mia.ID}}},
		{ActivityID: 4242, Date: Today()},
	}
	for i, b := range bad {
		if err := f.s.SaveOccasion(ctx, &b); err == nil {
			t.Errorf("case %d saved: %+v", i, b)
		}
	}
}

func TestRegularsTimelineAndBalance(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	save := func(day string, ps ...Participation) {
		must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate(day), Participants: ps}))
	}
	save("2026-02-04", Participation{PersonID: f.mia.ID, RoleID: f.active}, Participation{PersonID: f.karin.ID, RoleID: f.accomp})
	save("2026-02-11", Participation{PersonID: f.mia.ID, RoleID: f.host}, Participation{PersonID: f.jonas.ID, RoleID: f.host})
	regs, err := f.s.Regulars(ctx, f.cafe.ID, 0)
	if err != nil || len(regs) != 3 {
		t.Fatalf("regulars = %+v, %v", regs, err)
	}
	// Most recent first; Mia came twice, last as host.
	if regs[0].LastDate != MustDate("2026-02-11") || regs[2].PersonID != f.karin.ID {
		t.Fatalf("order = %+v", regs)
	}
	for _, r := range regs {
		if r.PersonID == f.mia.ID && (r.Times != 2 || r.LastRole != f.host) {
			t.Fatalf("mia = %+v", r)
		}
	}
	if role, _ := f.s.LastRole(ctx, f.mia.ID, f.cafe.ID); role != f.host {
		t.Fatalf("last role = %d", role)
	}
	if role, _ := f.s.LastRole(ctx, f.mia.ID, 777); role != 0 {
		t.Fatalf("last role elsewhere = %d", role)
	}
	tl, err := f.s.Timeline(ctx, f.mia.ID)
	if err != nil || len(tl) != 2 || tl[0].RoleCode != "active" || tl[1].RoleLevel != 4 || tl[0].Group != GroupTarget {
		t.Fatalf("timeline = %+v, %v", tl, err)
	}
	groups, _ := f.s.GroupsOn(ctx, MustDate("2026-02-11"), []int64{f.mia.ID, f.jonas.ID, f.karin.ID})
	b := BalanceOf([]Group{groups[f.mia.ID], groups[f.jonas.ID], groups[f.karin.ID]}, 0.20)
	if b.Target != 1 || b.Total != 3 || !b.Over {
		t.Fatalf("balance = %+v", b)
	}
	if b := BalanceOf(nil, 0.2); b.Over || b.Share != 0 {
		t.Fatalf("empty balance = %+v", b)
	}
	if b := BalanceOf([]Group{GroupTarget, GroupVolunteer, GroupVolunteer, GroupVolunteer, GroupVolunteer}, 0.2); b.Over {
		t.Fatalf("exactly 20%% is not over: %+v", b)
	}
}

func TestLogbookEntryWithLinks(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	themes, _ := f.s.Themes(ctx)
	e := &LogEntry{Date: MustDate("2026-02-11"), Author: "Jonas", ActivityID: f.cafe.ID, Text: "Mia bød velkommen i dag.",
		PersonIDs: []int64{f.mia.ID}, ThemeIDs: []int64{themes[1].ID, themes[3].ID}}
	must(t, f.s.SaveLogEntry(ctx, e))
	got, err := f.s.LogEntry(ctx, e.ID)
	if err != nil || len(got.PersonIDs) != 1 || len(got.ThemeIDs) != 2 {
		t.Fatalf("entry = %+v, %v", got, err)
	}
	for _, lf := range []LogFilter{{ThemeID: themes[3].ID}, {PersonID: f.mia.ID}, {ActivityID: f.cafe.ID}, {From: MustDate("2026-02-11"), To: MustDate("2026-02-11")}} {
		rows, err := f.s.LogEntries(ctx, lf)
		if err != nil || len(rows) != 1 {
			t.Errorf("filter %+v = %d rows, %v", lf, len(rows), err)
		}
	}
	if rows, _ := f.s.LogEntries(ctx, LogFilter{ThemeID: themes[0].ID}); len(rows) != 0 {
		t.Errorf("theme filter matched an entry without the theme")
	}
	bad := &LogEntry{Date: Today(), Text: "x", PersonIDs: []int64{12345}}
	if err := f.s.SaveLogEntry(ctx, bad); FieldErrors(err)["people"] == nil {
		t.Fatalf("unknown person: %v", err)
	}
	if rows, _ := f.s.LogEntries(ctx, LogFilter{}); len(rows) != 1 {
		t.Fatalf("half-written entry: %d rows", len(rows))
	}
}

func TestCatalogEditing(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	c := &Category{CatalogItem{NameDA: "Hjemløs", NameEN: "Homeless"}}
	must(t, s.SaveCategory(ctx, c))
	if c.Code != "homeless" {
		t.Fatalf("derived code = %q", c.Code)
	}
	dup := &Category{CatalogItem{NameDA: "Hjemløs igen", Code: "homeless"}}
	if err := s.SaveCategory(ctx, dup); errCode(err) != "err.duplicate_code" {
		t.Fatalf("duplicate code: %v", err)
	}
	p := &Person{Name: "Lars"}
	must(t, s.SavePerson(ctx, p, &GroupPeriod{Group: GroupTarget, Start: Today(), CategoryIDs: []int64{c.ID}}))
	if err := s.DeleteCategory(ctx, c.ID); errCode(err) != "err.in_use" {
		t.Fatalf("delete used category: %v", err)
	}
	r := &Role{CatalogItem: CatalogItem{NameDA: "Tovholder", NameEN: "Coordinator"}, Level: 12}
	if err := s.SaveRole(ctx, r); FieldErrors(err)["level"] == nil {
		t.Fatalf("role level: %v", err)
	}
	r.Level = 4
	must(t, s.SaveRole(ctx, r))
	must(t, s.DeleteRole(ctx, r.ID))
	th := &Theme{CatalogItem: CatalogItem{NameDA: "Tryghed"}, Kind: "promoter"}
	must(t, s.SaveTheme(ctx, th))
	if th.Code != "tryghed" || th.NameEN != "Tryghed" {
		t.Fatalf("theme = %+v", th)
	}
}

func TestSettingsAndTargetSizes(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	st, _ := s.Settings(ctx)
	st.Partnership = "INSP! og Roskilde Kommune"
	st.BalanceThreshold = 1.5
	if err := s.SaveSettings(ctx, st); FieldErrors(err)["balance_threshold"] == nil {
		t.Fatalf("threshold: %v", err)
	}
	st.BalanceThreshold = 0.25
	must(t, s.SaveSettings(ctx, st))
	got, _ := s.Settings(ctx)
	if got != st {
		t.Fatalf("settings = %+v, want %+v", got, st)
	}
	must(t, s.SetTargetSize(ctx, 2016, 120))
	must(t, s.SetTargetSize(ctx, 2016, 130))
	must(t, s.SetTargetSize(ctx, 2018, 90))
	must(t, s.SetTargetSize(ctx, 2018, 0))
	sizes, _ := s.TargetSizes(ctx)
	if len(sizes) != 1 || sizes[2016] != 130 {
		t.Fatalf("sizes = %v", sizes)
	}
	if err := s.SetTargetSize(ctx, 1800, 5); FieldErrors(err)["year"] == nil {
		t.Fatalf("year: %v", err)
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]string{"2026-12-01": "2026-12-01", "01-12-2026": "2026-12-01", "1/12/2026": "2026-12-01", "1.2.2024": "2024-02-01", "29-02-2024": "2024-02-29", "": ""}
	for in, want := range good {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"31-02-2026", "29-02-2025", "2026-13-01", "12-01-26", "abc", "2026-12", "0000-01-01", "-1-01-2026"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	if d := MustDate("2026-12-03").StartOfWeek(); d != MustDate("2026-11-30") {
		t.Errorf("week of Thursday 3 December 2026 starts %v", d)
	}
	if MustDate("2026-12-01").Danish() != "01-12-2026" {
		t.Error("Danish format")
	}
}

// The overview asks whether anything is recorded yet, on either engine.
func TestHasOccasionsBeforeAndAfterTheFirst(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if has, err := f.s.HasOccasions(ctx); err != nil || has {
		t.Fatalf("a new register: has = %v, %v", has, err)
	}
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-01-05")}))
	if has, err := f.s.HasOccasions(ctx); err != nil || !has {
		t.Fatalf("after the first occasion: has = %v, %v", has, err)
	}
}

// A recorded occasion moves to another time of a day that has a session at
// one time already, but not onto that session's time.
func TestAnOccasionMovesBesideAnotherSessionButNotOntoIt(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	day := MustDate("2026-04-01")
	must(t, f.s.SaveOccasion(ctx, &Occasion{ActivityID: f.cafe.ID, Date: day, StartTime: "10:00"}))
	o := &Occasion{ActivityID: f.cafe.ID, Date: day.AddDays(1), StartTime: "14:00",
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}}}
	must(t, f.s.SaveOccasion(ctx, o))
	o.Date = day
	must(t, f.s.SaveOccasion(ctx, o))
	o.StartTime = "10:00"
	if err := f.s.SaveOccasion(ctx, o); errCode(err) != "err.occasion_exists" {
		t.Fatalf("moving onto the other session's time = %v, want err.occasion_exists", err)
	}
}
