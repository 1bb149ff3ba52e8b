package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// categoryEditor edits the target-group categories.
func (s *settingsScreen) categoryEditor() *catalogEditor {
	var cats []data.Category
	c := newCatalogEditor(s.u, newFieldSet(), container.NewVBox())
	c.load = func() ([]data.CatalogItem, error) {
		var err error
		cats, err = s.u.store.Categories(s.u.ctx)
		return itemsOf(cats, func(x data.Category) data.CatalogItem { return x.CatalogItem }), err
	}
	c.save = func(it data.CatalogItem) error {
		return s.u.store.SaveCategory(s.u.ctx, &data.Category{CatalogItem: it})
	}
	c.remove = func(id int64) error { return s.u.store.DeleteCategory(s.u.ctx, id) }
	c.showItem = func(int) {}
	c.line = func(i int) string { return c.items[i].Name(i18n.Language()) }
	s.editors = append(s.editors, c)
	return c
}

// roleEditor edits the roles with their level and professional flag.
func (s *settingsScreen) roleEditor() *catalogEditor {
	var roles []data.Role
	fields := newFieldSet()
	level := fields.entry("level", widget.NewEntry())
	professional := widget.NewCheck(i18n.T("settings.professional"), nil)
	hint := widget.NewLabel(i18n.T("settings.level_hint"))
	hint.Wrapping = fyne.TextWrapWord
	extra := container.NewVBox(widget.NewForm(widget.NewFormItem(i18n.T("field.level"), level)), professional, hint)
	c := newCatalogEditor(s.u, fields, extra)
	c.load = func() ([]data.CatalogItem, error) {
		var err error
		roles, err = s.u.store.Roles(s.u.ctx)
		return itemsOf(roles, func(x data.Role) data.CatalogItem { return x.CatalogItem }), err
	}
	c.save = func(it data.CatalogItem) error {
		n, err := intOf(level, "level")
		if err != nil {
			return err
		}
		return s.u.store.SaveRole(s.u.ctx, &data.Role{CatalogItem: it, Level: n, Professional: professional.Checked})
	}
	c.remove = func(id int64) error { return s.u.store.DeleteRole(s.u.ctx, id) }
	c.showItem = func(i int) {
		if i < 0 {
			level.SetText("3")
			professional.SetChecked(false)
			return
		}
		level.SetText(strconv.Itoa(roles[i].Level))
		professional.SetChecked(roles[i].Professional)
	}
	c.line = func(i int) string {
		r := roles[i]
		line := fmt.Sprintf("%s — %s %d", r.Name(i18n.Language()), i18n.T("field.level"), r.Level)
		if r.Professional {
			line += " — " + i18n.T("settings.professional")
		}
		return line
	}
	s.editors = append(s.editors, c)
	return c
}

// themeEditor edits the logbook themes, each a promoter, an inhibitor or neither.
func (s *settingsScreen) themeEditor() *catalogEditor {
	var themes []data.Theme
	kind := newCodeSelect("theme_kind", []string{"promoter", "inhibitor"}, i18n.T("ui.none"), nil)
	c := newCatalogEditor(s.u, newFieldSet(), widget.NewForm(widget.NewFormItem(i18n.T("field.kind"), kind)))
	c.load = func() ([]data.CatalogItem, error) {
		var err error
		themes, err = s.u.store.Themes(s.u.ctx)
		return itemsOf(themes, func(x data.Theme) data.CatalogItem { return x.CatalogItem }), err
	}
	c.save = func(it data.CatalogItem) error {
		return s.u.store.SaveTheme(s.u.ctx, &data.Theme{CatalogItem: it, Kind: kind.Code()})
	}
	c.remove = func(id int64) error { return s.u.store.DeleteTheme(s.u.ctx, id) }
	c.showItem = func(i int) {
		if i < 0 {
			kind.SetCode("")
			return
		}
		kind.SetCode(themes[i].Kind)
	}
	c.line = func(i int) string {
		t := themes[i]
		if t.Kind == "" {
			return t.Name(i18n.Language())
		}
		return t.Name(i18n.Language()) + " — " + i18n.Label("theme_kind", t.Kind)
	}
	s.editors = append(s.editors, c)
	return c
}

// itemsOf returns the shared catalogue part of each row.
func itemsOf[T any](rows []T, item func(T) data.CatalogItem) []data.CatalogItem {
	items := make([]data.CatalogItem, len(rows))
	for i, r := range rows {
		items[i] = item(r)
	}
	return items
}
