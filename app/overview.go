package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
	"samspil/data/indicators"
)

// Periods the overview offers.
var overviewPeriods = []string{"month", "quarter", "year", "last_year", "custom"}

// overview shows the partnership's key figures for a period against the
// period before, charts of participation, balance, roles and entry
// channels, and this week's occasions and newest people.
type overview struct {
	u        *UI
	root     fyne.CanvasObject
	heading  *widget.Label
	period   *codeSelect
	from, to *sw.DateField
	custom   *fyne.Container
	cards    *fyne.Container
	status   *widget.Label
	months   *chart
	shares   *chart
	levels   *chart
	entries  *chart
	legends  [2]*fyne.Container
	defs     *widget.Label
	weekList *widget.List
	newList  *widget.List
	week     []data.OccasionRow
	newest   []data.PersonRow
	report   *indicators.Report
	// unfinished: the period runs to today and is compared with the same
	// days of the one before.
	unfinished bool
	seq        int
	content    fyne.CanvasObject // the figures, hidden until something is recorded
	empty      *sw.EmptyState
}

func newOverview(u *UI) *overview {
	o := &overview{u: u}
	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.status = widget.NewLabel("")
	today := u.day()
	o.from = newDateEntry(today.AddMonths(-1))
	o.to = newDateEntry(today)
	showBtn := widget.NewButton(i18n.T("overview.show"), o.compute)
	o.custom = container.NewHBox(widget.NewLabel(i18n.T("field.start")), o.from, widget.NewLabel(i18n.T("field.end")), o.to, showBtn)
	o.custom.Hide()
	o.period = newCodeSelect("period", overviewPeriods, "", func(code string) {
		o.custom.Hidden = code != "custom"
		o.custom.Refresh()
		if code != "custom" {
			o.compute()
		}
	})
	o.period.SetCode("quarter") // before the cards exist: reload computes, once
	o.cards = container.NewGridWithColumns(4)
	o.months, o.shares, o.levels, o.entries = newChart(), newChart(), newChart(), newChart()
	o.shares.dots, o.shares.max = true, 1
	o.entries.horizontal = true // the channels' names are long
	o.shares.format = func(v float64) string { return i18n.Percent(v) }
	o.legends = [2]*fyne.Container{container.NewStack(), container.NewStack()}
	o.defs = widget.NewLabel("")
	o.defs.Wrapping = fyne.TextWrapWord
	o.defs.SizeName = theme.SizeNameCaptionText
	charts := container.NewGridWithColumns(2,
		chartCard(i18n.T("overview.chart_months"), o.months, o.legends[0]),
		chartCard(i18n.T("overview.chart_shares"), o.shares, nil),
		chartCard(i18n.T("overview.chart_levels"), o.levels, o.legends[1]),
		chartCard(i18n.T("overview.chart_entries"), o.entries, nil))
	o.buildLists()
	weekCard := widget.NewCard(i18n.T("overview.this_week"), "", container.NewGridWrap(fyne.NewSize(460, 260), o.weekList))
	newCard := widget.NewCard(i18n.T("overview.new_people"), "", container.NewGridWrap(fyne.NewSize(460, 260), o.newList))
	defs := widget.NewAccordion(widget.NewAccordionItem(i18n.T("overview.definitions"), o.defs))
	content := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(220, o.period.MinSize().Height), o.period), o.heading),
		o.custom, o.status,
		o.cards, charts, container.NewGridWithColumns(2, weekCard, newCard), defs)
	o.content = container.NewVScroll(content)
	o.empty = sw.NewEmptyState(i18n.T("empty.overview"),
		widget.NewButtonWithIcon(i18n.T("empty.first_activity"), theme.ContentAddIcon(), func() { u.goTo("activities", nil) }),
		widget.NewButtonWithIcon(i18n.T("empty.record_today"), theme.DocumentCreateIcon(), func() { u.goTo("record", nil) }),
		widget.NewButtonWithIcon(i18n.T("empty.import"), theme.DownloadIcon(), func() { u.goTo("import", nil) }))
	o.empty.Hide()
	o.root = container.NewStack(o.content, o.empty)
	return o
}

func chartCard(title string, c *chart, legend fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if legend == nil {
		return container.NewBorder(t, nil, nil, nil, c)
	}
	return container.NewBorder(t, legend, nil, nil, c)
}

func (o *overview) buildLists() {
	o.weekList = textList(func() int { return len(o.week) }, func(i int) string {
		r := o.week[i]
		return fmt.Sprintf("%s %s %s  %s — %s", i18n.WeekdayText(r.Date), i18n.DateText(r.Date), r.StartTime,
			r.ActivityName, i18n.Tf("overview.occasion_people", map[string]any{"People": i18n.Amount("participants", r.Participants), "Guests": i18n.Amount("guests", r.AnonymousGuests)}))
	}, nil)
	o.weekList.OnSelected = func(id widget.ListItemID) {
		r := o.week[id]
		o.weekList.UnselectAll()
		o.u.goTo("record", func(s screen) { s.(*recordScreen).openOccasion(r.ID) })
	}
	o.newList = textList(func() int { return len(o.newest) }, func(i int) string {
		p := o.newest[i]
		return fmt.Sprintf("%s — %s", p.Name, groupText(p.Group))
	}, nil)
	o.newList.OnSelected = func(id widget.ListItemID) {
		p := o.newest[id]
		o.newList.UnselectAll()
		o.u.goTo("people", func(s screen) { s.(*peopleScreen).openPerson(p.ID) })
	}
}

func (o *overview) view() fyne.CanvasObject { return o.root }

func (o *overview) reload() {
	o.compute()
	today := data.Today()
	monday := today.StartOfWeek()
	var week []data.OccasionRow
	var newest []data.PersonRow
	recorded := true
	o.u.background(func() error {
		var err error
		if recorded, err = o.u.store.HasOccasions(o.u.ctx); err != nil {
			return err
		}
		if week, err = o.u.store.Occasions(o.u.ctx, 0, monday, monday.AddDays(6)); err != nil {
			return err
		}
		newest, err = o.u.store.SearchPeople(o.u.ctx, data.PersonFilter{SortBy: "newest", Limit: 30})
		return err
	}, func(err error) {
		if err != nil {
			o.u.showError(err)
			return
		}
		o.week, o.newest = week, newest
		o.empty.SetShown(!recorded)
		if recorded {
			o.content.Show()
		} else {
			o.content.Hide()
		}
		o.weekList.Refresh()
		o.newList.Refresh()
	})
}

// chosen returns the period picked.
func (o *overview) chosen() (indicators.Period, error) {
	today := o.u.day()
	switch o.period.Code() {
	case "month":
		return indicators.Month(today), nil
	case "year":
		return indicators.Year(today), nil
	case "last_year":
		return indicators.Year(data.NewDate(today.Year-1, 6, 1)), nil
	case "custom":
		from, err := dateOf(o.from, "start")
		if err != nil {
			return indicators.Period{}, err
		}
		to, err := dateOf(o.to, "end")
		if err != nil {
			return indicators.Period{}, err
		}
		if from.IsZero() || to.IsZero() || to.Before(from) {
			return indicators.Period{}, &data.Error{Code: "err.end_before_start", Field: "end"}
		}
		return indicators.Period{From: from, To: to}, nil
	}
	return indicators.Quarter(today), nil
}

// compute works the figures out in the background and shows them.
func (o *overview) compute() {
	if o.cards == nil || o.period == nil {
		return // still being built
	}
	whole, err := o.chosen()
	if err != nil {
		o.status.SetText(i18n.ErrText(err))
		return
	}
	// An unfinished month, quarter or year is compared with the same days
	// of the one before; a period the user sets, with the one before it.
	p, before, unfinished := whole, whole.Previous(), false
	if o.period.Code() != "custom" {
		p, before, unfinished = indicators.SoFar(whole, o.u.day())
	}
	o.seq++
	seq := o.seq
	o.status.SetText(i18n.T("overview.computing"))
	var r *indicators.Report
	roles, _ := o.u.store.Roles(o.u.ctx)
	o.u.background(func() error {
		var err error
		r, err = indicators.Compute(o.u.ctx, o.u.store, p, indicators.ComparedWith(before))
		releaseMemory() // the history was read to work the figures out
		return err
	}, func(err error) {
		if seq != o.seq {
			return
		}
		if err != nil {
			o.status.SetText(i18n.ErrText(err))
			return
		}
		o.report, o.unfinished = r, unfinished
		o.show(r, roles)
	})
}

// show fills the cards and charts from a report.
func (o *overview) show(r *indicators.Report, roles []data.Role) {
	c := r.Current
	heading := "overview.period_heading"
	if o.unfinished {
		heading = "overview.compared_to_date"
	}
	o.heading.SetText(i18n.Tf(heading, map[string]any{"From": i18n.DateText(c.Period.From), "To": i18n.DateText(c.Period.To),
		"PrevFrom": i18n.DateText(r.Previous.Period.From), "PrevTo": i18n.DateText(r.Previous.Period.To)}))
	o.status.SetText("")
	o.cards.Objects = nil
	var defs string
	for _, f := range figuresOf(r) {
		o.cards.Add(figureCard(f))
		defs += i18n.T("ind."+f.key) + ": " + i18n.T("ind."+f.key+".def") + "\n"
	}
	o.cards.Refresh()
	o.defs.SetText(defs)
	labels, ss := monthSeries(c)
	o.months.set(labels, ss, nil)
	o.legends[0].Objects = []fyne.CanvasObject{legend(ss)}
	labels, ss = shareDots(c, 1500)
	threshold := r.Threshold
	o.shares.set(labels, ss, &threshold)
	labels, ss = levelSeries(c, roles)
	o.levels.set(labels, ss, nil)
	o.legends[1].Objects = []fyne.CanvasObject{legend(ss)}
	labels, ss = entrySeries(c)
	o.entries.set(labels, ss, nil)
	for _, l := range o.legends {
		l.Refresh()
	}
}

// figureCard shows one key figure and its change from the period before.
func figureCard(f figure) fyne.CanvasObject {
	value := widget.NewLabelWithStyle(f.now, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	value.SizeName = theme.SizeNameHeadingText
	before := i18n.Tf("overview.before", map[string]any{"Value": f.before})
	if f.change != "" {
		before += " (" + f.change + ")"
	}
	prev := widget.NewLabel(before)
	prev.SizeName = theme.SizeNameCaptionText
	prev.Importance = widget.LowImportance
	title := widget.NewLabel(i18n.T("ind." + f.key))
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameCaptionText
	return widget.NewCard("", "", container.NewVBox(title, value, prev))
}

// groupText names a group, or says it is unknown.
func groupText(g data.Group) string {
	if g == data.GroupUnknown {
		return i18n.T("group.unknown")
	}
	return i18n.Label("group", string(g))
}
