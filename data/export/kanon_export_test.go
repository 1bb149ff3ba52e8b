package export

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"samspil/data/pgtest"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
	"samspil/data/demo"
)

// quasiColumns are the people sheet's descriptive columns the k-check covers.
var quasiColumns = []string{"age_band", "gender", "entry_channel", "first_contact", "first_group", "group_at_end"}

// kCheck exports pseudonymised and identified, and checks that no
// combination of the people sheet's descriptive columns covers fewer than
// 3 people, that first contact is a month, and that the README reports
// exactly the values blanked (the identified export is unchanged).
// It returns the blanked values per column.
func kCheck(t *testing.T, s *data.Store, opt Options) map[string]int {
	t.Helper()
	dir := t.TempDir()
	pseudo, ident := filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "i.xlsx")
	if _, err := Run(context.Background(), s, opt, pseudo, nil); err != nil {
		t.Fatal(err)
	}
	opt.Identified = true
	if _, err := Run(context.Background(), s, opt, ident, nil); err != nil {
		t.Fatal(err)
	}
	ps, is := readSheets(t, pseudo), readSheets(t, ident)
	prows, irows := ps["people"], is["people"]
	month := regexp.MustCompile(`^\d{4}-\d{2}$`)
	idx := map[string]int{}
	for i, h := range prows[0] {
		idx[h] = i
	}
	iidx := map[string]int{}
	for i, h := range irows[0] {
		iidx[h] = i
	}
	cell := func(r []string, i int) string {
		if i < len(r) {
			return r[i]
		}
		return ""
	}
	// The identified export keys everyone with the same keys; match by key.
	byKey := map[string][]string{}
	for _, r := range irows[1:] {
		byKey[r[iidx["person_key"]]] = r
	}
	combos := map[string]int{}
	blanks := map[string]int{}
	for _, r := range prows[1:] {
		same := byKey[r[idx["person_key"]]]
		if same == nil {
			t.Fatalf("person %s is not in the identified export", r[idx["person_key"]])
		}
		var key []string
		for _, c := range quasiColumns {
			v := cell(r, idx[c])
			key = append(key, v)
			if v == "" && cell(same, iidx[c]) != "" {
				blanks[c]++
			}
		}
		if fc := cell(r, idx["first_contact"]); fc != "" && !month.MatchString(fc) {
			t.Fatalf("first contact %q is not a month", fc)
		}
		combos[strings.Join(key, "|")]++
	}
	if len(prows) > 3 {
		for k, n := range combos {
			if n < 3 {
				t.Fatalf("combination %q covers %d people", k, n)
			}
		}
	}
	readme := map[string]string{}
	for _, r := range ps["README"][1:] {
		readme[r[0]] = cell(r, 1)
	}
	for _, c := range quasiColumns {
		got, err := strconv.Atoi(readme["k_blanked_"+c])
		if err != nil || got != blanks[c] {
			t.Errorf("README says %q blanked in %s, found %d", readme["k_blanked_"+c], c, blanks[c])
		}
	}
	if readme["k_anonymity"] == "" {
		t.Error("README does not state the k-check")
	}
	for _, c := range quasiColumns {
		if c == "first_contact" {
			continue
		}
		for _, r := range prows[1:] {
			if v := cell(r, idx[c]); v != "" && cell(byKey[r[idx["person_key"]]], iidx[c]) != v {
				t.Fatalf("%s differs between the exports", c)
			}
		}
	}
	return blanks
}

func TestPeopleSheetIsKAnonymous(t *testing.T) {
	for _, tpl := range demo.Templates {
		t.Run(tpl, func(t *testing.T) {
			blanked := kCheck(t, demoStore(t, tpl), Options{Recipient: "VIVE"})
			t.Logf("%s: blanked %v", tpl, blanked)
		})
	}
	t.Run("nobody", func(t *testing.T) {
		s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "empty.db")))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, filepath.Join(t.TempDir(), "x.xlsx"), nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("six people", func(t *testing.T) {
		blanked := kCheck(t, sixPeople(t), Options{Recipient: "VIVE"})
		total := 0
		for _, n := range blanked {
			total += n
		}
		if total < 6 {
			t.Fatalf("six different people, %d values blanked: %v", total, blanked)
		}
	})
}

// sixPeople is a partnership of six people, most of them unique.
func sixPeople(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "six.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	since := data.MustDate("2025-01-06")
	groups := []data.Group{data.GroupTarget, data.GroupTarget, data.GroupTarget, data.GroupResourceful, data.GroupVolunteer, data.GroupResourceful}
	channels := []string{"municipal", "municipal", "municipal", "network", "self", "host"}
	genders := []string{"female", "female", "female", "male", "other", "male"}
	years := []int{2001, 2002, 2001, 1990, 1960, 1985}
	var ids []int64
	for i := range groups {
		p := &data.Person{Name: fmt.Sprintf("Person %c", 'A'+i), EntryChannel: channels[i], Gender: genders[i], BirthYear: years[i],
			FirstContact: since.AddDays(i * 9)}
		gp := &data.GroupPeriod{Group: groups[i], Start: p.FirstContact}
		if groups[i] == data.GroupTarget {
			gp.CategoryIDs = []int64{1}
		}
		if err := s.SavePerson(ctx, p, gp); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveConsent(ctx, &data.Consent{PersonID: p.ID, Purpose: "research", GivenOn: p.FirstContact, Method: "skriftligt"}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	roles, _ := s.Roles(ctx)
	a := &data.Activity{Name: "Café", Kind: "recurring", Status: "active", Start: since}
	if err := s.SaveActivity(ctx, a); err != nil {
		t.Fatal(err)
	}
	o := &data.Occasion{ActivityID: a.ID, Date: data.MustDate("2025-03-01")}
	for _, id := range ids {
		o.Participants = append(o.Participants, data.Participation{PersonID: id, RoleID: roles[2].ID})
	}
	if err := s.SaveOccasion(ctx, o); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLeftOutPeopleLeaveNoTraceInOccasions (issue 13.4): each occasion's
// registered count is the number of its participation rows, and its target
// share counts only those, so no one left out for lack of research consent
// can be inferred from the occasions sheet.
func TestLeftOutPeopleLeaveNoTraceInOccasions(t *testing.T) {
	s := demoStore(t, "kulturhus")
	out := filepath.Join(t.TempDir(), "x.xlsx")
	sum, err := Run(context.Background(), s, Options{Recipient: "VIVE"}, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Excluded == 0 {
		t.Fatal("nobody left out: the test shows nothing")
	}
	sheets := readSheets(t, out)
	rows := map[string]int{}
	target := map[string]int{}
	for _, r := range sheets["participation"][1:] {
		rows[r[0]]++
		if r[6] == string(data.GroupTarget) {
			target[r[0]]++
		}
	}
	for _, r := range sheets["occasions"][1:] {
		if got := r[5]; got != strconv.Itoa(rows[r[0]]) {
			t.Fatalf("occasion %s: registered %s, %d participation rows", r[0], got, rows[r[0]])
		}
		if rows[r[0]] > 0 {
			share, _ := strconv.ParseFloat(r[7], 64)
			if want := float64(target[r[0]]) / float64(rows[r[0]]); share < want-1e-9 || share > want+1e-9 {
				t.Fatalf("occasion %s: target share %s, rows give %v", r[0], r[7], want)
			}
		}
	}
}
