package data

import (
	"errors"
	"maps"
	"strings"

	"samspil/assets"
)

// Error is a rule that Samspil refused. Code is a stable key into the
// translations in assets (for example "err.email"); Field names the form
// field it is about and Row the 1-based row of an imported file, when known.
type Error struct {
	Code  string
	Field string
	Row   int
	Args  map[string]any
}

// Error renders the message in English.
func (e *Error) Error() string { return e.Message("en") }

// Message renders the message in the language ("da" or "en"), prefixed by
// the row and the field's label when they are set.
func (e *Error) Message(language string) string {
	var b strings.Builder
	if e.Row > 0 {
		b.WriteString(assets.Text(language, "err.row", map[string]any{"Row": e.Row}))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(assets.Text(language, "field."+e.Field, nil))
		b.WriteString(": ")
	}
	b.WriteString(assets.Text(language, e.Code, localArgs(e.Args, language)))
	return b.String()
}

// localArgs renders arguments that are errors themselves (a reason inside
// a message) in the message's language.
func localArgs(args map[string]any, language string) map[string]any {
	var out map[string]any
	for k, v := range args {
		if inner, ok := v.(*Error); ok {
			if out == nil {
				out = maps.Clone(args)
			}
			out[k] = inner.Message(language)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Errors collects the field errors of one validation, so a form can show
// every problem at once.
type Errors []*Error

// Error renders all messages in English, one per line.
func (es Errors) Error() string { return es.Message("en") }

// Message renders all messages in the language, one per line.
func (es Errors) Message(language string) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Message(language)
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// add appends a field error with optional message arguments.
func (es *Errors) add(field, code string, args map[string]any) {
	*es = append(*es, &Error{Code: code, Field: field, Args: args})
}

// err returns es as an error, or nil when it is empty.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// FieldErrors returns the problems of err keyed by field, for a form to show
// next to each field. Errors without a field are keyed by "".
func FieldErrors(err error) map[string]*Error {
	out := map[string]*Error{}
	var es Errors
	if errors.As(err, &es) {
		for _, e := range es {
			if _, seen := out[e.Field]; !seen {
				out[e.Field] = e
			}
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		out[e.Field] = e
	}
	return out
}

// Message renders any error in the language: Samspil's own errors are
// translated, others are shown as they are.
func Message(err error, language string) string {
	var es Errors
	if errors.As(err, &es) {
		return es.Message(language)
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message(language)
	}
	return err.Error()
}

// Errors that callers in other packages test for, with errors.Is: they
// match any *Error with the same code, wherever it was made.
var (
	// ErrNotFound is returned when a record asked for by id does not exist.
	ErrNotFound = &Error{Code: "err.not_found"}
	// ErrCancelled is returned by long work the user cancelled; it is what
	// they asked for, not a fault.
	ErrCancelled = &Error{Code: "err.cancelled"}
)

// Is reports whether target is an *Error with the same code, so that
// errors.Is(err, ErrCancelled) holds for every cancelled job's error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}
