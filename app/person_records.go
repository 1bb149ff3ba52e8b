package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// recordsTab is a tab that lists one kind of a person's records above a
// small form: the consents and the onward paths are such tabs. It keeps
// the list, the selection and the form's errors; the tab adds its fields.
type recordsTab[T any] struct {
	e        env
	root     fyne.CanvasObject
	personID int64
	rows     []T
	list     *widget.List
	sel      int
	fields   *fieldSet
	fetch    func(ctx context.Context, personID int64) ([]T, error)
}

// newRecordsTab lists the records fetch returns, one line each.
func newRecordsTab[T any](e env, line func(T) string, fetch func(context.Context, int64) ([]T, error)) *recordsTab[T] {
	t := &recordsTab[T]{e: e, sel: -1, fields: newFieldSet(), fetch: fetch}
	t.list = textList(func() int { return len(t.rows) }, func(i int) string { return line(t.rows[i]) }, func(i int) { t.sel = i })
	return t
}

// lay puts the form and its buttons under the list.
func (t *recordsTab[T]) lay(form *widget.Form, buttons ...fyne.CanvasObject) {
	t.root = container.NewBorder(nil, container.NewVBox(form, container.NewHBox(buttons...), t.fields.summary),
		nil, nil, t.list)
}

func (t *recordsTab[T]) content() fyne.CanvasObject { return t.root }

func (t *recordsTab[T]) load(personID int64, _ catalogs) {
	t.personID, t.rows, t.sel = personID, nil, -1
	if personID != 0 {
		var err error
		t.rows, err = t.fetch(t.e.context(), personID)
		t.e.showError(err)
	}
	t.fields.clear()
	resetList(t.list)
}

// selectedRow returns the selected record, or false after asking the user
// to select one.
func (t *recordsTab[T]) selectedRow() (T, bool) {
	var zero T
	if !selected(t.fields, t.sel, len(t.rows)) {
		return zero, false
	}
	return t.rows[t.sel], true
}

// after shows an edit's error, or reloads the list.
func (t *recordsTab[T]) after(err error) {
	t.fields.show(err)
	if err == nil {
		t.load(t.personID, catalogs{})
	}
}
