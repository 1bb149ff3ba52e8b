package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/importer"
)

// previewed is what a preview found.
type previewed struct {
	people  []*importer.PersonRow
	tick    *importer.Attendance
	lines   []string
	rows    []*importer.PersonRow // beside lines: a look-alike row, or nil
	summary string
}

// rowList shows the preview's lines; a look-alike row has a check to
// create it anyway.
func (s *importScreen) rowList() *widget.List {
	return widget.NewList(func() int { return len(s.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(l, widget.NewCheck("", nil))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			objs := o.(*fyne.Container).Objects
			l, c := objs[0].(*widget.Label), objs[1].(*widget.Check)
			var r *importer.PersonRow
			if i < len(s.rows) {
				r = s.rows[i]
			}
			if r == nil || s.imported {
				c.OnChanged = nil
				c.Hide()
				l.SetText(s.lines[i])
				l.Show()
				return
			}
			l.Hide()
			c.OnChanged = nil
			c.SetText(s.lines[i]) // SetChecked redraws only when the tick changes
			c.SetChecked(r.Create)
			c.OnChanged = func(on bool) {
				r.Create = on
				s.summary.SetText(peopleSummary(s.people))
				s.update()
			}
			c.Show()
		})
}

func peoplePreview(rows []*importer.PersonRow) previewed {
	p := previewed{people: rows, summary: peopleSummary(rows)}
	for _, r := range rows {
		var line string
		var alike *importer.PersonRow
		switch {
		case !r.OK():
			line = "✗ " + r.Errors.Message(i18n.Language())
		case r.Registered != 0:
			line, alike = i18n.Tf("import.row_registered", map[string]any{"Row": r.Row, "Name": r.Person.Name}), r
		case len(r.Duplicates) > 0:
			line, alike = i18n.Tf("import.row_similar", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Other": r.Duplicates[0].Name}), r
		case r.DupInFile > 0:
			line, alike = i18n.Tf("import.row_similar_file", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Other": r.DupInFile}), r
		default:
			line = i18n.Tf("import.row_ok", map[string]any{"Row": r.Row, "Name": r.Person.Name, "Group": groupText(r.Group.Group)})
		}
		p.lines, p.rows = append(p.lines, line), append(p.rows, alike)
	}
	return p
}

// peopleSummary counts what an import of the rows would do.
func peopleSummary(rows []*importer.PersonRow) string {
	good, bad, similar := 0, 0, 0
	for _, r := range rows {
		switch {
		case !r.OK():
			bad++
		case r.Skip():
			similar++
		default:
			good++
		}
	}
	args := map[string]any{"Rows": i18n.Amount("rows", len(rows)), "Good": good, "Bad": bad, "Dups": similar, "Count": similar}
	switch {
	case good == 0 && bad == 0 && similar > 0:
		return i18n.Tf("import.nothing_new", args)
	case similar > 0:
		return i18n.Tf("import.people_summary_skip", args)
	}
	return i18n.Tf("import.people_summary", args)
}

func attendancePreview(a *importer.Attendance, opt importer.AttendanceOptions) previewed {
	if a == nil {
		return previewed{}
	}
	p := previewed{tick: a}
	for _, e := range a.Errors {
		p.lines = append(p.lines, "✗ "+e.Message(i18n.Language()))
	}
	p.summary = i18n.Tf("import.attendance_summary", map[string]any{"Dates": i18n.Amount("dates", len(a.Dates)),
		"People": i18n.Amount("people", len(a.People)+len(a.Unknown)+len(a.Ambiguous)), "Unknown": len(a.Unknown),
		"Total": i18n.Amount("participations", a.Total), "Occasions": a.Occasions, "Activity": a.Activity})

	if opt.CreateUnknown && len(a.Unknown) > 0 {
		switch {
		case opt.NewGroup == "":
			p.summary += "\n" + i18n.Tf("import.choose_new_group", map[string]any{"Count": len(a.Unknown)})
		case opt.NewGroup == data.GroupTarget && opt.NewCategory == 0:
			p.summary += "\n" + i18n.Tf("import.choose_new_category", map[string]any{"Count": len(a.Unknown)})
		default:
			p.summary += "\n" + i18n.Tf("import.new_people", map[string]any{"Count": len(a.Unknown), "Group": groupText(opt.NewGroup)})
		}
	}
	return p
}
