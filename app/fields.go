package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// fieldSet shows the errors of a save next to the fields they name: entries
// get a validation error, other widgets a red line below them, and
// everything is listed in the summary.
type fieldSet struct {
	entries map[string]*widget.Entry
	own     map[string]fyne.StringValidator // each entry's own validator
	notes   map[string]*widget.Label
	summary *widget.Label
}

func newFieldSet() *fieldSet {
	summary := widget.NewLabel("")
	summary.Importance = widget.DangerImportance
	summary.Wrapping = fyne.TextWrapWord
	summary.Hide()
	return &fieldSet{entries: map[string]*widget.Entry{}, own: map[string]fyne.StringValidator{},
		notes: map[string]*widget.Label{}, summary: summary}
}

// entry registers an entry as the widget of field.
func (f *fieldSet) entry(field string, e *widget.Entry) *widget.Entry {
	f.entries[field] = e
	f.own[field] = e.Validator
	return e
}

// refuse makes the entry show msg for as long as its text is what was
// refused; editing the text brings back the entry's own validation.
func (f *fieldSet) refuse(field string, e *widget.Entry, msg string) {
	refused, own := e.Text, f.own[field]
	e.Validator = func(s string) error {
		if s == refused {
			return errors.New(msg)
		}
		if own != nil {
			return own(s)
		}
		return nil
	}
	e.SetValidationError(e.Validator(e.Text))
}

// note returns a hidden red label that shows field's errors under a
// widget that cannot show them itself (a select, a check list).
func (f *fieldSet) note(field string) *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	f.notes[field] = l
	return l
}

// clear removes every error shown.
func (f *fieldSet) clear() {
	for field, e := range f.entries {
		e.Validator = f.own[field]
		e.SetValidationError(nil)
	}
	for _, l := range f.notes {
		l.SetText("")
		l.Hide()
	}
	f.summary.SetText("")
	f.summary.Hide()
}

// show displays err: each field error at its field, all of them in the summary.
func (f *fieldSet) show(err error) {
	f.clear()
	if err == nil {
		return
	}
	for field, fe := range data.FieldErrors(err) {
		msg := (&data.Error{Code: fe.Code, Args: fe.Args, Row: fe.Row}).Message(i18n.Language())
		if e, ok := f.entries[field]; ok {
			f.refuse(field, e, msg)
		}
		if l, ok := f.notes[field]; ok {
			l.SetText(msg)
			l.Show()
		}
	}
	f.summary.SetText(i18n.ErrText(err))
	f.summary.Show()
}

// newDateEntry is a date field showing dates the way the language writes
// them (dd-mm-åååå in Danish; ISO is accepted too), with Fyne's calendar.
func newDateEntry(d data.Date) *sw.DateField {
	e := sw.NewDateField(data.Date{}, i18n.T("ui.date_placeholder"), i18n.T("err.date"))
	e.Layout = i18n.DateText
	e.SetDate(d)
	return e
}

// date registers a date field as the widget of field.
func (f *fieldSet) date(field string, e *sw.DateField) *sw.DateField {
	f.entry(field, &e.Entry)
	return e
}

// dateOf reads a date field; a bad date gives a field error for field.
func dateOf(e *sw.DateField, field string) (data.Date, error) {
	d, err := e.Date()
	if err != nil {
		return d, &data.Error{Code: "err.date", Field: field}
	}
	return d, nil
}

// intOf reads a whole number from an entry; "" is 0.
func intOf(e *widget.Entry, field string) (int, error) {
	s := strings.TrimSpace(e.Text)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &data.Error{Code: "err.number", Field: field}
	}
	return n, nil
}

// codeSelect is a select of stored codes shown by their translated labels.
type codeSelect struct {
	*widget.Select
	codes []string
}

// newCodeSelect offers the codes of kind; a non-empty emptyLabel adds a
// first choice for no code ("All groups", "(none)").
func newCodeSelect(kind string, codes []string, emptyLabel string, changed func(code string)) *codeSelect {
	cs := &codeSelect{}
	var labels []string
	if emptyLabel != "" {
		cs.codes = append(cs.codes, "")
		labels = append(labels, emptyLabel)
	}
	for _, c := range codes {
		cs.codes = append(cs.codes, c)
		labels = append(labels, i18n.Label(kind, c))
	}
	cs.Select = &widget.Select{Options: labels, PlaceHolder: i18n.T("ui.choose"), OnChanged: func(string) {
		if changed != nil {
			changed(cs.Code())
		}
	}}
	cs.ExtendBaseWidget(cs) // the wrapper is what the canvas holds, so popups find it
	return cs
}

// Code returns the selected code, or "".
func (cs *codeSelect) Code() string {
	i := cs.SelectedIndex()
	if i < 0 {
		return ""
	}
	return cs.codes[i]
}

// SetCode selects the code (or clears the selection for an unknown one).
func (cs *codeSelect) SetCode(code string) {
	for i, c := range cs.codes {
		if c == code {
			cs.SetSelectedIndex(i)
			return
		}
	}
	cs.ClearSelected()
}

// idSelect is a select of database rows shown by name.
type idSelect struct {
	*widget.Select
	ids []int64
}

func newIDSelect(changed func(id int64)) *idSelect {
	s := &idSelect{}
	s.Select = &widget.Select{PlaceHolder: i18n.T("ui.choose"), OnChanged: func(string) {
		if changed != nil {
			changed(s.ID())
		}
	}}
	s.ExtendBaseWidget(s) // the wrapper is what the canvas holds, so popups find it
	return s
}

// setItems replaces the choices, keeping the selected id when it remains.
func (s *idSelect) setItems(ids []int64, names []string) {
	keep := s.ID()
	s.ids = ids
	s.Options = names
	s.ClearSelected()
	s.SetID(keep)
	s.Refresh()
}

// ID returns the selected id, or 0.
func (s *idSelect) ID() int64 {
	i := s.SelectedIndex()
	if i < 0 || i >= len(s.ids) {
		return 0
	}
	return s.ids[i]
}

// SetID selects the row with the id, if present.
func (s *idSelect) SetID(id int64) {
	for i, x := range s.ids {
		if x == id && id != 0 {
			s.SetSelectedIndex(i)
			return
		}
	}
}
