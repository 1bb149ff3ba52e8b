package data

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// typedDate reads the three numbers typed in s the way a person means
// them (year first when it has four digits, otherwise day first), without
// any calendar arithmetic; ok is false when s is not three numbers.
func typedDate(s string) (y, m, d int, ok bool) {
	parts := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	if len(parts[0]) == 4 {
		return n[0], n[1], n[2], true
	}
	return n[2], n[1], n[0], true
}

// FuzzParseDate: a date is either refused or is exactly the day typed (31-02
// may not become 3 March), a real day, and round-trips through its ISO and
// Danish forms.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-01", "01-12-2026", "1/12/2026", "31-02-2026", "29.02.2024", "", "2026-1-1", "99-99-9999", "00-13-2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			if err == nil && strings.TrimSpace(s) != "" {
				t.Fatalf("%q gave no date and no error", s)
			}
			return
		}
		y, m, day, ok := typedDate(s)
		if !ok || d.Year != y || int(d.Month) != m || d.Day != day {
			t.Fatalf("%q was read as %v", s, d)
		}
		if !d.Valid() {
			t.Fatalf("%q gave the impossible day %v", s, d)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("%q → %v → %v, %v", s, d, back, err)
		}
		if back, err := ParseDate(d.Danish()); err != nil || back != d {
			t.Fatalf("%q → %v → Danish %v, %v", s, d, back, err)
		}
	})
}

// digitsOf returns the ASCII digits of s in order.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// FuzzNormalizePhone: an accepted number keeps exactly the digits typed, in
// order, and its leading +; it has 8-15 digits; normalising it again
// changes nothing.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+45 20 30 40 50", "20304050", "(+45) 2030-4050", "123", "phone", " 20.30.40.50 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := NormalizePhone(s)
		if !ok {
			return
		}
		digits := strings.TrimPrefix(n, "+")
		if len(digits) < 8 || len(digits) > 15 || digits != digitsOf(s) {
			t.Fatalf("%q accepted as %q", s, n)
		}
		if strings.HasPrefix(strings.TrimSpace(s), "+") != strings.HasPrefix(n, "+") {
			t.Fatalf("%q accepted as %q: the + is lost or made up", s, n)
		}
		if again, ok := NormalizePhone(n); !ok || again != n {
			t.Fatalf("%q → %q → %q, %v", s, n, again, ok)
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
