package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/demo"
)

// showWelcome asks a new user for the partnership's details, or opens a
// demo; done runs when the main window may be built.
func showWelcome(u *UI, done func()) {
	fields := newFieldSet()
	name := fields.entry("partnership", widget.NewEntry())
	org := fields.entry("organisation", widget.NewEntry())
	muni := fields.entry("municipality", widget.NewEntry())
	name.SetPlaceHolder(i18n.T("welcome.partnership_hint"))
	langSelect := newLanguageSelect(u)
	startBtn := widget.NewButton(i18n.T("welcome.start"), func() {
		st := u.settings()
		st.Partnership, st.Organisation, st.Municipality = name.Text, org.Text, muni.Text
		if name.Text == "" {
			fields.show(&data.Error{Code: "err.required", Field: "partnership"})
			return
		}
		if err := u.store.SaveSettings(u.ctx, st); err != nil {
			fields.show(err)
			return
		}
		done()
	})
	startBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.partnership"), name),
		widget.NewFormItem(i18n.T("field.organisation"), org),
		widget.NewFormItem(i18n.T("field.municipality"), muni),
		widget.NewFormItem(i18n.T("settings.language"), langSelect),
	)
	demos := container.NewVBox(widget.NewLabel(i18n.T("welcome.demo_intro")))
	for _, tpl := range demo.Templates {
		demos.Add(widget.NewButton(i18n.T("welcome.demo."+tpl), func() { openDemo(u, tpl, done) }))
	}
	title := widget.NewLabelWithStyle(i18n.T("welcome.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(i18n.T("welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(i18n.Tf("welcome.where", map[string]any{"Path": u.store.Path()}))
	if u.store.OnServer() {
		where.SetText(i18n.Tf("welcome.where_server", map[string]any{"URL": shownAddress(u.store.Path())}))
	}
	where.Wrapping = fyne.TextWrapWord
	shared := widget.NewButtonWithIcon(i18n.T("connect.title"), theme.StorageIcon(), func() { showConnect(u, done) })
	sharedIntro := widget.NewLabel(i18n.T("welcome.shared_intro"))
	sharedIntro.Wrapping = fyne.TextWrapWord
	u.win.SetContent(container.NewPadded(container.NewVBox(
		title, intro, where, form, fields.summary, container.NewHBox(startBtn),
		widget.NewSeparator(), demos,
		widget.NewSeparator(), sharedIntro, container.NewHBox(shared))))
	u.win.Canvas().Focus(name)
}

// openDemo creates (or reopens) the demo database of a template beside the
// default database and switches the app to it.
func openDemo(u *UI, tpl string, done func()) {
	path := filepath.Join(filepath.Dir(defaultDatabase(u.app)), fmt.Sprintf("demo-%s.db", tpl))
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(i18n.T("welcome.demo_making"), bar, u.win)
	wait.Show()
	u.background(func() error {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		_, err := demo.CreateFile(u.ctx, path, demo.Options{Template: tpl})
		return err
	}, func(err error) {
		wait.Hide()
		if err != nil {
			u.showError(err)
			return
		}
		s, err := data.OpenExclusive(path)
		if err != nil {
			u.showError(err)
			return
		}
		u.swapStore(s)
		u.app.Preferences().SetString(prefDatabase, path)
		u.makePages() // none shows what it read from the file before (the settings' path)
		done()
	})
}

// newLanguageSelect offers Danish and English; a change is stored and
// applied by rebuilding the window.
func newLanguageSelect(u *UI) *widget.Select {
	names := []string{"Dansk", "English"}
	codes := []string{i18n.Danish, i18n.English}
	sel := widget.NewSelect(names, nil)
	for i, c := range codes {
		if c == i18n.Language() {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		code := codes[sel.SelectedIndex()]
		if code == i18n.Language() {
			return
		}
		u.app.Preferences().SetString(prefLanguage, code)
		if err := i18n.SetLanguage(code); err != nil {
			u.showError(err)
			return
		}
		u.rebuild()
	}
	return sel
}
