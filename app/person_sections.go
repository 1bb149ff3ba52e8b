package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	sw "samspil/app/widget"
	"samspil/data"
)

// personSections are the tabs under a person's form: role timeline, group
// periods, consents, onward paths and logbook mentions.
type personSections struct {
	u        *UI
	personID int64

	timeline, groups, consents, paths, mentions fyne.CanvasObject

	timelineRows []data.TimelineEntry
	timelineList *widget.List
	summary      *widget.Label
	levelChart   *chart
	roles        map[int64]data.Role
	categories   map[int64]string // category names, loaded with the person

	periodRows []*data.GroupPeriod
	periodList *widget.List
	periodSel  int
	newGroup   *groupChooser
	newFrom    *sw.DateField
	closeOn    *sw.DateField
	groupErr   *fieldSet

	consentRows []data.Consent
	consentList *widget.List
	consentSel  int
	purpose     *codeSelect
	givenOn     *sw.DateField
	method      *widget.Entry
	consentErr  *fieldSet

	pathRows []data.Path
	pathList *widget.List
	pathSel  int
	pathDate *sw.DateField
	pathKind *codeSelect
	pathText *widget.Entry
	pathErr  *fieldSet

	mentionRows []data.LogRow
	mentionList *widget.List
}

// textList is a list of one label per row, filled by line(i).
func textList(n func() int, line func(int) string, selected func(int)) *widget.List {
	l := widget.NewList(n,
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(line(id)) })
	if selected != nil {
		l.OnSelected = func(id widget.ListItemID) { selected(id) }
		l.OnUnselected = func(widget.ListItemID) { selected(-1) }
	}
	return l
}

func newPersonSections(u *UI) *personSections {
	s := &personSections{u: u, periodSel: -1, consentSel: -1, pathSel: -1}
	s.buildTimeline()
	s.buildGroups()
	s.buildConsents()
	s.buildPaths()
	s.mentionList = textList(func() int { return len(s.mentionRows) }, func(i int) string {
		r := s.mentionRows[i]
		return dateText(r.Date) + "  " + firstLine(r.Text)
	}, nil)
	s.mentions = s.mentionList
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if r := []rune(line); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return line
}

func (s *personSections) buildTimeline() {
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.timelineList = textList(func() int { return len(s.timelineRows) }, func(i int) string {
		e := s.timelineRows[i]
		return fmt.Sprintf("%s  %s — %s — %s", dateText(e.Date), e.ActivityName, s.roleName(e.RoleID), groupText(e.Group))
	}, nil)
	s.levelChart = newChart()
	s.levelChart.dots, s.levelChart.max = true, 4
	s.levelChart.format = func(v float64) string { return fmt.Sprintf("%.0f", v) }
	chartBox := container.NewGridWrap(fyne.NewSize(300, 170), s.levelChart)
	s.timeline = container.NewBorder(s.summary, nil, nil, chartBox, s.timelineList)
}

func (s *personSections) roleName(id int64) string {
	if r, ok := s.roles[id]; ok {
		return r.Name(current)
	}
	return "?"
}

func (s *personSections) buildGroups() {
	s.groupErr = newFieldSet()
	s.periodList = textList(func() int { return len(s.periodRows) }, func(i int) string {
		return s.periodLine(s.periodRows[i])
	}, func(i int) { s.periodSel = i })
	s.newGroup = newGroupChooser(s.u, s.groupErr, nil)
	s.newFrom = s.groupErr.date("start", newDateEntry(data.Today()))
	addBtn := widget.NewButton(T("person.add_period"), s.addPeriod)
	s.closeOn = s.groupErr.date("end", newDateEntry(data.Today()))
	closeBtn := widget.NewButton(T("person.close_period"), s.closePeriod)
	add := container.NewVBox(
		widget.NewLabelWithStyle(T("person.new_period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.newGroup.root,
		widget.NewForm(widget.NewFormItem(T("field.start"), s.newFrom)), addBtn,
		widget.NewSeparator(),
		widget.NewForm(widget.NewFormItem(T("person.close_on"), s.closeOn)), closeBtn,
		s.groupErr.summary)
	split := container.NewVSplit(s.periodList, container.NewVScroll(add))
	split.Offset = 0.3
	s.groups = split
}

func (s *personSections) periodLine(g *data.GroupPeriod) string {
	to := T("person.until_now")
	if !g.End.IsZero() {
		to = dateText(g.End)
	}
	line := fmt.Sprintf("%s – %s: %s", dateText(g.Start), to, groupText(g.Group))
	if g.StaffKind != "" {
		line += " (" + label("staff", g.StaffKind) + ")"
	}
	if len(g.CategoryIDs) > 0 {
		names := make([]string, len(g.CategoryIDs))
		for i, id := range g.CategoryIDs {
			names[i] = s.categories[id]
		}
		line += " (" + strings.Join(names, ", ") + ")"
	}
	return line
}

func (s *personSections) addPeriod() {
	from, err := dateOf(s.newFrom, "start")
	if err == nil {
		var g *data.GroupPeriod
		g, err = s.newGroup.period(from)
		if err == nil {
			g.PersonID = s.personID
			err = s.u.store.AddGroupPeriod(s.u.ctx, g)
		}
	}
	s.afterEdit(s.groupErr, err)
}

func (s *personSections) closePeriod() {
	if !selected(s.groupErr, s.periodSel, len(s.periodRows)) {
		return
	}
	end, err := dateOf(s.closeOn, "end")
	if err == nil {
		err = s.u.store.CloseGroupPeriod(s.u.ctx, s.periodRows[s.periodSel].ID, end)
	}
	s.afterEdit(s.groupErr, err)
}

// selected reports whether a line of a list of n is selected, and asks the
// user to select one first when none is.
func selected(fields *fieldSet, sel, n int) bool {
	if sel < 0 || sel >= n {
		fields.show(&data.Error{Code: "err.select_first"})
		return false
	}
	return true
}

// afterEdit shows an edit's error, or reloads the sections.
func (s *personSections) afterEdit(fields *fieldSet, err error) {
	fields.show(err)
	if err == nil {
		s.load(s.personID)
	}
}

func (s *personSections) buildConsents() {
	s.consentErr = newFieldSet()
	s.consentList = textList(func() int { return len(s.consentRows) }, func(i int) string {
		c := s.consentRows[i]
		line := fmt.Sprintf("%s: %s %s", label("consent", c.Purpose), T("person.given"), dateText(c.GivenOn))
		if c.Method != "" {
			line += " (" + c.Method + ")"
		}
		if !c.WithdrawnOn.IsZero() {
			line += ", " + T("person.withdrawn") + " " + dateText(c.WithdrawnOn)
		}
		return line
	}, func(i int) { s.consentSel = i })
	s.purpose = newCodeSelect("consent", data.ConsentPurposes, "", nil)
	s.purpose.SetCode("registration")
	s.givenOn = s.consentErr.date("given_on", newDateEntry(data.Today()))
	s.method = s.consentErr.entry("method", widget.NewEntry())
	s.method.SetPlaceHolder(T("person.method_hint"))
	addBtn := widget.NewButton(T("person.add_consent"), func() {
		given, err := dateOf(s.givenOn, "given_on")
		if err == nil {
			c := &data.Consent{PersonID: s.personID, Purpose: s.purpose.Code(), GivenOn: given, Method: s.method.Text}
			err = s.u.store.SaveConsent(s.u.ctx, c)
		}
		s.afterEdit(s.consentErr, err)
	})
	withdrawBtn := widget.NewButton(T("person.withdraw_consent"), func() {
		if !selected(s.consentErr, s.consentSel, len(s.consentRows)) {
			return
		}
		c := s.consentRows[s.consentSel]
		c.WithdrawnOn = data.Today()
		s.afterEdit(s.consentErr, s.u.store.SaveConsent(s.u.ctx, &c))
	})
	form := widget.NewForm(
		widget.NewFormItem(T("field.purpose"), s.purpose),
		widget.NewFormItem(T("field.given_on"), s.givenOn),
		widget.NewFormItem(T("field.method"), s.method))
	s.consents = container.NewBorder(nil, container.NewVBox(form, container.NewHBox(addBtn, withdrawBtn), s.consentErr.summary),
		nil, nil, s.consentList)
}

func (s *personSections) buildPaths() {
	s.pathErr = newFieldSet()
	s.pathList = textList(func() int { return len(s.pathRows) }, func(i int) string {
		p := s.pathRows[i]
		return fmt.Sprintf("%s  %s — %s", dateText(p.Date), label("path", p.Kind), p.Description)
	}, func(i int) { s.pathSel = i })
	s.pathDate = s.pathErr.date("date", newDateEntry(data.Today()))
	s.pathKind = newCodeSelect("path", data.PathKinds, "", nil)
	s.pathKind.SetCode("job")
	s.pathText = s.pathErr.entry("description", widget.NewEntry())
	addBtn := widget.NewButton(T("person.add_path"), func() {
		day, err := dateOf(s.pathDate, "date")
		if err == nil {
			err = s.u.store.SavePath(s.u.ctx, &data.Path{PersonID: s.personID, Date: day, Kind: s.pathKind.Code(), Description: s.pathText.Text})
		}
		if err == nil {
			s.pathText.SetText("")
		}
		s.afterEdit(s.pathErr, err)
	})
	deleteBtn := widget.NewButton(T("ui.delete"), func() {
		if !selected(s.pathErr, s.pathSel, len(s.pathRows)) {
			return
		}
		p := s.pathRows[s.pathSel]
		s.u.confirm(T("person.delete_path_title"), fmt.Sprintf("%s — %s", label("path", p.Kind), p.Description), func() {
			s.afterEdit(s.pathErr, s.u.store.DeletePath(s.u.ctx, p.ID))
		})
	})
	form := widget.NewForm(
		widget.NewFormItem(T("field.date"), s.pathDate),
		widget.NewFormItem(T("field.kind"), s.pathKind),
		widget.NewFormItem(T("field.description"), s.pathText))
	s.paths = container.NewBorder(nil, container.NewVBox(form, container.NewHBox(addBtn, deleteBtn), s.pathErr.summary),
		nil, nil, s.pathList)
}

// load fetches everything the tabs show for the person (0: empty tabs).
func (s *personSections) load(personID int64) {
	s.personID = personID
	s.periodSel, s.consentSel, s.pathSel = -1, -1, -1
	s.timelineRows, s.periodRows, s.consentRows, s.pathRows, s.mentionRows = nil, nil, nil, nil, nil
	roles, _ := s.u.store.Roles(s.u.ctx)
	s.roles = map[int64]data.Role{}
	for _, r := range roles {
		s.roles[r.ID] = r
	}
	cats, _ := s.u.store.Categories(s.u.ctx)
	s.categories = map[int64]string{}
	for _, c := range cats {
		s.categories[c.ID] = c.Name(current)
	}
	if personID != 0 {
		var err error
		ctx, st := s.u.ctx, s.u.store
		if s.timelineRows, err = st.Timeline(ctx, personID); err == nil {
			if s.periodRows, err = st.GroupPeriods(ctx, personID); err == nil {
				if s.consentRows, err = st.Consents(ctx, personID); err == nil {
					if s.pathRows, err = st.Paths(ctx, personID); err == nil {
						s.mentionRows, err = st.LogEntries(ctx, data.LogFilter{PersonID: personID})
					}
				}
			}
		}
		s.u.showError(err)
	}
	s.summary.SetText(s.trajectory())
	s.showLevels()
	for _, l := range []*widget.List{s.timelineList, s.periodList, s.consentList, s.pathList, s.mentionList} {
		l.UnselectAll()
		l.Refresh()
	}
	if n := len(s.timelineRows); n > 0 {
		s.timelineList.ScrollToBottom()
	}
}

// trajectory sums up the path: how many times, first and latest role.
func (s *personSections) trajectory() string {
	var citizen []data.TimelineEntry
	for _, e := range s.timelineRows {
		if !e.Professional {
			citizen = append(citizen, e)
		}
	}
	if len(citizen) == 0 {
		return Tf("person.timeline_count", map[string]any{"Count": len(s.timelineRows)})
	}
	first, last := citizen[0], citizen[len(citizen)-1]
	top := first
	for _, e := range citizen {
		if e.RoleLevel > top.RoleLevel {
			top = e
		}
	}
	return Tf("person.trajectory", map[string]any{
		"Count": len(s.timelineRows), "First": s.roleName(first.RoleID), "FirstDate": dateText(first.Date),
		"Last": s.roleName(last.RoleID), "LastDate": dateText(last.Date), "Top": s.roleName(top.RoleID)})
}

// showLevels draws the person's role level at each participation (not in
// professional roles), oldest left, so the path from support to hosting shows.
func (s *personSections) showLevels() {
	var labels []string
	var values []float64
	for _, e := range s.timelineRows {
		if !e.Professional {
			labels = append(labels, e.Date.String())
			values = append(values, float64(e.RoleLevel))
		}
	}
	if len(values) > 400 { // keep the chart light: every n-th participation
		step := len(values) / 400
		var l []string
		var v []float64
		for i := 0; i < len(values); i += step {
			l, v = append(l, labels[i]), append(v, values[i])
		}
		labels, values = l, v
	}
	s.levelChart.set(labels, []series{{name: T("person.level"), color: groupColors["target"], values: values}}, nil)
}
