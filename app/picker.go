package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// pickPerson opens a dialog to find a person by typing and calls chosen
// with the one picked.
func (u *UI) pickPerson(title string, chosen func(data.PersonRow)) {
	var rows []data.PersonRow
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(personLine(rows[id])) })
	list.OnSelected = func(id widget.ListItemID) {
		d.Hide()
		chosen(rows[id])
	}
	search := widget.NewEntry()
	search.SetPlaceHolder(i18n.T("people.search_hint"))
	find := func(q string) {
		found, err := u.store.SearchPeople(u.ctx, data.PersonFilter{Query: q, Limit: 200})
		if err != nil {
			u.showError(err)
			return
		}
		rows = found
		list.UnselectAll()
		list.Refresh()
	}
	search.OnChanged = find
	search.OnSubmitted = func(string) {
		if len(rows) > 0 {
			list.Select(0)
		}
	}
	find("")
	d = dialog.NewCustom(title, i18n.T("ui.cancel"), container.NewBorder(search, nil, nil, nil, list), u.win)
	d.Resize(dialogSize(u.win, 500, 500))
	d.Show()
	u.win.Canvas().Focus(search)
}

// personLine is how a person is listed: name, group and birth year.
func personLine(p data.PersonRow) string {
	s := p.Name
	if p.Group != data.GroupUnknown {
		s += " — " + groupText(p.Group)
	}
	if p.BirthYear != 0 {
		s += fmt.Sprintf(" (%d)", p.BirthYear)
	}
	return s
}

// dialogSize fits a dialog of the wanted size inside the window (dialogs
// cannot be larger than their window).
func dialogSize(w fyne.Window, width, height float32) fyne.Size {
	size := w.Canvas().Size()
	return fyne.NewSize(min(width, size.Width*0.9), min(height, size.Height*0.9))
}

// personButton shows a chosen person and lets the user pick another or none.
type personButton struct {
	widget.BaseWidget
	u       *UI
	id      int64
	name    string
	btn     *widget.Button
	clear   *widget.Button
	changed func()
}

func newPersonButton(u *UI, changed func()) *personButton {
	pb := &personButton{u: u, changed: changed}
	pb.btn = widget.NewButton("", func() {
		u.pickPerson(i18n.T("ui.pick_person"), func(p data.PersonRow) { pb.set(p.ID, p.Name, true) })
	})
	pb.clear = widget.NewButton("×", func() { pb.set(0, "", true) })
	pb.ExtendBaseWidget(pb)
	pb.set(0, "", false)
	return pb
}

// set shows the person; notify tells the owner the value changed.
func (pb *personButton) set(id int64, name string, notify bool) {
	pb.id, pb.name = id, name
	if id == 0 {
		pb.btn.SetText(i18n.T("ui.pick_person"))
		pb.clear.Hide()
	} else {
		pb.btn.SetText(name)
		pb.clear.Show()
	}
	if notify && pb.changed != nil {
		pb.changed()
	}
}

// setID shows the person with the id, looking up the name.
func (pb *personButton) setID(id int64) {
	if id == 0 {
		pb.set(0, "", false)
		return
	}
	p, err := pb.u.store.Person(pb.u.ctx, id)
	if err != nil {
		pb.set(0, "", false)
		return
	}
	pb.set(id, p.Name, false)
}

// CreateRenderer lays out the button and its clear button.
func (pb *personButton) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, pb.clear, pb.btn))
}
