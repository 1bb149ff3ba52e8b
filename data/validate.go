package data

import (
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits on free text, so that a pasted novel or a binary blob is refused.
const (
	maxNameLen  = 200
	maxShortLen = 200
	maxTextLen  = 20000
)

// checkName validates a required, single-line name.
func (es *Errors) checkName(field, v string) {
	switch {
	case strings.TrimSpace(v) == "":
		es.add(field, "err.required", nil)
	case utf8.RuneCountInString(v) > maxNameLen:
		es.add(field, "err.too_long", map[string]any{"Max": maxNameLen})
	case hasControl(v, false):
		es.add(field, "err.control_chars", nil)
	}
}

// checkShort validates an optional single-line text.
func (es *Errors) checkShort(field, v string) {
	switch {
	case utf8.RuneCountInString(v) > maxShortLen:
		es.add(field, "err.too_long", map[string]any{"Max": maxShortLen})
	case hasControl(v, false):
		es.add(field, "err.control_chars", nil)
	}
}

// checkText validates an optional multi-line text.
func (es *Errors) checkText(field, v string) {
	switch {
	case utf8.RuneCountInString(v) > maxTextLen:
		es.add(field, "err.too_long", map[string]any{"Max": maxTextLen})
	case hasControl(v, true):
		es.add(field, "err.control_chars", nil)
	}
}

// checkCode validates that v is one of the allowed codes.
func (es *Errors) checkCode(field, v string, codes []string) {
	if !isOneOf(v, codes) {
		es.add(field, "err.bad_code", map[string]any{"Value": v})
	}
}

// checkPastDate validates an optional date that cannot be in the future.
func (es *Errors) checkPastDate(field string, d Date) {
	switch {
	case !es.checkDate(field, d):
	case !d.IsZero() && d.After(Today()):
		es.add(field, "err.future_date", nil)
	}
}

// checkDate validates an optional date: a day that does not exist, or
// one outside the years Samspil accepts, is refused. It reports whether
// the date passed.
func (es *Errors) checkDate(field string, d Date) bool {
	if !d.IsZero() && !d.Valid() {
		es.add(field, "err.date", nil)
		return false
	}
	return true
}

func hasControl(s string, allowNewlines bool) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if allowNewlines && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) {
			return true
		}
	}
	return false
}

// ValidEmail reports whether s is a plain e-mail address such as
// anna@example.dk (no display name, a dot in the domain).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.ContainsAny(s, " ,;")
}

// NormalizePhone returns the phone number with only its digits and a leading
// +, and whether it is a plausible number (8 to 15 digits, only digits,
// spaces, dashes, dots, parentheses and one leading +).
func NormalizePhone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	var b strings.Builder
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return s, false
		}
	}
	return b.String(), digits >= 8 && digits <= 15
}

// checkBirthYear validates an optional birth year (0 means not given).
func (es *Errors) checkBirthYear(field string, y int) {
	if y != 0 && (y < 1900 || y > time.Now().Year()) {
		es.add(field, "err.birth_year", map[string]any{"Max": time.Now().Year()})
	}
}
