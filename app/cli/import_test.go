package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samspil/data"
)

// newDB writes an empty Samspil database and returns its path.
func newDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "imp.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// people returns everyone registered with their current group.
func people(t *testing.T, db string) []data.PersonRow {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.SearchPeople(context.Background(), data.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Issue 11, finding 4: a re-run of the same people list adds nobody and
// says that they are already there.
func TestImportTwiceAddsPeopleOnce(t *testing.T) {
	db := newDB(t)
	file := writeFile(t, "liste.csv", "Navn;Gruppe\nAnna Holm;Ansat i organisationen\nBo Berg;Volunteer\n")
	if code, out, errOut := run(t, "import", "--db", db, "--file", file); code != ExitOK || !strings.Contains(out, "imported 2 people") {
		t.Fatalf("first: %d %q %q", code, out, errOut)
	}
	code, out, errOut := run(t, "import", "--db", db, "--file", file)
	if code != ExitOK || !strings.Contains(out, "imported 0 people") || !strings.Contains(out, "2 skipped") ||
		!strings.Contains(out, "Row 2: Anna Holm is already registered") {
		t.Fatalf("second: %d %q %q", code, out, errOut)
	}
	if n := len(people(t, db)); n != 2 {
		t.Fatalf("%d people", n)
	}
	// A similar name is skipped unless its row is named.
	similar := writeFile(t, "mere.csv", "Navn\nAnne Holm\nCarl Dahl\n")
	if code, out, _ := run(t, "import", "--db", db, "--file", similar); code != ExitOK || !strings.Contains(out, "imported 1 people") ||
		!strings.Contains(out, "Row 2: Anne Holm looks like Anna Holm") {
		t.Fatalf("similar: %d %q", code, out)
	}
	if code, out, _ := run(t, "import", "--db", db, "--file", similar, "--create-similar", "2"); code != ExitOK || !strings.Contains(out, "imported 1 people") {
		t.Fatalf("create similar: %d %q", code, out)
	}
	if n := len(people(t, db)); n != 4 {
		t.Fatalf("%d people after --create-similar", n)
	}
	if code, _, errOut := run(t, "import", "--db", db, "--file", similar, "--create-similar", "two"); code != ExitUsage || !strings.Contains(errOut, "--create-similar") {
		t.Fatalf("bad --create-similar: %d %q", code, errOut)
	}
}

// Rows without group or category take the defaults given on the command line.
func TestImportDefaultGroupAndCategory(t *testing.T) {
	db := newDB(t)
	file := writeFile(t, "liste.csv", "Navn;Gruppe\nAnna Holm;Målgruppe\nBo Berg;\n")
	if code, _, errOut := run(t, "import", "--db", db, "--file", file); code != ExitFail || !strings.Contains(errOut, "Row 2: Categories") {
		t.Fatalf("without a default category: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "import", "--db", db, "--file", file, "--default-category", "Psykisk sårbar", "--default-group", "Frivillig")
	if code != ExitOK || !strings.Contains(out, "imported 2 people") {
		t.Fatalf("with defaults: %d %q %q", code, out, errOut)
	}
	groups := map[string]data.Group{}
	for _, p := range people(t, db) {
		groups[p.Name] = p.Group
	}
	if groups["Anna Holm"] != data.GroupTarget || groups["Bo Berg"] != data.GroupVolunteer {
		t.Fatalf("groups = %v", groups)
	}
	for _, bad := range [][]string{{"--default-group", "Marsmand"}, {"--default-category", "ukendt"}} {
		if code, _, errOut := run(t, append([]string{"import", "--db", db, "--file", file}, bad...)...); code != ExitUsage || !strings.Contains(errOut, bad[0]) {
			t.Fatalf("%v: %d %q", bad, code, errOut)
		}
	}
}

// A file with dates in its header is read as a tick-sheet without --kind;
// the new people get the group asked for and start on their first date.
func TestImportDetectsTickSheet(t *testing.T) {
	db := newDB(t)
	file := writeFile(t, "fremmoede.csv", "Navn;2025-11-03;2025-11-10\nAnna Holm;;x\n")
	if code, _, errOut := run(t, "import", "--db", db, "--file", file); code != ExitUsage || !strings.Contains(errOut, "--activity") {
		t.Fatalf("tick-sheet without --activity: %d %q", code, errOut)
	}
	code, out, errOut := run(t, "import", "--db", db, "--file", file, "--activity", "Café", "--create-unknown",
		"--default-group", "volunteer", "--role", "Aktiv deltager")
	if code != ExitOK || !strings.Contains(out, "imported 1 participations") || !strings.Contains(out, "1 new people as Volunteer") {
		t.Fatalf("tick-sheet: %d %q %q", code, out, errOut)
	}
	ps := people(t, db)
	if len(ps) != 1 || ps[0].Group != data.GroupVolunteer {
		t.Fatalf("people = %+v", ps)
	}
	s, _ := data.Open(db)
	defer s.Close()
	p, _ := s.Person(context.Background(), ps[0].ID)
	if p.FirstContact != data.MustDate("2025-11-10") {
		t.Fatalf("first contact %v", p.FirstContact)
	}
	// --kind people still reads it as a people list (and finds Anna there).
	if code, out, _ := run(t, "import", "--db", db, "--file", file, "--kind", "people"); code != ExitOK || !strings.Contains(out, "imported 0 people") {
		t.Fatalf("--kind people: %d %q", code, out)
	}
}
