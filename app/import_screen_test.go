package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
