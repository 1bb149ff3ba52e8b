package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDate: a date is either refused or round-trips through its ISO
// and Danish forms.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-01", "01-12-2026", "1/12/2026", "31-02-2026", "29.02.2024", "", "2026-1-1", "99-99-9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			return
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("%q → %v → %v, %v", s, d, back, err)
		}
		if back, err := ParseDate(d.Danish()); err != nil || back != d {
			t.Fatalf("%q → %v → Danish %v, %v", s, d, back, err)
		}
	})
}

// FuzzNormalizePhone: an accepted number has 8-15 digits and only digits
// after an optional +.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+45 20 30 40 50", "20304050", "(+45) 2030-4050", "123", "phone"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := NormalizePhone(s)
		if !ok {
			return
		}
		digits := strings.TrimPrefix(n, "+")
		if len(digits) < 8 || len(digits) > 15 || strings.Trim(digits, "0123456789") != "" {
			t.Fatalf("%q accepted as %q", s, n)
		}
	})
}

// FuzzNames: folding is idempotent, valid UTF-8, and a name is similar to itself.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"Åse Ørsted-Bæk", "O'Connor", "René Müller", "  ANNA  ", "Ahmad A. Olsen"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := FoldName(s)
		if !utf8.ValidString(folded) || FoldName(folded) != folded {
			t.Fatalf("FoldName(%q) = %q, again %q", s, folded, FoldName(folded))
		}
		if nameTokens(s) != "" && !SimilarNames(s, s) {
			t.Fatalf("%q is not similar to itself", s)
		}
	})
}
