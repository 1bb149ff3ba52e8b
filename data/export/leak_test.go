package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"samspil/data"
	"samspil/data/demo"
)

// TestLeakScan writes realistic logbook notes about random people of each
// template (phone numbers, CPR numbers, e-mails, addresses and URLs in the
// ways people write them, names in many spellings), exports them
// pseudonymised as a workbook and as CSV, and scans every cell for each
// kind by pattern and for every name part of every registered person, in
// any case: nothing may be found, and every mention of a linked person
// must be their key. The identified export of the same notes is the
// positive control: there the scan finds every kind.
func TestLeakScan(t *testing.T) {
	for _, tpl := range demo.Templates {
		t.Run(tpl, func(t *testing.T) {
			s := demoStore(t, tpl)
			linked := writeLeakyNotes(t, s, rand.New(rand.NewSource(int64(len(tpl)))))
			dir := t.TempDir()
			pseudo, ident, folder := filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "i.xlsx"), filepath.Join(dir, "csv")
			opt := Options{Recipient: "VIVE", WithLogbook: true}
			if _, err := Run(context.Background(), s, opt, pseudo, nil); err != nil {
				t.Fatal(err)
			}
			csvOpt := opt
			csvOpt.Format = "csv"
			if _, err := Run(context.Background(), s, csvOpt, folder, nil); err != nil {
				t.Fatal(err)
			}
			opt.Identified = true
			if _, err := Run(context.Background(), s, opt, ident, nil); err != nil {
				t.Fatal(err)
			}
			parts := nameParts(t, s)
			for _, out := range []map[string][][]string{readSheets(t, pseudo), readCSVFolder(t, folder)} {
				if hits := scanCells(out, parts); len(hits) > 0 {
					t.Fatalf("%d identifiers in the pseudonymised export, e.g. %v", len(hits), hits[:min(8, len(hits))])
				}
				checkLinkedKeys(t, out["logbook"], linked)
			}
			found := map[string]bool{}
			for _, h := range scanCells(readSheets(t, ident), parts) {
				found[strings.SplitN(h, ":", 2)[0]] = true
			}
			for _, kind := range []string{"phone", "cpr", "email", "url", "address", "name"} {
				if !found[kind] {
					t.Errorf("the identified export shows no %s: the scan cannot see it", kind)
				}
			}
		})
	}
}

// leakyNote is what a coordinator may write about a person; %[1]s is
// their first name, %[2]s their full name, %[3]s another registered
// person's full name, %[4]s a phone number, %[5]s a CPR number, %[6]s an
// e-mail address, %[7]s their last name.
var leakyNotes = []string{
	"Ringede til %[1]s på %[4]s og skrev til %[6]s; hun bor på Algade 12, cpr %[5]s. %[2]s kommer igen.",
	"%[1]ss mor ringede (%[4]s). %[2]s bor nu på Nørregade 4, 2. th, 4000 Roskilde, cpr-nr. %[5]s. Se https://www.facebook.com/%[1]s.%[7]s",
	"%[3]s og %[1]s lavede mad; %[1]s vil gerne kontaktes på %[6]s eller %[4]s. %[2]s har adresse på %[7]svej 7B.",
	"Møde med %[2]s (cpr %[5]s, tlf. %[4]s) om praktik; %[1]s's rådgiver skriver fra www.kommune.dk/sag/%[1]s",
	"%[1]s kom sammen med %[3]s. %[2]s gav sit nummer: %[4]s, og mailen %[6]s. Bor på Skolevej 3.",
}

// writeLeakyNotes writes notes about random people with research consent,
// linked to them, and returns the entries' ids with the person's id.
func writeLeakyNotes(t *testing.T, s *data.Store, rng *rand.Rand) map[int64]int64 {
	t.Helper()
	ctx := context.Background()
	type who struct {
		id   int64
		name string
	}
	var people []who
	for _, p := range researchPeople(t, s) {
		if !p.Anonymised && p.ResearchConsent {
			people = append(people, who{p.ID, p.Name})
		}
	}
	phones := []string{"22 33 44 55", "+45 22334455", "0045 2233 4455", "2233 4455", "22-33-44-55", "22334455", "+45 22 33 44 55"}
	cprs := []string{"010203-1234", "0102031234", "311299 4321", "290200-1111"}
	spell := []func(string) string{strings.ToLower, strings.ToUpper, func(s string) string { return s }}
	out := map[int64]int64{}
	for i := 0; i < 40; i++ {
		p, other := people[rng.Intn(len(people))], people[rng.Intn(len(people))]
		if p.id == other.id {
			continue
		}
		words := strings.Fields(p.name)
		first, last := words[0], words[len(words)-1]
		email := strings.ToLower(first+"."+last) + "@eksempel.dk"
		sp := spell[rng.Intn(len(spell))]
		text := fmt.Sprintf(leakyNotes[i%len(leakyNotes)], sp(first), p.name, other.name,
			phones[rng.Intn(len(phones))], cprs[rng.Intn(len(cprs))], email, last)
		e := &data.LogEntry{Date: testEnd.AddDays(-rng.Intn(300)), Text: text, PersonIDs: []int64{p.id}}
		if err := s.SaveLogEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		out[e.ID] = p.id
	}
	return out
}

// checkLinkedKeys: every logbook entry written about a person names them
// by their key — at least three mentions (first name, full name and a
// possessive or second mention in every note).
func checkLinkedKeys(t *testing.T, rows [][]string, linked map[int64]int64) {
	t.Helper()
	if len(rows) < 2 {
		t.Fatal("no logbook rows")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	checked := 0
	for _, r := range rows[1:] {
		var id int64
		fmt.Sscan(r[col["entry_id"]], &id)
		if _, ok := linked[id]; !ok {
			continue
		}
		key := r[col["people"]]
		if key == "" || strings.Contains(key, "|") {
			t.Fatalf("entry %d: linked keys %q", id, key)
		}
		if n := strings.Count(r[col["text"]], key); n < 2 {
			t.Fatalf("entry %d names its person %s %d times: %q", id, key, n, r[col["text"]])
		}
		checked++
	}
	if checked < len(linked)/2 {
		t.Fatalf("only %d of %d written entries checked", checked, len(linked))
	}
}

// The scan's own patterns, written apart from the scrubber's.
var leakPatterns = map[string]*regexp.Regexp{
	"phone":   regexp.MustCompile(`(?:\+|00)45[ .-]?\d|\b\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}\b`),
	"cpr":     regexp.MustCompile(`\b\d{6}[ -]?\d{4}\b`),
	"email":   regexp.MustCompile(`[\p{L}\d._-]+@[\p{L}\d-]+\.[\p{L}.]+`),
	"url":     regexp.MustCompile(`(?i)https?://|www\.|\.dk/|\.com\b`),
	"address": regexp.MustCompile(`(?i)\p{L}+(?:vej|gade|allé|stræde|torv)\s+\d+`),
}

// fixedText are cells of the app's own text, where ordinary words such as
// "per" are no one's name: the codebook and codes sheets, the
// indicators' labels and definitions, and the README's explanations.
func fixedText(sheet, column, field string) bool {
	switch sheet {
	case "codebook", "codes":
		return true
	case "indicators":
		return strings.HasPrefix(column, "label_") || strings.HasPrefix(column, "definition_") || column == "unit"
	case "README":
		return column == "value" && field != "partnership" && field != "organisation" && field != "municipality" && field != "recipient"
	}
	return false
}

var personKey = regexp.MustCompile(`P-[A-Z2-7]{10}`)

var isoDateOrTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2}(?:T[\d:+Z.-]+)?`)

// scanCells looks in every cell for each kind by pattern and for name
// parts as whole words in any case, possessives too; hits are
// "kind: sheet: cell".
func scanCells(sheets map[string][][]string, parts map[string]bool) []string {
	var hits []string
	for sheet, rows := range sheets {
		if len(rows) == 0 {
			continue
		}
		for _, r := range rows[1:] {
			for i, cell := range r {
				if i >= len(rows[0]) || fixedText(sheet, rows[0][i], r[0]) {
					continue
				}
				if _, err := strconv.ParseFloat(strings.Replace(cell, ",", ".", 1), 64); err == nil {
					continue // a number cell: no identifier, however many digits
				}
				// Person keys are random letters and digits: "P-IB3S…" is no Ib.
				cell = personKey.ReplaceAllString(cell, "P-KEY")
				plain := isoDateOrTime.ReplaceAllString(cell, "")
				for kind, re := range leakPatterns {
					if re.MatchString(plain) {
						hits = append(hits, kind+": "+sheet+": "+cell)
					}
				}
				for _, w := range strings.FieldsFunc(strings.ToLower(cell), func(r rune) bool { return !unicode.IsLetter(r) }) {
					if parts[w] || parts[strings.TrimSuffix(w, "s")] { // Grete, Gretes
						hits = append(hits, "name: "+sheet+"."+rows[0][i]+": "+w+" in "+cell)
					}
				}
			}
		}
	}
	return hits
}

// nameParts lists every part of every registered name, in lower case.
func nameParts(t *testing.T, s *data.Store) map[string]bool {
	out := map[string]bool{}
	for _, person := range researchPeople(t, s) {
		if person.Anonymised {
			continue
		}
		for _, p := range strings.FieldsFunc(strings.ToLower(person.Name), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(p)) >= 2 {
				out[p] = true
			}
		}
	}
	return out
}

// readCSVFolder reads every CSV file of an export folder as sheets.
func readCSVFolder(t *testing.T, dir string) map[string][][]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	out := map[string][][]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff")))
		r.Comma, r.FieldsPerRecord = ';', -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".csv")] = recs
	}
	return out
}
