package app

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"samspil/data/importer"
)

// importScreen brings in the spreadsheets coordinators keep today: a people
// list (with a column-mapping step) or an attendance tick-sheet, previewed
// row by row before anything is written.
type importScreen struct {
	u                     *UI
	root                  fyne.CanvasObject
	path                  string
	sheet                 *importer.Sheet
	fileLbl               *widget.Label
	kind                  *codeSelect
	mapping               *fyne.Container
	selects               map[string]*widget.Select
	activity              *widget.SelectEntry
	role                  *idSelect
	create                *widget.Check
	summary               *widget.Label
	lines                 []string
	list                  *widget.List
	allBtn                *widget.Button
	mappingCard, tickCard *widget.Card
	validBtn              *widget.Button
	people                []*importer.PersonRow
	tick                  *importer.Attendance
	seq                   int // the latest preview; older ones are dropped
}

func newImportScreen(u *UI) *importScreen {
	s := &importScreen{u: u, selects: map[string]*widget.Select{}}
	s.fileLbl = widget.NewLabel(T("import.no_file"))
	chooseBtn := widget.NewButton(T("import.choose_file"), s.chooseFile)
	s.kind = newCodeSelect("import_kind", []string{"people", "attendance"}, "", func(string) { s.preview() })
	s.kind.SetCode("people")
	s.mapping = container.NewGridWithColumns(4)
	s.activity = widget.NewSelectEntry(nil)
	s.activity.SetPlaceHolder(T("import.activity_hint"))
	s.activity.OnChanged = func(string) { s.preview() }
	s.role = newIDSelect(func(int64) {})
	s.create = widget.NewCheck(T("import.create_unknown"), func(bool) { s.preview() })
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.list = textList(func() int { return len(s.lines) }, func(i int) string { return s.lines[i] }, nil)
	s.allBtn = widget.NewButton(T("import.all"), func() { s.run(false) })
	s.allBtn.Importance = widget.HighImportance
	s.validBtn = widget.NewButton(T("import.valid_only"), func() { s.run(true) })
	intro := widget.NewLabel(T("import.intro"))
	intro.Wrapping = fyne.TextWrapWord
	attendance := widget.NewForm(
		widget.NewFormItem(T("field.activity"), s.activity),
		widget.NewFormItem(T("field.role"), s.role),
		widget.NewFormItem("", s.create))
	s.mappingCard = widget.NewCard(T("import.mapping"), T("import.mapping_hint"), s.mapping)
	s.tickCard = widget.NewCard(T("import.attendance"), "", attendance)
	top := container.NewVBox(intro, container.NewBorder(nil, nil, chooseBtn, nil, s.fileLbl),
		widget.NewForm(widget.NewFormItem(T("import.kind"), s.kind)),
		s.mappingCard, s.tickCard, s.summary, container.NewHBox(s.allBtn, s.validBtn))
	split := container.NewVSplit(container.NewVScroll(top), s.list)
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
		rnames = append(rnames, r.Name(current))
	}
	s.role.setItems(ids, rnames)
	for i, r := range roles {
		if r.Code == "active" && s.role.ID() == 0 {
			s.role.SetSelectedIndex(i)
		}
	}
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

// load reads the file in the background and guesses the column mapping.
func (s *importScreen) load(path string) {
	var sheet *importer.Sheet
	s.u.longJob(T("nav.import"), T("import.reading"), func(ctx context.Context, _ progressFunc) error {
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
		s.path, s.sheet = path, sheet
		s.fileLbl.SetText(Tf("import.file_line", map[string]any{"File": filepath.Base(path), "Rows": amount("rows", len(sheet.Rows)), "Columns": amount("columns", len(sheet.Header))}))
		s.buildMapping(importer.GuessMapping(sheet.Header))
		s.preview()
	})
}

// buildMapping shows a column select for each field.
func (s *importScreen) buildMapping(m importer.Mapping) {
	options := append([]string{T("ui.none")}, s.sheet.Header...)
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
		s.mapping.Add(widget.NewLabel(T("field." + f)))
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
// in the background; the import buttons wait for it.
func (s *importScreen) preview() {
	s.people, s.tick, s.lines = nil, nil, nil
	if s.tickCard == nil {
		return // still being built
	}
	defer s.update()
	attendance := s.kind.Code() == "attendance"
	s.tickCard.Hidden, s.mappingCard.Hidden = !attendance, attendance
	s.tickCard.Refresh()
	s.mappingCard.Refresh()
	s.seq++
	if s.sheet == nil {
		return
	}
	seq, sheet, ctx, store := s.seq, s.sheet, s.u.ctx, s.u.store
	opt, mapping := s.attendanceOptions(), s.currentMapping()
	var p previewed
	s.summary.SetText(T("import.checking"))
	s.u.background(func() error {
		if attendance {
			a, err := importer.ParseAttendance(ctx, store, sheet, opt)
			p = attendancePreview(a)
			return err
		}
		rows, err := importer.ParsePeople(ctx, store, sheet, importer.PeopleOptions{Mapping: mapping})
		p = peoplePreview(rows)
		return err
	}, func(err error) {
		if seq != s.seq {
			return // the choices changed meanwhile
		}
		if err != nil {
			s.summary.SetText(errText(err))
			return
		}
		s.people, s.tick, s.lines = p.people, p.tick, p.lines
		s.summary.SetText(p.summary)
		s.update()
	})
}

// previewed is what a preview found.
type previewed struct {
	people  []*importer.PersonRow
	tick    *importer.Attendance
	lines   []string
	summary string
}

func peoplePreview(rows []*importer.PersonRow) previewed {
	p := previewed{people: rows}
	good, dups := 0, 0
	for _, r := range rows {
		switch {
		case !r.OK():
			p.lines = append(p.lines, "✗ "+r.Errors.Message(current))
		case len(r.Duplicates) > 0:
			dups++
			good++
			p.lines = append(p.lines, Tf("import.row_duplicate", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Other": r.Duplicates[0].Name}))
		case r.DupInFile > 0:
			dups++
			good++
			p.lines = append(p.lines, Tf("import.row_duplicate_file", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Other": r.DupInFile}))
		default:
			good++
			p.lines = append(p.lines, Tf("import.row_ok", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Group": groupText(r.Group.Group)}))
		}
	}
	p.summary = Tf("import.people_summary", map[string]any{"Rows": amount("rows", len(rows)), "Good": good, "Bad": len(rows) - good, "Dups": dups})
	return p
}

func attendancePreview(a *importer.Attendance) previewed {
	if a == nil {
		return previewed{}
	}
	p := previewed{tick: a}
	for _, e := range a.Errors {
		p.lines = append(p.lines, "✗ "+e.Message(current))
	}
	p.summary = Tf("import.attendance_summary", map[string]any{"Dates": amount("dates", len(a.Dates)),
		"People": amount("people", len(a.People)+len(a.Unknown)+len(a.Ambiguous)), "Unknown": len(a.Unknown),
		"Total": amount("participations", a.Total), "Occasions": a.Occasions, "Activity": a.Activity})
	return p
}

func (s *importScreen) attendanceOptions() importer.AttendanceOptions {
	code := "active"
	roles, _ := s.u.store.Roles(s.u.ctx)
	for _, r := range roles {
		if r.ID == s.role.ID() {
			code = r.Code
		}
	}
	return importer.AttendanceOptions{Activity: s.activity.Text, RoleCode: code, CreateUnknown: s.create.Checked}
}

// update enables the buttons the preview allows.
func (s *importScreen) update() {
	if s.allBtn == nil {
		return
	}
	s.list.Refresh()
	bad, good := 0, 0
	for _, r := range s.people {
		if r.OK() {
			good++
		} else {
			bad++
		}
	}
	canAll := (s.people != nil && bad == 0 && good > 0) || (s.tick != nil && len(s.tick.Errors) == 0 && s.tick.Total > 0)
	setEnabled(s.allBtn, canAll)
	setEnabled(s.validBtn, s.people != nil && bad > 0 && good > 0)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// run imports after a confirmation that says what will be written.
func (s *importScreen) run(validOnly bool) {
	var msg string
	switch {
	case s.tick != nil:
		msg = s.summary.Text
	default:
		n := 0
		for _, r := range s.people {
			if r.OK() {
				n++
			}
		}
		msg = Tf("import.confirm_people", map[string]any{"Count": n})
	}
	people, tick, path, opt := s.people, s.tick, s.path, s.attendanceOptions()
	s.u.confirm(T("import.confirm_title"), msg, func() {
		var n int
		var report string
		var reportErr error // the import stands even when its error report could not be written
		s.u.longJob(T("nav.import"), T("import.running"), func(ctx context.Context, _ progressFunc) error {
			if _, err := s.u.store.BackupBefore(ctx, s.u.backupsDir(), "import", s.u.settings().BackupsKept); err != nil {
				return err
			}
			var err error
			if tick != nil {
				n, err = importer.ImportAttendance(ctx, s.u.store, tick, opt)
			} else {
				n, err = importer.ImportPeople(ctx, s.u.store, people, validOnly)
			}
			if err != nil || !validOnly {
				return err
			}
			report = strings.TrimSuffix(path, filepath.Ext(path)) + "-fejl.csv"
			if reportErr = importer.WriteReport(report, people, current); reportErr != nil {
				report = ""
			}
			return nil
		}, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			done := Tf("import.done", map[string]any{"Count": n})
			if report != "" {
				done += "\n" + Tf("import.report", map[string]any{"Path": report})
			}
			dialog.ShowInformation(T("import.done_title"), done, s.u.win)
			s.u.showError(reportErr)
			s.preview()
		})
	})
}
