// Package dta writes Stata data files in format 118 (Stata 14 and later:
// UTF-8 text, strL for strings over 2,045 bytes) in pure Go, following
// StataCorp's published description of the .dta format, with variable
// labels, value labels on integer codes and dates (%td).
package dta

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kind is the type of a variable.
type Kind int

// The kinds of variable.
const (
	Numeric Kind = iota // a number; with Labels an integer code (long)
	String              // text; over 2,045 bytes it is stored as a strL
	Date                // a calendar day, given as time.Time (%td)
)

// MaxStr is the widest ordinary string (str#); wider ones become strL.
const MaxStr = 2045

// Label names one value of an integer code.
type Label struct {
	Value int32
	Text  string
}

// Var describes one variable (column).
type Var struct {
	Name   string // 1-32 characters: a letter or _, then letters, digits or _
	Label  string // the variable label, cut at 80 characters
	Kind   Kind
	Width  int // String: the longest value in bytes
	Labels []Label
}

// Storage type codes of format 118.
const (
	typeStrL   = 32768
	typeDouble = 65526
	typeLong   = 65528
)

// missing values of a double and of a long (Stata's ".").
const (
	missingDouble = 0x7fe0000000000000
	missingLong   = 2147483621
)

// storage returns the variable's type code and display format.
func (v Var) storage() (int, string) {
	switch {
	case v.Kind == String && v.Width > MaxStr:
		return typeStrL, "%9s"
	case v.Kind == String:
		w := max(v.Width, 1)
		return w, fmt.Sprintf("%%-%ds", min(w, 60))
	case v.Kind == Date:
		return typeLong, "%td"
	case len(v.Labels) > 0:
		return typeLong, "%8.0g"
	}
	return typeDouble, "%10.0g"
}

// stataEpoch is day zero of Stata dates.
var stataEpoch = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)

// DateValue turns a day into Stata's days since 1 January 1960.
func DateValue(t time.Time) int32 {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return int32((d.Unix() - stataEpoch.Unix()) / 86400)
}

// cutRunes shortens s to at most n characters and b bytes.
func cutRunes(s string, n, b int) string {
	for i, count := 0, 0; i < len(s); count++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		if count == n || i+size > b {
			return s[:i]
		}
		i += size
	}
	return s
}

// validName reports whether name can name a variable.
func validName(name string) error {
	if name == "" || utf8.RuneCountInString(name) > 32 {
		return fmt.Errorf("dta: variable name %q must have 1-32 characters", name)
	}
	for i, r := range name {
		ok := unicode.IsLetter(r) || r == '_' || i > 0 && r >= '0' && r <= '9'
		if !ok {
			return fmt.Errorf("dta: variable name %q: only letters, digits and _ (no digit first)", name)
		}
	}
	switch name {
	case "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N",
		"_pi", "_pred", "_rc", "_skip", "strL", "using", "with":
		return fmt.Errorf("dta: %q is a reserved name", name)
	}
	return nil
}
