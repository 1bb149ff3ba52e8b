package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
	"samspil/data/export"
)

// exportScreen writes the research workbook for the evaluators: a period,
// a recipient, what to include, a line saying what the file will contain,
// then the export in the background with progress and cancel.
type exportScreen struct {
	u          *UI
	root       fyne.CanvasObject
	fields     *fieldSet
	from, to   *sw.DateField
	recipient  *widget.Entry
	identified *widget.Check
	logbook    *widget.Check
	birthYear  *widget.Check
	format     *codeSelect
	warning    *widget.Label
	plan       *widget.Label
	exportBtn  *widget.Button
	history    []data.ExportRecord
	list       *widget.List
	planSeq    int
	privacy    *exportPrivacy // k and what the logbook's scrubbing replaces
}

func newExportScreen(u *UI) *exportScreen {
	e := &exportScreen{u: u, fields: newFieldSet()}
	changed := func(string) { e.replan() }
	today := data.Today()
	quarterStart := data.NewDate(today.Year, (today.Month-1)/3*3+1, 1).AddMonths(-3)
	e.from = e.fields.date("start", newDateEntry(quarterStart))
	e.from.OnChanged = changed
	e.to = e.fields.date("end", newDateEntry(quarterStart.AddMonths(3).AddDays(-1)))
	e.to.OnChanged = changed
	e.recipient = e.fields.entry("recipient", widget.NewEntry())
	e.recipient.SetText(u.app.Preferences().StringWithFallback("export.recipient", "evaluator"))
	e.recipient.OnChanged = changed
	e.identified = widget.NewCheck(i18n.T("export.identified"), func(bool) { e.replan() })
	e.logbook = widget.NewCheck(i18n.T("export.with_logbook"), func(bool) { e.replan() })
	e.birthYear = widget.NewCheck(i18n.T("export.birth_year"), func(bool) { e.replan() })
	e.format = newCodeSelect("format", []string{"xlsx", "csv", "package"}, "", changed)
	e.format.SetCode("xlsx")
	e.privacy = newExportPrivacy(e.fields, changed, u.win)
	e.warning = widget.NewLabel(i18n.T("export.identified_warning"))
	e.warning.Importance = widget.DangerImportance
	e.warning.Wrapping = fyne.TextWrapWord
	e.warning.Hide()
	e.plan = widget.NewLabel("")
	e.plan.Wrapping = fyne.TextWrapWord
	periods := container.NewHBox(
		widget.NewButton(i18n.T("export.last_quarter"), func() { e.setPeriod(quarterStart, quarterStart.AddMonths(3).AddDays(-1)) }),
		widget.NewButton(i18n.T("export.this_year"), func() { e.setPeriod(data.NewDate(today.Year, 1, 1), today) }),
		widget.NewButton(i18n.T("export.last_year"), func() {
			e.setPeriod(data.NewDate(today.Year-1, 1, 1), data.NewDate(today.Year-1, 12, 31))
		}),
		widget.NewButton(i18n.T("export.everything"), func() { e.setPeriod(data.Date{}, data.Date{}) }),
	)
	e.exportBtn = widget.NewButton(i18n.T("export.run"), e.chooseTarget)
	e.exportBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.start"), e.from),
		widget.NewFormItem(i18n.T("field.end"), e.to),
		widget.NewFormItem("", periods),
		widget.NewFormItem(i18n.T("field.recipient"), e.recipient),
		widget.NewFormItem(i18n.T("field.format"), e.format),
		widget.NewFormItem(i18n.T("field.k"), e.privacy.k),
	)
	intro := widget.NewLabel(i18n.T("export.intro"))
	intro.Wrapping = fyne.TextWrapWord
	e.list = textList(func() int { return len(e.history) }, func(i int) string { return exportLine(e.history[i]) }, nil)
	top := container.NewVBox(intro, form, e.identified, e.warning, e.logbook, e.birthYear, e.fields.summary,
		widget.NewCard(i18n.T("export.contents"), "", container.NewVBox(e.plan, e.privacy.box)), container.NewHBox(e.exportBtn),
		widget.NewLabelWithStyle(i18n.T("export.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	e.root = container.NewBorder(top, nil, nil, nil, e.list)
	return e
}

func exportLine(r data.ExportRecord) string {
	kind := i18n.T("export.pseudonymised")
	if !r.Pseudonymised {
		kind = i18n.T("export.identified_short")
	}
	return fmt.Sprintf("%s — %s — %s – %s — %s, %s — %s", strings.Replace(r.At[:16], "T", " ", 1), r.Recipient,
		dateOrDots(r.From), dateOrDots(r.To), strings.ToUpper(r.Format), kind,
		i18n.Tf("export.rows", map[string]any{"People": i18n.Amount("people", r.RowCounts["people"]), "Participations": i18n.Amount("participations", r.RowCounts["participation"])}))
}

func dateOrDots(d data.Date) string {
	if d.IsZero() {
		return "…"
	}
	return i18n.DateText(d)
}

func (e *exportScreen) setPeriod(from, to data.Date) {
	e.from.SetText(i18n.DateText(from))
	e.to.SetText(i18n.DateText(to))
}

func (e *exportScreen) view() fyne.CanvasObject { return e.root }

func (e *exportScreen) reload() {
	recs, err := e.u.store.Exports(e.u.ctx)
	if err != nil {
		e.u.showError(err)
	}
	e.history = recs
	e.list.Refresh()
	e.replan()
}

// options reads the form.
func (e *exportScreen) options() (export.Options, error) {
	opt := export.Options{Recipient: e.recipient.Text, Identified: e.identified.Checked, WithLogbook: e.logbook.Checked,
		BirthYear: e.birthYear.Checked, Format: e.format.Code(), AppVersion: e.u.version}
	var err error
	if opt.K, err = e.privacy.kValue(); err != nil {
		return opt, err
	}
	if opt.From, err = dateOf(e.from, "start"); err != nil {
		return opt, err
	}
	if opt.To, err = dateOf(e.to, "end"); err != nil {
		return opt, err
	}
	return opt, opt.Validate()
}

// replan says, before anything is written, what the export will contain.
func (e *exportScreen) replan() {
	if e.plan == nil {
		return
	}
	e.warning.Hidden = !e.identified.Checked
	e.warning.Refresh()
	opt, err := e.options()
	e.fields.show(err)
	if err != nil {
		e.plan.SetText("")
		e.exportBtn.Disable()
		return
	}
	e.exportBtn.Enable()
	e.planSeq++
	seq := e.planSeq
	var sum export.Summary
	var preview *export.ScrubPreview
	e.u.background(func() error {
		var err error
		if sum, err = export.Plan(e.u.ctx, e.u.store, opt); err != nil || !opt.WithLogbook || opt.Identified {
			return err
		}
		p, err := export.PreviewLogbook(e.u.ctx, e.u.store, opt)
		preview = &p
		return err
	}, func(err error) {
		if seq != e.planSeq {
			return
		}
		e.privacy.show(preview)
		if err != nil {
			e.plan.SetText(i18n.ErrText(err))
			return
		}
		key := "export.plan"
		if opt.Identified {
			key = "export.plan_identified"
		}
		e.plan.SetText(i18n.Tf(key, map[string]any{"People": i18n.Amount("people", sum.RowCounts["people"]),
			"Occasions": i18n.Amount("occasions", sum.RowCounts["occasions"]), "Participations": i18n.Amount("participations", sum.RowCounts["participation"]),
			"Excluded": i18n.Amount("people", sum.Excluded), "Unkeyed": sum.Unkeyed}))
	})
}

// chooseTarget asks where to save and then runs the export.
func (e *exportScreen) chooseTarget() {
	opt, err := e.options()
	if err != nil {
		e.fields.show(err)
		return
	}
	ext := ".xlsx"
	if opt.Format == "csv" || opt.Format == "package" {
		ext = ".zip"
	}
	name := fmt.Sprintf("samspil-%s-%s%s", codeFromName(opt.Recipient), data.Today(), ext)
	e.u.askSavePath(name, ext, func(target string) { e.run(opt, target) })
}

// codeFromName turns a recipient into a file-name part.
func codeFromName(s string) string {
	s = data.FoldName(s)
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, s)
	return strings.Trim(s, "-")
}

// run exports in the background with a progress bar and a cancel button.
func (e *exportScreen) run(opt export.Options, target string) {
	e.u.app.Preferences().SetString("export.recipient", opt.Recipient)
	var sum export.Summary
	e.u.longJob(i18n.T("export.run"), i18n.T("export.running"), func(ctx context.Context, progress progressFunc) error {
		var err error
		sum, err = export.Run(ctx, e.u.store, opt, target, func(p export.Progress) {
			if p.Total > 0 {
				progress(float64(p.Rows)/float64(p.Total), i18n.Tf("export.progress", map[string]any{"Table": p.Table, "Rows": p.Rows}))
			}
		})
		return err
	}, func(err error) {
		if err != nil {
			e.u.showError(err)
			return
		}
		dialog.ShowInformation(i18n.T("export.done_title"), i18n.Tf("export.done", map[string]any{"Path": sum.Out,
			"People": i18n.Amount("people", sum.RowCounts["people"]), "Participations": i18n.Amount("participations", sum.RowCounts["participation"])}),
			e.u.win)
		e.reload()
	})
}
