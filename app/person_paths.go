package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// pathsTab shows where a person went next (job, education, association …),
// adds a path and deletes one.
type pathsTab struct {
	*recordsTab[data.Path]
	date *sw.DateField
	kind *codeSelect
	text *widget.Entry
}

func newPathsTab(e env) *pathsTab {
	t := &pathsTab{}
	t.recordsTab = newRecordsTab(e, pathLine, func(ctx context.Context, id int64) ([]data.Path, error) { return e.db().Paths(ctx, id) })
	t.date = t.fields.date("date", newDateEntry(data.Today()))
	t.kind = newCodeSelect("path", data.PathKinds, "", nil)
	t.kind.SetCode("job")
	t.text = t.fields.entry("description", widget.NewEntry())
	t.lay(widget.NewForm(
		widget.NewFormItem(i18n.T("field.date"), t.date),
		widget.NewFormItem(i18n.T("field.kind"), t.kind),
		widget.NewFormItem(i18n.T("field.description"), t.text)),
		widget.NewButton(i18n.T("person.add_path"), t.add),
		widget.NewButton(i18n.T("ui.delete"), t.askDelete))
	return t
}

func pathLine(p data.Path) string {
	return fmt.Sprintf("%s  %s — %s", i18n.DateText(p.Date), i18n.Label("path", p.Kind), p.Description)
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
	p, ok := t.selectedRow()
	if !ok {
		return
	}
	t.e.confirm(i18n.T("person.delete_path_title"), fmt.Sprintf("%s — %s", i18n.Label("path", p.Kind), p.Description), func() {
		t.after(t.e.db().DeletePath(t.e.context(), p.ID))
	})
}
