package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// pathsTab shows where a person went next (job, education, association …),
// adds a path and deletes one.
type pathsTab struct {
	e        env
	root     fyne.CanvasObject
	personID int64
	rows     []data.Path
	list     *widget.List
	sel      int
	date     *sw.DateField
	kind     *codeSelect
	text     *widget.Entry
	fields   *fieldSet
}

func newPathsTab(e env) *pathsTab {
	t := &pathsTab{e: e, sel: -1, fields: newFieldSet()}
	t.list = textList(func() int { return len(t.rows) }, func(i int) string {
		p := t.rows[i]
		return fmt.Sprintf("%s  %s — %s", i18n.DateText(p.Date), i18n.Label("path", p.Kind), p.Description)
	}, func(i int) { t.sel = i })
	t.date = t.fields.date("date", newDateEntry(data.Today()))
	t.kind = newCodeSelect("path", data.PathKinds, "", nil)
	t.kind.SetCode("job")
	t.text = t.fields.entry("description", widget.NewEntry())
	addBtn := widget.NewButton(i18n.T("person.add_path"), t.add)
	deleteBtn := widget.NewButton(i18n.T("ui.delete"), t.askDelete)
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.date"), t.date),
		widget.NewFormItem(i18n.T("field.kind"), t.kind),
		widget.NewFormItem(i18n.T("field.description"), t.text))
	t.root = container.NewBorder(nil, container.NewVBox(form, container.NewHBox(addBtn, deleteBtn), t.fields.summary),
		nil, nil, t.list)
	return t
}

func (t *pathsTab) content() fyne.CanvasObject { return t.root }

func (t *pathsTab) load(personID int64, _ catalogs) {
	t.personID, t.rows, t.sel = personID, nil, -1
	if personID != 0 {
		var err error
		t.rows, err = t.e.db().Paths(t.e.context(), personID)
		t.e.showError(err)
	}
	t.fields.clear()
	resetList(t.list)
}

func (t *pathsTab) add() {
	day, err := dateOf(t.date, "date")
	if err == nil {
		err = t.e.db().SavePath(t.e.context(), &data.Path{PersonID: t.personID, Date: day, Kind: t.kind.Code(), Description: t.text.Text})
	}
	if err == nil {
		t.text.SetText("")
	}
	t.after(err)
}

func (t *pathsTab) askDelete() {
	if !selected(t.fields, t.sel, len(t.rows)) {
		return
	}
	p := t.rows[t.sel]
	t.e.confirm(i18n.T("person.delete_path_title"), fmt.Sprintf("%s — %s", i18n.Label("path", p.Kind), p.Description), func() {
		t.after(t.e.db().DeletePath(t.e.context(), p.ID))
	})
}

func (t *pathsTab) after(err error) {
	t.fields.show(err)
	if err == nil {
		t.load(t.personID, catalogs{})
	}
}
