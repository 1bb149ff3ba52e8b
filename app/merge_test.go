package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/data"
)

// radioWith finds the radio group under o with an option containing s.
func radioWith(t *testing.T, o fyne.CanvasObject, s string) *widget.RadioGroup {
	t.Helper()
	for _, x := range objects(o) {
		if r, ok := x.(*widget.RadioGroup); ok {
			for _, opt := range r.Options {
				if strings.Contains(opt, s) {
					return r
				}
			}
		}
	}
	t.Fatalf("no choice offering %q", s)
	return nil
}

// Finding 6 in the window: unsaved edits are asked about first, the
// dialog asks where periods and equal-level roles disagree and shows the
// contact details not kept, which end up in the notes; nothing is dropped.
func TestMergeAsksAndKeepsEverything(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	start := data.MustDate("2026-01-01")
	a := &data.Person{Name: "Mia Skov", Phone: "11111111", FirstContact: start}
	b := &data.Person{Name: "Mia S.", Phone: "22222222", Email: "mia@eksempel.dk", FirstContact: start}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(u.store.SavePerson(ctx, a, &data.GroupPeriod{Group: data.GroupVolunteer, Start: start}))
	must(u.store.SavePerson(ctx, b, &data.GroupPeriod{Group: data.GroupTarget, Start: start, CategoryIDs: []int64{1}}))
	cafe := &data.Activity{Name: "Onsdagscafé", Kind: "recurring", Status: "active"}
	must(u.store.SaveActivity(ctx, cafe))
	roles, _ := u.store.Roles(ctx)
	var host, initiator int64
	for _, r := range roles {
		switch r.Code {
		case "host":
			host = r.ID
		case "initiator":
			initiator = r.ID
		}
	}
	shared := &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-03-04"), Participants: []data.Participation{
		{PersonID: a.ID, RoleID: host}, {PersonID: b.ID, RoleID: initiator, Minutes: 45}}}
	must(u.store.SaveOccasion(ctx, shared))

	var asked []string
	u.answer = func(title, msg string) bool { asked = append(asked, title); return true }
	ps := screenOf[*peopleScreen](t, u, "people")
	ps.detail.load(a.ID)
	k := keyboard{t, u.win}
	u.win.Canvas().Focus(ps.detail.notes)
	k.typeText("kom med sin bror")
	test.Tap(ps.detail.mergeBtn)
	if len(asked) == 0 || !strings.Contains(asked[0], "Ugemte") {
		t.Fatalf("unsaved edits not asked about first: %q", asked)
	}
	k.typeText("Mia S.")
	k.press(fyne.KeyReturn)
	dlg := u.win.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no merge dialog")
	}
	radioWith(t, dlg, "B").SetSelected(radioWith(t, dlg, "B").Options[0]) // keep A's name etc.
	periods := radioWith(t, dlg, "Frivillig")
	periods.SetSelected(periods.Options[1]) // B's groups where they disagree
	role := radioWith(t, dlg, "initiativtager")
	for _, o := range role.Options {
		if strings.Contains(o, "initiativtager") {
			role.SetSelected(o)
		}
	}
	if !strings.Contains(strings.Join(labelsIn(dlg), "\n"), "22222222") {
		t.Errorf("the phone not kept is not shown: %q", labelsIn(dlg))
	}
	test.Tap(buttonIn(t, dlg, "Flet de to"))

	got, err := u.store.Person(ctx, a.ID)
	must(err)
	if !strings.Contains(got.Notes, "kom med sin bror") || !strings.Contains(got.Notes, "22222222") || got.Email != "mia@eksempel.dk" {
		t.Errorf("after merge: notes %q (the typed note and the phone not kept), e-mail %q", got.Notes, got.Email)
	}
	o, _ := u.store.Occasion(ctx, shared.ID)
	if len(o.Participants) != 1 || o.Participants[0].RoleID != initiator || o.Participants[0].Minutes != 45 {
		t.Errorf("shared occasion = %+v", o.Participants)
	}
	groups, _ := u.store.GroupsOn(ctx, shared.Date, []int64{a.ID})
	if groups[a.ID] != data.GroupTarget {
		t.Errorf("group on the shared day = %q, want the chosen target group", groups[a.ID])
	}
}

// labelsIn returns the texts of the labels under o.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range objects(o) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}
