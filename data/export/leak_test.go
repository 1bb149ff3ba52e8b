package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"samspil/data"
	"samspil/data/demo"
)

// TestLeakScan exports every template pseudonymised and looks in every cell
// for each person's name, phone and e-mail: none may be there. With
// --identified the names are there, so the scan is known to work.
func TestLeakScan(t *testing.T) {
	for _, tpl := range demo.Templates {
		t.Run(tpl, func(t *testing.T) {
			s := demoStore(t, tpl)
			dir := t.TempDir()
			pseudo, ident := filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "i.xlsx")
			if _, err := Run(context.Background(), s, Options{Recipient: "VIVE", WithLogbook: true}, pseudo, nil); err != nil {
				t.Fatal(err)
			}
			if _, err := Run(context.Background(), s, Options{Recipient: "VIVE", WithLogbook: true, Identified: true}, ident, nil); err != nil {
				t.Fatal(err)
			}
			needles := personalData(t, s)
			if hits := scanWorkbook(t, pseudo, needles); len(hits) > 0 {
				t.Fatalf("%d personal values in the pseudonymised export, e.g. %v", len(hits), hits[:min(5, len(hits))])
			}
			if hits := scanNameParts(t, pseudo, nameParts(t, s)); len(hits) > 0 {
				t.Fatalf("%d name parts in the pseudonymised export, e.g. %v", len(hits), hits[:min(5, len(hits))])
			}
			if hits := scanWorkbook(t, ident, needles); len(hits) == 0 {
				t.Fatal("the identified export has no names: the scan cannot find anything")
			}
		})
	}
}

// personalData lists every full name, phone number and e-mail address.
func personalData(t *testing.T, s *data.Store) []string {
	rows, err := s.DB().Query(`SELECT name, phone, email FROM people`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name, phone, email string
		rows.Scan(&name, &phone, &email)
		out = append(out, strings.ToLower(name))
		if phone != "" {
			out = append(out, strings.ReplaceAll(phone, " ", ""))
		}
		if email != "" {
			out = append(out, strings.ToLower(email))
		}
	}
	return out
}

// nameParts lists every first, middle and last name of three letters or more.
func nameParts(t *testing.T, s *data.Store) map[string]bool {
	rows, err := s.DB().Query(`SELECT name FROM people`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		for _, p := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
			if len([]rune(p)) >= 3 && !strings.HasSuffix(p, ".") {
				out[p] = true
			}
		}
	}
	return out
}

// scanNameParts finds name parts standing as whole words (as written, so
// the Danish word "per" does not count as the name Per).
func scanNameParts(t *testing.T, path string, parts map[string]bool) []string {
	var hits []string
	for sheet, rows := range readSheets(t, path) {
		for _, r := range rows {
			for _, cell := range r {
				for _, w := range strings.FieldsFunc(cell, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
					if parts[w] {
						hits = append(hits, sheet+": "+w+" in "+cell)
					}
				}
			}
		}
	}
	return hits
}

func scanWorkbook(t *testing.T, path string, needles []string) []string {
	var hits []string
	for sheet, rows := range readSheets(t, path) {
		for _, r := range rows {
			for _, cell := range r {
				c := strings.ToLower(cell)
				flat := strings.ReplaceAll(c, " ", "")
				for _, n := range needles {
					if strings.Contains(c, n) || (len(n) >= 8 && strings.Contains(flat, n)) {
						hits = append(hits, sheet+": "+n)
					}
				}
			}
		}
	}
	return hits
}
