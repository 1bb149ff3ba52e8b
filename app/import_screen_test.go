package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/data"
)

func TestImportPeopleListWithPreview(t *testing.T) {
	u := newTestUI(t)
	var asked string
	u.answer = func(title, msg string) bool { asked = msg; return true }
	path := filepath.Join(t.TempDir(), "liste.csv")
	os.WriteFile(path, []byte("Navn;E-mail;Gruppe\nAnna Holm;anna@eksempel.dk;Frivillig\nBo Berg;bo@;Frivillig\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	if !strings.Contains(s.summary.Text, "2 rækker: 1 kan importeres, 1 har fejl") {
		t.Fatalf("summary = %q", s.summary.Text)
	}
	if !s.allBtn.Disabled() || s.validBtn.Disabled() {
		t.Fatal("import everything must wait until no row is bad")
	}
	if !strings.Contains(s.lines[1], "Række 3: E-mail") {
		t.Fatalf("lines = %v", s.lines)
	}
	test.Tap(s.validBtn)
	if !strings.Contains(asked, "1 person oprettes") {
		t.Fatalf("confirmation = %q", asked)
	}
	rows, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{})
	if len(rows) != 1 || rows[0].Name != "Anna Holm" || rows[0].Group != data.GroupVolunteer {
		t.Fatalf("stored = %+v", rows)
	}
	if _, err := os.Stat(strings.TrimSuffix(path, ".csv") + "-fejl.csv"); err != nil {
		t.Fatalf("no error report: %v", err)
	}
}

func TestImportTickSheet(t *testing.T) {
	u := newTestUI(t)
	u.answer = func(string, string) bool { return true }
	recordFixture(t, u)
	path := filepath.Join(t.TempDir(), "fremmoede.csv")
	os.WriteFile(path, []byte("Navn;04-11-2026;11-11-2026\nMia Holm;x;x\nJonas Berg;;x\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	s.kind.SetCode("attendance")
	s.activity.SetText("Onsdagscafé")
	if !strings.Contains(s.summary.Text, "2 datoer, 2 personer (0 ikke registreret), 3 deltagelser; nye gange af Onsdagscafé: 2.") {
		t.Fatalf("summary = %q", s.summary.Text)
	}
	test.Tap(s.allBtn)
	rows, _ := u.store.Occasions(u.ctx, 0, data.Date{}, data.Date{})
	if len(rows) != 2 || rows[0].Participants != 2 {
		t.Fatalf("occasions = %+v", rows)
	}
}

// drawnChecks lists the checks drawn under o (the list's rows).
func drawnChecks(o fyne.CanvasObject) []*widget.Check {
	var out []*widget.Check
	switch x := o.(type) {
	case *widget.Check:
		if x.Visible() {
			out = append(out, x)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, drawnChecks(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, drawnChecks(c)...)
		}
	}
	return out
}

func countPeople(t *testing.T, u *UI) int {
	t.Helper()
	rows, err := u.store.SearchPeople(u.ctx, data.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// Issue 11, finding 4: after an import the confirm buttons are gone and the
// screen shows the result; a second click cannot import again.
func TestImportButtonsGoneAfterImport(t *testing.T) {
	u := newTestUI(t)
	u.answer = func(string, string) bool { return true }
	path := filepath.Join(t.TempDir(), "liste.csv")
	os.WriteFile(path, []byte("Navn;Gruppe\nAnna Holm;Frivillig\nBo Berg;Ansat i organisationen\nCarl Dahl;Marsmand\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	test.Tap(s.validBtn)
	if countPeople(t, u) != 2 {
		t.Fatalf("%d people after the first import", countPeople(t, u))
	}
	if s.validBtn.Visible() || s.allBtn.Visible() {
		t.Fatal("the import buttons are still there after the import")
	}
	if !strings.Contains(s.summary.Text, "2 personer er oprettet") {
		t.Fatalf("summary = %q", s.summary.Text)
	}
	test.Tap(s.validBtn)
	s.reload() // coming back to the screen keeps the result
	test.Tap(s.validBtn)
	if countPeople(t, u) != 2 || s.validBtn.Visible() {
		t.Fatalf("%d people after a second click", countPeople(t, u))
	}
	// The same file again: nothing to import, and the screen says so.
	s.load(path)
	if !s.allBtn.Disabled() || !s.validBtn.Disabled() || !strings.Contains(s.summary.Text, "2 springes over") {
		t.Fatalf("second time: summary %q, buttons %v %v", s.summary.Text, s.allBtn.Disabled(), s.validBtn.Disabled())
	}
}

// Rows like someone registered are skipped unless ticked; the confirmation
// says how many are skipped.
func TestImportSkipsLookalikesUnlessTicked(t *testing.T) {
	u := newTestUI(t)
	var asked string
	u.answer = func(_, msg string) bool { asked = msg; return true }
	if err := u.store.SavePerson(u.ctx, &data.Person{Name: "Dorthe Lund"}, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "liste.csv")
	os.WriteFile(path, []byte("Navn\nDorte Lund\nCarl Dahl\nEva Ek\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	checks := drawnChecks(s.list)
	if len(checks) != 1 || !strings.Contains(checks[0].Text, "Dorthe Lund") || checks[0].Checked {
		t.Fatalf("checks = %v", checks)
	}
	test.Tap(s.allBtn)
	if !strings.Contains(asked, "2 personer oprettes") || !strings.Contains(asked, "1 række springes over") {
		t.Fatalf("confirmation = %q", asked)
	}
	if countPeople(t, u) != 3 {
		t.Fatalf("%d people", countPeople(t, u))
	}
	// Ticked, the look-alike is created.
	path2 := filepath.Join(t.TempDir(), "mere.csv")
	os.WriteFile(path2, []byte("Navn\nDorthe Lunde\nFie Falk\n"), 0o644)
	s.load(path2)
	checks = drawnChecks(s.list)
	if len(checks) != 1 {
		t.Fatalf("checks = %v", checks)
	}
	test.Tap(checks[0])
	test.Tap(s.allBtn)
	if !strings.Contains(asked, "2 personer oprettes") || strings.Contains(asked, "springes over") {
		t.Fatalf("confirmation = %q", asked)
	}
	if countPeople(t, u) != 5 {
		t.Fatalf("%d people after ticking", countPeople(t, u))
	}
}

// A tick-sheet is recognised by the dates in its header; the new people
// get the group chosen on the screen and start on their first date.
func TestImportDetectsTickSheetAndAsksNewPeoplesGroup(t *testing.T) {
	u := newTestUI(t)
	u.answer = func(string, string) bool { return true }
	recordFixture(t, u)
	path := filepath.Join(t.TempDir(), "fremmoede.csv")
	os.WriteFile(path, []byte("Navn;04-11-2025;11-11-2025\nMia Holm;x;x\nNy Person;;x\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	if s.kind.Code() != "attendance" {
		t.Fatalf("kind = %q", s.kind.Code())
	}
	s.activity.SetText("Onsdagscafé")
	s.create.SetChecked(true)
	if !s.allBtn.Disabled() || !strings.Contains(s.summary.Text, "Vælg gruppen") {
		t.Fatalf("without a group for new people: %q", s.summary.Text)
	}
	s.newGroup.SetCode(string(data.GroupTarget))
	if !s.allBtn.Disabled() {
		t.Fatal("the target group without a category")
	}
	s.newCategory.SetSelectedIndex(1) // after "(ingen)"
	if s.allBtn.Disabled() || !strings.Contains(s.summary.Text, "Målgruppe") {
		t.Fatalf("summary = %q", s.summary.Text)
	}
	test.Tap(s.allBtn)
	rows, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{Query: "ny person"})
	if len(rows) != 1 || rows[0].Group != data.GroupTarget {
		t.Fatalf("new person = %+v", rows)
	}
	periods, _ := u.store.GroupPeriods(u.ctx, rows[0].ID)
	if len(periods) != 1 || periods[0].Start != data.MustDate("2025-11-11") {
		t.Fatalf("periods = %+v", periods)
	}
	if s.allBtn.Visible() {
		t.Fatal("the import button is still there")
	}
	// The coordinator can read the same file as a people list instead.
	s.load(path)
	s.kind.SetCode("people")
	if s.mappingCard.Hidden || !s.tickCard.Hidden {
		t.Fatal("the people list's cards are not shown")
	}
}

// Rows without a category take the one chosen on the screen.
func TestImportDefaultCategoryChosen(t *testing.T) {
	u := newTestUI(t)
	u.answer = func(string, string) bool { return true }
	path := filepath.Join(t.TempDir(), "liste.csv")
	os.WriteFile(path, []byte("Navn;Gruppe\nAnna Holm;Målgruppe\nBo Berg;\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	if !s.allBtn.Disabled() {
		t.Fatal("a target-group row without a category is importable")
	}
	s.defCategory.SetID(1)
	s.defGroup.SetCode(string(data.GroupVolunteer))
	if s.allBtn.Disabled() {
		t.Fatalf("summary = %q, lines %v", s.summary.Text, s.lines)
	}
	test.Tap(s.allBtn)
	groups := map[string]data.Group{}
	rows, _ := u.store.SearchPeople(u.ctx, data.PersonFilter{})
	for _, r := range rows {
		groups[r.Name] = r.Group
	}
	if groups["Anna Holm"] != data.GroupTarget || groups["Bo Berg"] != data.GroupVolunteer {
		t.Fatalf("groups = %v", groups)
	}
}

// A look-alike line shows its text beside the check, so the coordinator
// can read who it is before ticking: the check's drawn label, not only
// its Text field, holds the line.
func TestImportLookalikeLinesAreReadable(t *testing.T) {
	u := newTestUI(t)
	if err := u.store.SavePerson(u.ctx, &data.Person{Name: "Dorthe Lund"}, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "liste.csv")
	os.WriteFile(path, []byte("Navn\nDorte Lund\n"), 0o644)
	s := screenOf[*importScreen](t, u, "import")
	s.load(path)
	checks := drawnChecks(s.list)
	if len(checks) != 1 {
		t.Fatalf("checks = %v", checks)
	}
	drawn := ""
	for _, o := range objects(checks[0]) {
		switch x := o.(type) {
		case *canvas.Text:
			drawn += x.Text
		case *widget.RichText:
			drawn += x.String()
		}
	}
	if !strings.Contains(drawn, "Dorthe Lund") {
		t.Fatalf("the look-alike line draws %q, want its text", drawn)
	}
}
