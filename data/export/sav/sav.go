// Package sav writes SPSS system files (.sav) in pure Go, following PSPP's
// description of the format: bytecode-compressed cases, UTF-8 text, long
// variable names, long and very long strings, variable labels, value labels
// on numeric codes and date variables.
package sav

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Kind is the type of a variable.
type Kind int

// The kinds of variable.
const (
	Numeric Kind = iota // a number; Labels may name its codes
	String              // text of at most Width bytes
	Date                // a calendar day, given as time.Time
)

// Label names one value of a numeric variable.
type Label struct {
	Value float64
	Text  string
}

// Var describes one variable (column).
type Var struct {
	Name     string // 1-64 bytes: a letter, then letters, digits or _
	Label    string // the variable label, cut at 255 bytes
	Kind     Kind
	Width    int // String: the longest value in bytes (at least 1)
	Decimals int // Numeric: decimals shown
	Labels   []Label
}

// segments returns the byte widths of the variable's segments: one for
// numbers and strings up to 255 bytes, several for very long strings.
func (v Var) segments() []int {
	if v.Kind != String {
		return []int{0}
	}
	w := max(v.Width, 1)
	if w <= 255 {
		return []int{w}
	}
	n := (w + 251) / 252
	out := make([]int, n)
	for i := range out[:n-1] {
		out[i] = 255
	}
	out[n-1] = w - (n-1)*252
	return out
}

// slots is the number of 8-byte units a segment of width w takes.
func slots(w int) int {
	if w == 0 {
		return 1
	}
	return (w + 7) / 8
}

// spssEpoch is day zero of SPSS dates (the Gregorian calendar's start).
var spssEpoch = time.Date(1582, 10, 14, 0, 0, 0, 0, time.UTC)

// DateValue turns a day into SPSS's seconds since 14 October 1582.
func DateValue(t time.Time) float64 {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return float64(d.Unix() - spssEpoch.Unix())
}

// cut shortens s to at most n bytes without splitting a character.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// validName reports whether name can name a variable.
func validName(name string) error {
	if name == "" || len(name) > 64 {
		return fmt.Errorf("sav: variable name %q must have 1-64 bytes", name)
	}
	for i, r := range name {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '_' || r == '.')) {
			return fmt.Errorf("sav: variable name %q: only letters, digits, _ and . (a letter first)", name)
		}
	}
	return nil
}
