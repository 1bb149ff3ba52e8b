package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// catalogEditor edits one catalogue (categories, roles or themes): a list,
// the Danish and English name, and whatever else the kind has (extra).
type catalogEditor struct {
	u        *UI
	root     fyne.CanvasObject
	items    []data.CatalogItem
	sel      int
	list     *widget.List
	nameDA   *widget.Entry
	nameEN   *widget.Entry
	fields   *fieldSet
	load     func() ([]data.CatalogItem, error)
	save     func(item data.CatalogItem) error
	remove   func(id int64) error
	showItem func(i int) // fills the extra widgets from item i (-1: defaults)
	line     func(i int) string
}

// newCatalogEditor builds the editor; extra holds kind-specific widgets.
func newCatalogEditor(u *UI, fields *fieldSet, extra fyne.CanvasObject) *catalogEditor {
	c := &catalogEditor{u: u, sel: -1, fields: fields}
	c.nameDA = fields.entry("name_da", widget.NewEntry())
	c.nameEN = fields.entry("name_en", widget.NewEntry())
	c.list = textList(func() int { return len(c.items) }, func(i int) string { return c.line(i) }, func(i int) {
		c.sel = i
		c.fill()
	})
	saveBtn := widget.NewButton(i18n.T("settings.save_item"), func() { c.store(false) })
	addBtn := widget.NewButton(i18n.T("settings.add_item"), func() { c.store(true) })
	delBtn := widget.NewButton(i18n.T("ui.delete"), func() {
		if !selected(c.fields, c.sel, len(c.items)) {
			return
		}
		it := c.items[c.sel]
		c.u.confirm(i18n.T("settings.delete_item"), it.Name(i18n.Language()), func() { c.done(c.remove(it.ID)) })
	})
	form := widget.NewForm(widget.NewFormItem(i18n.T("field.name_da"), c.nameDA), widget.NewFormItem(i18n.T("field.name_en"), c.nameEN))
	edit := container.NewVBox(form, extra, fields.summary, container.NewHBox(addBtn, saveBtn, delBtn))
	c.root = container.NewBorder(nil, edit, nil, nil, c.list)
	return c
}

func (c *catalogEditor) fill() {
	c.fields.clear()
	if c.sel < 0 || c.sel >= len(c.items) {
		c.nameDA.SetText("")
		c.nameEN.SetText("")
		c.showItem(-1)
		return
	}
	it := c.items[c.sel]
	c.nameDA.SetText(it.NameDA)
	c.nameEN.SetText(it.NameEN)
	c.showItem(c.sel)
}

// store saves the form as a new item (asNew) or over the selected one.
func (c *catalogEditor) store(asNew bool) {
	it := data.CatalogItem{NameDA: c.nameDA.Text, NameEN: c.nameEN.Text}
	if !asNew {
		if !selected(c.fields, c.sel, len(c.items)) {
			return
		}
		it.ID, it.Code, it.Sort = c.items[c.sel].ID, c.items[c.sel].Code, c.items[c.sel].Sort
	} else {
		it.Sort = len(c.items) + 1
	}
	c.done(c.save(it))
}

func (c *catalogEditor) done(err error) {
	c.fields.show(err)
	if err == nil {
		c.reload()
	}
}

func (c *catalogEditor) reload() {
	items, err := c.load()
	if err != nil {
		c.u.showError(err)
		return
	}
	c.items = items
	c.sel = -1
	c.list.UnselectAll()
	c.list.Refresh()
	c.fill()
}
