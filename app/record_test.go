package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// recordFixture adds a café, a young person of the target group, a
// volunteer and a counsellor.
func recordFixture(t *testing.T, u *UI) (cafe *data.Activity, mia, jonas, karin *data.Person) {
	t.Helper()
	start := data.MustDate("2026-01-01")
	mia, jonas, karin = &data.Person{Name: "Mia Holm"}, &data.Person{Name: "Jonas Berg"}, &data.Person{Name: "Karin Lund"}
	for _, x := range []struct {
		p *data.Person
		g *data.GroupPeriod
	}{
		{mia, &data.GroupPeriod{Group: data.GroupTarget, Start: start, CategoryIDs: []int64{1}}},
		{jonas, &data.GroupPeriod{Group: data.GroupVolunteer, Start: start}},
		{karin, &data.GroupPeriod{Group: data.GroupMunicipalStaff, StaffKind: "counsellor", Start: start}},
	} {
		if err := u.store.SavePerson(u.ctx, x.p, x.g); err != nil {
			t.Fatal(err)
		}
	}
	cafe = &data.Activity{Name: "Onsdagscafé", Kind: "recurring", Status: "active"}
	if err := u.store.SaveActivity(u.ctx, cafe); err != nil {
		t.Fatal(err)
	}
	return cafe, mia, jonas, karin
}

// objects lists every object drawn under o.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, objects(c)...)
		}
	case *container.Scroll:
		out = append(out, objects(x.Content)...)
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// roleSelectOf finds the role select on the tick-list line of name.
func roleSelectOf(t *testing.T, r *recordScreen, name string) *sw.KeySelect {
	t.Helper()
	for _, o := range objects(r.ticks.list) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 3 {
			continue
		}
		if l, ok := row.Objects[0].(*widget.Label); ok && strings.HasPrefix(l.Text, name) {
			return row.Objects[2].(*fyne.Container).Objects[0].(*sw.KeySelect)
		}
	}
	t.Fatalf("no line for %s", name)
	return nil
}

func typeAndEnter(r *recordScreen, text string) {
	test.Type(r.search, text)
	press(r.search, fyne.KeyReturn)
}

func TestRecordOccasionWithRolesBalanceAndEdit(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, karin := recordFixture(t, u)
	r := screenOf[*recordScreen](t, u, "record")
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	typeAndEnter(r, "mia")
	typeAndEnter(r, "jonas")
	typeAndEnter(r, "karin")
	if got := len(r.ticks.ticked()); got != 3 {
		t.Fatalf("ticked = %d", got)
	}
	if r.balance.Importance != widget.DangerImportance || !strings.Contains(r.balance.Text, "1 af 3") || !strings.Contains(r.balance.Text, "over grænsen") {
		t.Fatalf("balance = %q (%v)", r.balance.Text, r.balance.Importance)
	}
	host := roleByCode(t, u, "host")
	test.Tap(roleSelectOf(t, r, "Jonas Berg"))
	roleSelectOf(t, r, "Jonas Berg").SetSelected(host.Name(i18n.Danish))
	test.Tap(r.saveBtn)
	o, err := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-25"))
	if err != nil || len(o.Participants) != 3 {
		t.Fatalf("stored occasion = %+v, %v", o, err)
	}
	want := map[int64]string{mia.ID: "active", jonas.ID: "host", karin.ID: "accompanies"}
	for _, p := range o.Participants {
		if code := roleCode(t, u, p.RoleID); code != want[p.PersonID] {
			t.Errorf("person %d has role %s, want %s", p.PersonID, code, want[p.PersonID])
		}
	}
	if r.dirty() {
		t.Fatal("still dirty after saving")
	}

	// Edit the occasion: Karin did not come after all, and two guests did.
	r.openOccasion(o.ID)
	for i, a := range r.ticks.shown {
		if a.personID == karin.ID {
			r.ticks.list.Select(i)
		}
	}
	test.Type(r.guests, "2")
	test.Tap(r.saveBtn)
	o, _ = u.store.Occasion(u.ctx, o.ID)
	if len(o.Participants) != 2 || o.AnonymousGuests != 2 {
		t.Fatalf("edited occasion = %+v", o)
	}
	if !strings.Contains(r.balance.Text, "1 af 2") {
		t.Fatalf("balance after edit = %q", r.balance.Text)
	}
	tl, _ := u.store.Timeline(u.ctx, mia.ID)
	if len(tl) != 1 || tl[0].ActivityName != "Onsdagscafé" {
		t.Fatalf("timeline = %+v", tl)
	}
}

func TestRecordRegularsComeFirstWithLastRole(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, _ := recordFixture(t, u)
	host := roleByCode(t, u, "host")
	err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-18"),
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: host.ID}, {PersonID: jonas.ID, RoleID: host.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	r := screenOf[*recordScreen](t, u, "record")
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	if len(r.ticks.all) != 2 || r.ticks.all[0].ticked {
		t.Fatalf("regulars = %+v", r.ticks.all)
	}
	typeAndEnter(r, "mia")
	if a := r.ticks.find(mia.ID); !a.ticked || a.roleID != host.ID {
		t.Fatalf("mia = %+v; want ticked as host, her role last time", a)
	}
}

func TestRecordInvalidInputSavesNothing(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := recordFixture(t, u)
	r := screenOf[*recordScreen](t, u, "record")
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	typeAndEnter(r, "mia")
	test.Type(r.start, "25:99")
	test.Tap(r.saveBtn)
	if r.start.Validate() == nil {
		t.Fatal("bad start time not shown at the field")
	}
	if rows, _ := u.store.Occasions(u.ctx, 0, data.Date{}, data.Date{}); len(rows) != 0 {
		t.Fatalf("occasion saved despite the error: %+v", rows)
	}
}

// TestTwentyPersonRegistrationKeyPresses counts the keys a coordinator
// presses to record twenty regulars, the way a person does it: Registrering
// opens with the cursor in the search box; for each person, type letters
// until their name is the top line, press Enter; at the end Ctrl+S. The
// names share their first letters (Anna, Anne, Bo, Bodil …), so the count
// depends on the screen's ranking, and every key goes through the window
// as the driver sends it — a broken shortcut or a lost focus fails here.
func TestTwentyPersonRegistrationKeyPresses(t *testing.T) {
	u := newTestUI(t)
	cafe := &data.Activity{Name: "Fællesspisning", Kind: "recurring", Status: "active"}
	if err := u.store.SaveActivity(u.ctx, cafe); err != nil {
		t.Fatal(err)
	}
	first := []string{"Anna", "Anne", "Birgit", "Bo", "Bodil", "Camilla", "Carsten", "Dorte", "Emil", "Emma",
		"Hanne", "Henrik", "Jens", "Jonas", "Karen", "Karin", "Lars", "Mette", "Mia", "Søren"}
	var parts []data.Participation
	var people []*data.Person
	active := roleByCode(t, u, "active")
	for i, n := range first {
		p := &data.Person{Name: fmt.Sprintf("%s %s", n, []string{"Hansen", "Jensen", "Nielsen"}[i%3])}
		if err := u.store.SavePerson(u.ctx, p, &data.GroupPeriod{Group: data.GroupVolunteer, Start: data.MustDate("2026-01-01")}); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, data.Participation{PersonID: p.ID, RoleID: active.ID})
		people = append(people, p)
	}
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-18"), Participants: parts}); err != nil {
		t.Fatal(err)
	}
	kb := keyboard{t, u.win}
	r := openRecord(t, u)
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	keys := 0
	for _, p := range people {
		typed := ""
		for _, c := range strings.ToLower(p.Name) {
			if typed != "" && len(r.ticks.shown) > 0 && r.ticks.shown[0].personID == p.ID {
				break
			}
			kb.typeText(string(c))
			typed += string(c)
			keys++
		}
		kb.press(fyne.KeyReturn)
		keys++
		if a := r.ticks.find(p.ID); a == nil || !a.ticked {
			t.Fatalf("typing %q and Enter did not tick %s", typed, p.Name)
		}
	}
	kb.ctrl(fyne.KeyS)
	keys += 2
	o, err := u.store.OccasionOn(u.ctx, cafe.ID, data.MustDate("2026-11-25"))
	if err != nil || len(o.Participants) != 20 {
		t.Fatalf("occasion = %+v, %v", o, err)
	}
	t.Logf("a 20-person registration of regulars takes %d key presses", keys)
	if keys > twentyPersonBudget {
		t.Fatalf("%d key presses for 20 people; the README promises at most %d", keys, twentyPersonBudget)
	}
}

// twentyPersonBudget is the README's figure for twenty regulars.
const twentyPersonBudget = 42

func roleByCode(t *testing.T, u *UI, code string) data.Role {
	t.Helper()
	roles, _ := u.store.Roles(u.ctx)
	for _, r := range roles {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no role %s", code)
	return data.Role{}
}

func roleCode(t *testing.T, u *UI, id int64) string {
	roles, _ := u.store.Roles(u.ctx)
	for _, r := range roles {
		if r.ID == id {
			return r.Code
		}
	}
	return ""
}

// Typing "ann" must offer Anna (a first visit) before Marianne (a regular
// whose name merely contains the letters), so that Enter ticks Anna; and
// a regular whose name starts with the letters comes before a newcomer.
func TestRecordSearchPutsNamesStartingWithTheLettersFirst(t *testing.T) {
	u := newTestUI(t)
	cafe, _, _, _ := recordFixture(t, u)
	marianne, anna, annika := &data.Person{Name: "Marianne Holm"}, &data.Person{Name: "Anna Berg"}, &data.Person{Name: "Annika Skov"}
	for _, p := range []*data.Person{marianne, anna, annika} {
		if err := u.store.SavePerson(u.ctx, p, &data.GroupPeriod{Group: data.GroupResourceful, Start: data.MustDate("2026-01-01")}); err != nil {
			t.Fatal(err)
		}
	}
	active := roleByCode(t, u, "active")
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-18"),
		Participants: []data.Participation{{PersonID: marianne.ID, RoleID: active.ID}, {PersonID: annika.ID, RoleID: active.ID}}}); err != nil {
		t.Fatal(err)
	}
	r := screenOf[*recordScreen](t, u, "record")
	r.openActivity(cafe.ID, data.MustDate("2026-11-25"))
	test.Type(r.search, "ann")
	var got []string
	for _, a := range r.ticks.shown {
		got = append(got, a.name)
	}
	if want := "Annika Skov, Anna Berg, Marianne Holm"; strings.Join(got, ", ") != want {
		t.Fatalf("shown %q, want %q", strings.Join(got, ", "), want)
	}
}
