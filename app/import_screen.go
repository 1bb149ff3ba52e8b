package app

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/importer"
)

// importScreen brings in the spreadsheets coordinators keep today: a people
// list (with a column-mapping step) or an attendance tick-sheet, previewed
// row by row before anything is written. Once imported, the screen shows
// the result and offers no second import of the same preview.
type importScreen struct {
	u                     *UI
	root                  fyne.CanvasObject
	path                  string
	sheet                 *importer.Sheet
	fileLbl               *widget.Label
	kind                  *codeSelect
	kindHint              *widget.Label
	mapping               *fyne.Container
	selects               map[string]*widget.Select
	defGroup              *codeSelect // people list: the group of rows without one
	defCategory           *idSelect   // people list: the category of target-group rows without one
	activity              *widget.SelectEntry
	role                  *idSelect
	create                *widget.Check
	newGroup              *codeSelect // tick-sheet: the group of the people created
	newCategory           *idSelect   // tick-sheet: their category when they are of the target group
	summary               *widget.Label
	lines                 []string
	rows                  []*importer.PersonRow // beside lines: the look-alike a line can create, or nil
	list                  *widget.List
	allBtn                *widget.Button
	mappingCard, tickCard *widget.Card
	validBtn              *widget.Button
	people                []*importer.PersonRow
	tick                  *importer.Attendance
	seq                   int  // the latest preview; older ones are dropped
	imported              bool // the preview was imported: the result shows until another file is chosen
}

func newImportScreen(u *UI) *importScreen {
	s := &importScreen{u: u, selects: map[string]*widget.Select{}}
	s.fileLbl = widget.NewLabel(i18n.T("import.no_file"))
	chooseBtn := widget.NewButton(i18n.T("import.choose_file"), s.chooseFile)
	s.kind = newCodeSelect("import_kind", []string{importer.KindPeople, importer.KindAttendance}, "", func(string) { s.preview() })
	s.kind.SetCode(importer.KindPeople)
	s.kindHint = widget.NewLabel("")
	s.kindHint.Wrapping = fyne.TextWrapWord
	s.kindHint.Hide()
	s.mapping = container.NewGridWithColumns(4)
	groups := make([]string, len(data.Groups))
	for i, g := range data.Groups {
		groups[i] = string(g)
	}
	s.defGroup = newCodeSelect("group", groups, "", func(string) { s.preview() })
	s.defGroup.SetCode(string(data.GroupResourceful))
	s.defCategory = newIDSelect(func(int64) { s.preview() })
	s.activity = widget.NewSelectEntry(nil)
	s.activity.SetPlaceHolder(i18n.T("import.activity_hint"))
	s.activity.OnChanged = func(string) { s.preview() }
	s.role = newIDSelect(func(int64) {})
	s.create = widget.NewCheck(i18n.T("import.create_unknown"), func(bool) { s.preview() })
	s.newGroup = newCodeSelect("group", groups, "", func(string) { s.preview() })
	s.newCategory = newIDSelect(func(int64) { s.preview() })
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.list = s.rowList()
	s.allBtn = widget.NewButton(i18n.T("import.all"), func() { s.run(false) })
	s.allBtn.Importance = widget.HighImportance
	s.validBtn = widget.NewButton(i18n.T("import.valid_only"), func() { s.run(true) })
	intro := widget.NewLabel(i18n.T("import.intro"))
	intro.Wrapping = fyne.TextWrapWord
	attendance := widget.NewForm(
		widget.NewFormItem(i18n.T("field.activity"), s.activity),
		widget.NewFormItem(i18n.T("field.role"), s.role),
		widget.NewFormItem("", s.create),
		widget.NewFormItem(i18n.T("import.new_group"), s.newGroup),
		widget.NewFormItem(i18n.T("import.new_category"), s.newCategory))
	defaults := widget.NewForm(
		widget.NewFormItem(i18n.T("import.default_group"), s.defGroup),
		widget.NewFormItem(i18n.T("import.default_category"), s.defCategory))
	s.mappingCard = widget.NewCard(i18n.T("import.mapping"), i18n.T("import.mapping_hint"), container.NewVBox(s.mapping, defaults))
	s.tickCard = widget.NewCard(i18n.T("import.attendance"), "", attendance)
	top := container.NewVBox(intro, container.NewBorder(nil, nil, chooseBtn, nil, s.fileLbl),
		widget.NewForm(widget.NewFormItem(i18n.T("import.kind"), s.kind)), s.kindHint,
		s.mappingCard, s.tickCard)
	// The summary and the import buttons stay in sight above the rows,
	// however long the column mapping above them is.
	rows := container.NewBorder(container.NewVBox(s.summary, container.NewHBox(s.allBtn, s.validBtn)), nil, nil, nil, s.list)
	split := container.NewVSplit(container.NewVScroll(top), rows)
	split.Offset = 0.62
	s.root = split
	s.update()
	return s
}

func (s *importScreen) view() fyne.CanvasObject { return s.root }

func (s *importScreen) reload() {
	acts, err := s.u.store.Activities(s.u.ctx, "")
	if err != nil {
		s.u.showError(err)
	}
	names := make([]string, len(acts))
	for i, a := range acts {
		names[i] = a.Name
	}
	s.activity.SetOptions(names)
	roles, _ := s.u.store.Roles(s.u.ctx)
	var ids []int64
	var rnames []string
	for _, r := range roles {
		ids = append(ids, r.ID)
		rnames = append(rnames, r.Name(i18n.Language()))
	}
	s.role.setItems(ids, rnames)
	for i, r := range roles {
		if r.Code == "active" && s.role.ID() == 0 {
			s.role.SetSelectedIndex(i)
		}
	}
	cats, _ := s.u.store.Categories(s.u.ctx)
	cids, cnames := []int64{0}, []string{i18n.T("ui.none")} // none: such rows are refused with a message
	for _, c := range cats {
		cids, cnames = append(cids, c.ID), append(cnames, c.Name(i18n.Language()))
	}
	s.defCategory.setItems(cids, cnames)
	s.newCategory.setItems(cids, cnames)
	s.preview()
}

func (s *importScreen) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.load(path)
	}, s.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".txt", ".tsv"}))
	d.Resize(dialogSize(s.u.win, 800, 600))
	d.Show()
}

// load reads the file in the background, tells a tick-sheet from a people
// list by its header and guesses the column mapping.
func (s *importScreen) load(path string) {
	var sheet *importer.Sheet
	s.u.longJob(i18n.T("nav.import"), i18n.T("import.reading"), func(ctx context.Context, _ progressFunc) error {
		var err error
		sheet, err = importer.ReadFile(path)
		if err == nil {
			err = ctx.Err() // cancelled while reading: drop what was read
		}
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.path, s.sheet, s.imported = path, sheet, false
		s.fileLbl.SetText(i18n.Tf("import.file_line", map[string]any{"File": filepath.Base(path), "Rows": i18n.Amount("rows", len(sheet.Rows)), "Columns": i18n.Amount("columns", len(sheet.Header))}))
		s.buildMapping(importer.GuessMapping(sheet.Header))
		kind := importer.DetectKind(sheet)
		s.kindHint.SetText(i18n.T("import.kind_detected." + kind))
		s.kindHint.Show()
		if kind != s.kind.Code() {
			s.kind.SetCode(kind) // previews
		} else {
			s.preview()
		}
	})
}

// buildMapping shows a column select for each field.
func (s *importScreen) buildMapping(m importer.Mapping) {
	options := append([]string{i18n.T("ui.none")}, s.sheet.Header...)
	s.mapping.Objects = nil
	s.selects = map[string]*widget.Select{}
	for _, f := range importer.Fields {
		sel := widget.NewSelect(options, nil)
		if i, ok := m[f]; ok {
			sel.SetSelectedIndex(i + 1)
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) { s.preview() } // after the guess: one preview, not one per field
		s.selects[f] = sel
		s.mapping.Add(widget.NewLabel(i18n.T("field." + f)))
		s.mapping.Add(sel)
	}
	s.mapping.Refresh()
}

// currentMapping reads the selects.
func (s *importScreen) currentMapping() importer.Mapping {
	m := importer.Mapping{}
	for f, sel := range s.selects {
		if i := sel.SelectedIndex(); i > 0 {
			m[f] = i - 1
		}
	}
	return m
}

// preview parses the file as chosen and lists every row's fate. Checking
// thousands of rows against everyone registered takes a moment, so it runs
// in the background; the import buttons wait for it. After an import the
// result stays on the screen until another file is loaded.
func (s *importScreen) preview() {
	if s.tickCard == nil || s.imported {
		return // still being built, or showing the result
	}
	s.people, s.tick, s.lines, s.rows = nil, nil, nil, nil
	defer s.update()
	attendance := s.kind.Code() == importer.KindAttendance
	s.tickCard.Hidden, s.mappingCard.Hidden = !attendance, attendance
	s.tickCard.Refresh()
	s.mappingCard.Refresh()
	s.seq++
	if s.sheet == nil {
		return
	}
	seq, sheet, ctx, store := s.seq, s.sheet, s.u.ctx, s.u.store
	opt, popt := s.attendanceOptions(), s.peopleOptions()
	var p previewed
	s.summary.SetText(i18n.T("import.checking"))
	s.u.background(func() error {
		if attendance {
			a, err := importer.ParseAttendance(ctx, store, sheet, opt)
			p = attendancePreview(a, opt)
			return err
		}
		rows, err := importer.ParsePeople(ctx, store, sheet, popt)
		p = peoplePreview(rows)
		return err
	}, func(err error) {
		if seq != s.seq || s.imported {
			return // the choices changed meanwhile
		}
		if err != nil {
			s.summary.SetText(i18n.ErrText(err))
			return
		}
		s.people, s.tick, s.lines, s.rows = p.people, p.tick, p.lines, p.rows
		s.summary.SetText(p.summary)
		s.update()
	})
}

func (s *importScreen) peopleOptions() importer.PeopleOptions {
	return importer.PeopleOptions{Mapping: s.currentMapping(), DefaultGroup: data.Group(s.defGroup.Code()), DefaultCategory: s.defCategory.ID()}
}

func (s *importScreen) attendanceOptions() importer.AttendanceOptions {
	code := "active"
	roles, _ := s.u.store.Roles(s.u.ctx)
	for _, r := range roles {
		if r.ID == s.role.ID() {
			code = r.Code
		}
	}
	return importer.AttendanceOptions{Activity: s.activity.Text, RoleCode: code, CreateUnknown: s.create.Checked,
		NewGroup: data.Group(s.newGroup.Code()), NewCategory: s.newCategory.ID()}
}

// update shows the buttons the preview allows: none once it is imported.
func (s *importScreen) update() {
	if s.allBtn == nil {
		return
	}
	s.list.Refresh()
	if s.imported {
		s.allBtn.Hide()
		s.validBtn.Hide()
		return
	}
	s.allBtn.Show()
	s.validBtn.Show()
	bad, good := 0, 0
	for _, r := range s.people {
		switch {
		case !r.OK():
			bad++
		case !r.Skip():
			good++
		}
	}
	canAll := (s.people != nil && bad == 0 && good > 0) || (s.tick != nil && tickReady(s.tick, s.attendanceOptions()))
	setEnabled(s.allBtn, canAll)
	setEnabled(s.validBtn, s.people != nil && bad > 0 && good > 0)
}

// tickReady reports whether a tick-sheet can be imported as chosen: no
// errors, something to record, and a group (with a category for the
// target group) for the people it creates.
func tickReady(a *importer.Attendance, opt importer.AttendanceOptions) bool {
	if len(a.Errors) > 0 || a.Total == 0 {
		return false
	}
	if opt.CreateUnknown && len(a.Unknown) > 0 {
		return opt.NewGroup != "" && (opt.NewGroup != data.GroupTarget || opt.NewCategory != 0)
	}
	return true
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
