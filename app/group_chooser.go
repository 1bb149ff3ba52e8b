package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// groupChooser picks a group, its target-group categories and, for
// municipal staff, the kind of staff.
type groupChooser struct {
	e          env
	root       *fyne.Container
	group      *codeSelect
	categories *checkList
	staffKind  *codeSelect
	changed    func()
}

func newGroupChooser(e env, fields *fieldSet, changed func()) *groupChooser {
	g := &groupChooser{e: e, changed: changed}
	codes := make([]string, len(data.Groups))
	for i, gr := range data.Groups {
		codes[i] = string(gr)
	}
	g.group = newCodeSelect("group", codes, "", func(string) { g.update(); g.notify() })
	g.categories = newCheckList(2, g.notify)
	g.staffKind = newCodeSelect("staff", data.StaffKinds, i18n.T("ui.none"), func(string) { g.notify() })
	g.root = container.NewVBox(
		widget.NewForm(widget.NewFormItem(i18n.T("field.group"), container.NewVBox(g.group, fields.note("group")))),
		g.categories.root, fields.note("categories"), g.staffKind, fields.note("staff_kind"))
	g.reloadCategories()
	g.reset()
	return g
}

func (g *groupChooser) notify() {
	if g.changed != nil {
		g.changed()
	}
}

// reloadCategories fetches the category catalogue.
func (g *groupChooser) reloadCategories() {
	cats, err := g.e.db().Categories(g.e.context())
	if err != nil {
		g.e.showError(err)
		return
	}
	ids := make([]int64, len(cats))
	names := make([]string, len(cats))
	for i, c := range cats {
		ids[i], names[i] = c.ID, c.Name(i18n.Language())
	}
	g.categories.setItems(ids, names)
}

// reset chooses the target group with no category ticked.
func (g *groupChooser) reset() {
	g.group.SetCode(string(data.GroupTarget))
	g.categories.setSelected(nil)
	g.staffKind.SetCode("")
	g.update()
}

// update shows categories for the target group and staff kinds for staff.
func (g *groupChooser) update() {
	switch data.Group(g.group.Code()) {
	case data.GroupTarget:
		g.categories.show()
		g.staffKind.Hide()
	case data.GroupMunicipalStaff:
		g.categories.hide()
		g.staffKind.Show()
	default:
		g.categories.hide()
		g.staffKind.Hide()
	}
}

// period returns the chosen group as a period starting on start.
func (g *groupChooser) period(start data.Date) (*data.GroupPeriod, error) {
	p := &data.GroupPeriod{Group: data.Group(g.group.Code()), Start: start}
	if start.IsZero() {
		p.Start = data.Today()
	}
	switch p.Group {
	case data.GroupTarget:
		p.CategoryIDs = g.categories.selected()
	case data.GroupMunicipalStaff:
		p.StaffKind = g.staffKind.Code()
	}
	return p, p.Validate()
}
