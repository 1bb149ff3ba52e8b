package importer

import (
	"context"
	"testing"

	"samspil/assets"
	"samspil/data"
)

// parseCSV reads a CSV text and parses it as a people list.
func parseCSV(t *testing.T, s *data.Store, text string, opt PeopleOptions) []*PersonRow {
	t.Helper()
	sh, err := ReadCSV([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ParsePeople(context.Background(), s, sh, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// Issue 11, finding 4: importing the same people list twice adds its
// people once; the second time every row is skipped as already registered.
func TestSecondPeopleImportAddsNothing(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	const list = "Navn;Gruppe\nAnna Holm;Frivillig\nBo Berg;Frivillig\n"
	n, err := ImportPeople(ctx, s, parseCSV(t, s, list, PeopleOptions{}), false)
	if err != nil || n != 2 {
		t.Fatalf("first import: %d, %v", n, err)
	}
	rows := parseCSV(t, s, list, PeopleOptions{})
	skipped := Skipped(rows)
	if len(skipped) != 2 || skipped[0].Registered == 0 {
		t.Fatalf("skipped = %+v", skipped)
	}
	before := snapshot(t, s)
	if n, err := ImportPeople(ctx, s, rows, false); err != nil || n != 0 {
		t.Fatalf("second import: %d, %v", n, err)
	}
	if snapshot(t, s) != before {
		t.Fatal("the second import changed the database")
	}
}

// A row that merely looks like someone registered is skipped unless the
// coordinator ticks it; a later row like an earlier one in the same file too.
func TestSimilarRowsAreSkippedUnlessChosen(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	if err := s.SavePerson(ctx, &data.Person{Name: "Dorthe Lund"}, nil); err != nil {
		t.Fatal(err)
	}
	rows := parseCSV(t, s, "Navn\nDorte Lund\nCarl Dahl\ncarl dahl\n", PeopleOptions{})
	if got := Skipped(rows); len(got) != 2 || got[0].Row != 2 || got[0].Registered != 0 || got[1].Row != 4 {
		t.Fatalf("skipped = %+v", got)
	}
	rows[0].Create = true
	n, err := ImportPeople(ctx, s, rows, false)
	if err != nil || n != 2 {
		t.Fatalf("imported %d, %v", n, err)
	}
	if found, _ := s.SearchPeople(ctx, data.PersonFilter{Query: "carl dahl"}); len(found) != 1 {
		t.Fatalf("carl dahl %d times", len(found))
	}
}

// The app's own labels, in Danish and English, are accepted for every
// coded column, as are the codes themselves.
func TestOwnLabelsAreAccepted(t *testing.T) {
	s := newStore(t)
	for _, lang := range []string{"da", "en", "code"} {
		text := func(kind, code string) string {
			if lang == "code" {
				return code
			}
			return assets.Text(lang, kind+"."+code, nil)
		}
		for _, g := range data.Groups {
			for _, entry := range data.EntryChannels {
				for _, gender := range data.Genders {
					staff := ""
					if g == data.GroupMunicipalStaff {
						staff = text("staff", "counsellor")
					}
					row := text("group", string(g)) + ";" + text("entry", entry) + ";" + text("gender", gender) + ";" + staff + ";" + catText(lang)
					rows := parseCSV(t, s, "Navn;Gruppe;Vejen ind;Køn;Personaletype;Kategori\nAnna Holm;"+row+"\n", PeopleOptions{})
					r := rows[0]
					if !r.OK() {
						if g != data.GroupTarget && len(r.Errors) == 1 && r.Errors[0].Code == "err.categories_only_target" {
							continue // a category on a non-target row is refused, rightly
						}
						t.Fatalf("%s %q: %v", lang, row, r.Errors)
					}
					if r.Group.Group != g || r.Person.EntryChannel != entry || r.Person.Gender != gender {
						t.Fatalf("%s %q: %+v %+v", lang, row, r.Group, r.Person)
					}
					if g == data.GroupMunicipalStaff && r.Group.StaffKind != "counsellor" {
						t.Fatalf("%s: staff kind %q", lang, r.Group.StaffKind)
					}
				}
			}
		}
	}
	ctx := context.Background()
	for _, role := range []string{"active", "aktiv deltager", "Active participant", "Vært"} {
		if _, err := roleByCode(ctx, s, role); err != nil {
			t.Errorf("role %q: %v", role, err)
		}
	}
	if _, err := roleByCode(ctx, s, "gæst"); err == nil {
		t.Error("an unknown role accepted")
	}
}

func catText(lang string) string {
	switch lang {
	case "da":
		return "Psykisk sårbar"
	case "en":
		return "Mental-health vulnerability"
	}
	return "mental_health"
}

// Target-group rows without a category take the default category; rows
// without a group take the default group.
func TestDefaultGroupAndCategory(t *testing.T) {
	s := newStore(t)
	const list = "Navn;Gruppe\nAnna Holm;Målgruppe\nBo Berg;\n"
	rows := parseCSV(t, s, list, PeopleOptions{})
	if rows[0].OK() || rows[0].Errors[0].Field != "categories" || rows[0].Errors[0].Row != 2 {
		t.Fatalf("without a default: %v", rows[0].Errors)
	}
	rows = parseCSV(t, s, list, PeopleOptions{DefaultCategory: 2})
	if !rows[0].OK() || len(rows[0].Group.CategoryIDs) != 1 || rows[0].Group.CategoryIDs[0] != 2 {
		t.Fatalf("with a default category: %+v %v", rows[0].Group, rows[0].Errors)
	}
	if rows[1].Group.Group != data.GroupResourceful || len(rows[1].Group.CategoryIDs) != 0 {
		t.Fatalf("the default category spilled over: %+v", rows[1].Group)
	}
	rows = parseCSV(t, s, list, PeopleOptions{DefaultGroup: data.GroupTarget, DefaultCategory: 3})
	if !rows[1].OK() || rows[1].Group.Group != data.GroupTarget || rows[1].Group.CategoryIDs[0] != 3 {
		t.Fatalf("default group target: %+v %v", rows[1].Group, rows[1].Errors)
	}
	rows = parseCSV(t, s, list, PeopleOptions{DefaultGroup: data.GroupVolunteer})
	if rows[1].Group.Group != data.GroupVolunteer {
		t.Fatalf("default group volunteer: %+v", rows[1].Group)
	}
}

// The header decides what a file is: dates make a tick-sheet.
func TestDetectKind(t *testing.T) {
	for text, want := range map[string]string{
		"Navn;02-09-2026;09-09-2026\nMia;x;\n":            KindAttendance,
		"Fornavn;Efternavn;2026-09-02\nMia;Holm;x\n":      KindAttendance,
		"Navn;Gruppe;Startdato\nMia;Frivillig;01-01-2026": KindPeople,
		"Navn;E-mail\nMia;m@x.dk\n":                       KindPeople,
		"Navn;02-09-2026;Gruppe;Telefon;E-mail\nMia;x;;;": KindPeople,
	} {
		sh, err := ReadCSV([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectKind(sh); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}

// Unknown names from a tick-sheet get the group chosen for them (with a
// category for the target group), first contact on their first marked
// date and a first group period from that date.
func TestTickSheetNewPeopleGroupAndHistory(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	sh, _ := ReadCSV([]byte("Navn;02-09-2025;09-09-2025;16-09-2025\nNy Person;;x;x\n"))
	opt := AttendanceOptions{Activity: "Café", CreateUnknown: true, NewGroup: data.GroupTarget}
	a, err := ParseAttendance(ctx, s, sh, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportAttendance(ctx, s, a, opt); err == nil {
		t.Fatal("target group without a category accepted")
	}
	opt.NewCategory = 1
	a, _ = ParseAttendance(ctx, s, sh, opt)
	if n, err := ImportAttendance(ctx, s, a, opt); err != nil || n != 2 {
		t.Fatalf("imported %d, %v", n, err)
	}
	found, _ := s.SearchPeople(ctx, data.PersonFilter{Query: "ny person"})
	if len(found) != 1 {
		t.Fatalf("found %v", found)
	}
	p, err := s.Person(ctx, found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.FirstContact != data.MustDate("2025-09-09") {
		t.Fatalf("first contact %v", p.FirstContact)
	}
	periods, err := s.GroupPeriods(ctx, p.ID)
	if err != nil || len(periods) != 1 || periods[0].Group != data.GroupTarget || periods[0].Start != data.MustDate("2025-09-09") {
		t.Fatalf("periods = %+v, %v", periods, err)
	}
}

// People imported today from a list and then found on last term's
// tick-sheet count under their group on those dates, not "unknown".
func TestTickSheetAfterPeopleListCountsUnderTheirGroup(t *testing.T) {
	s, ctx := newStore(t), context.Background()
	if _, err := ImportPeople(ctx, s, parseCSV(t, s, "Navn;Gruppe\nAnna Holm;Frivillig\n", PeopleOptions{}), false); err != nil {
		t.Fatal(err)
	}
	sh, _ := ReadCSV([]byte("Navn;04-03-2025;11-03-2025\nAnna Holm;;x\n"))
	opt := AttendanceOptions{Activity: "Café"}
	a, err := ParseAttendance(ctx, s, sh, opt)
	if err != nil || len(a.Errors) > 0 {
		t.Fatalf("%v %v", err, a.Errors)
	}
	if _, err := ImportAttendance(ctx, s, a, opt); err != nil {
		t.Fatal(err)
	}
	id := a.People[2]
	groups, err := s.GroupsOn(ctx, data.MustDate("2025-03-11"), []int64{id})
	if err != nil || groups[id] != data.GroupVolunteer {
		t.Fatalf("counted as %q, %v", groups[id], err)
	}
}

// A kind of staff on a row that is not municipal staff is refused with a
// message naming the row and the field.
func TestStaffKindOnlyForMunicipalStaff(t *testing.T) {
	s := newStore(t)
	rows := parseCSV(t, s, "Navn;Gruppe;Personaletype\nAnna Holm;Frivillig;Ungevejleder\nBo Berg;;Omsorgspersonale\n", PeopleOptions{})
	if rows[0].OK() || rows[0].Errors[0].Message("da") != `Række 2: Type personale: "Ungevejleder" gælder kun kommunalt ansatte – angiv gruppen Kommunalt ansat` {
		t.Fatalf("errors = %v", rows[0].Errors)
	}
	if !rows[1].OK() || rows[1].Group.Group != data.GroupMunicipalStaff || rows[1].Group.StaffKind != "care" {
		t.Fatalf("a staff kind without a group: %+v %v", rows[1].Group, rows[1].Errors)
	}
}
