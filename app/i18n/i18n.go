// Package i18n speaks the user's language: it looks translations up in the
// app's translation files (Danish by default, English on request) and
// writes numbers, dates, codes and errors the way the reader expects.
package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"samspil/assets"
	"samspil/data"
)

// Languages the UI speaks; Danish is the default.
const (
	Danish  = "da"
	English = "en"
)

// current is the language the UI was last set to.
var current = Danish

// SetLanguage makes every lookup answer in language ("da" or "en"),
// whatever the system's locale: Fyne picks its translation by locale, so
// the chosen file is registered for the system locale and for both codes.
// Widgets made afterwards speak the new language.
func SetLanguage(language string) error {
	if language != English {
		language = Danish
	}
	raw, err := assets.Translations.ReadFile("translations/" + language + ".json")
	if err != nil {
		return err
	}
	for _, loc := range []fyne.Locale{lang.SystemLocale(), "en", "da"} {
		if err := lang.AddTranslationsForLocale(raw, loc); err != nil {
			return err
		}
	}
	current = language
	return nil
}

// Language returns the UI language.
func Language() string { return current }

// T translates a key of the translation files.
func T(key string) string { return lang.X(key, key) }

// Tf translates a key with template data, for {{.Name}} placeholders.
// Whole numbers among the arguments are written with thousands separators,
// and a message counting one thing takes its singular form (assets.Plural).
func Tf(key string, args map[string]any) string {
	shown := make(map[string]any, len(args))
	for k, v := range args {
		switch n := v.(type) {
		case int:
			v = Count(n)
		case int64:
			v = Count(int(n))
		}
		shown[k] = v
	}
	return lang.X(assets.Plural(current, key, args), key, shown)
}

// Units are the things Amount counts: each has the messages "n.<unit>"
// and "n.<unit>.one".
var Units = []string{"people", "occasions", "participations", "participants", "guests", "rows", "columns", "dates", "times"}

// Amount writes a number of things, "6.624 personer" or "1 person", for
// messages that count more than one kind of thing.
func Amount(unit string, n int) string { return Tf("n."+unit, map[string]any{"Count": n}) }

// Count writes a whole number as the user reads it: 10.671 in Danish,
// 10,671 in English.
func Count(n int) string {
	sep := ","
	if current == Danish {
		sep = "."
	}
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return b.String()
}

// Label translates a stored code, e.g. Label("group", "target").
func Label(kind, code string) string {
	if code == "" {
		return ""
	}
	return T(kind + "." + code)
}

// ErrText renders any error in the UI language.
func ErrText(err error) string { return data.Message(err, current) }

// DateText shows a date as the user reads it: 01-12-2026 in Danish, ISO in English.
func DateText(d data.Date) string {
	if current == Danish {
		return d.Danish()
	}
	return d.String()
}

// WeekdayText names the weekday of d in the UI language.
func WeekdayText(d data.Date) string {
	return T(strings.ToLower(d.Weekday().String()))
}

// Percent shows a share as a whole percentage.
func Percent(share float64) string { return fmt.Sprintf("%.0f %%", share*100) }
