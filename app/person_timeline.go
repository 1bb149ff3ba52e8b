package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// timelineTab shows a person's participations with their roles, a summary
// of the path and a chart of role levels over time.
type timelineTab struct {
	e          env
	root       fyne.CanvasObject
	rows       []data.TimelineEntry
	list       *widget.List
	summary    *widget.Label
	levelChart *chart
	roles      map[int64]data.Role
}

func newTimelineTab(e env) *timelineTab {
	t := &timelineTab{e: e}
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	t.list = textList(func() int { return len(t.rows) }, func(i int) string {
		x := t.rows[i]
		return fmt.Sprintf("%s  %s — %s — %s", i18n.DateText(x.Date), x.ActivityName, t.roleName(x.RoleID), groupText(x.Group))
	}, nil)
	t.levelChart = newChart()
	t.levelChart.dots, t.levelChart.max = true, 4
	t.levelChart.format = func(v float64) string { return fmt.Sprintf("%.0f", v) }
	chartBox := container.NewGridWrap(fyne.NewSize(300, 170), t.levelChart)
	t.root = container.NewBorder(t.summary, nil, nil, chartBox, t.list)
	return t
}

func (t *timelineTab) content() fyne.CanvasObject { return t.root }

func (t *timelineTab) load(personID int64, c catalogs) {
	t.roles, t.rows = c.roles, nil
	if personID != 0 {
		var err error
		t.rows, err = t.e.db().Timeline(t.e.context(), personID)
		t.e.showError(err)
	}
	t.summary.SetText(t.trajectory())
	t.showLevels()
	resetList(t.list)
	if len(t.rows) > 0 {
		t.list.ScrollToBottom()
	}
}

func (t *timelineTab) roleName(id int64) string {
	if r, ok := t.roles[id]; ok {
		return r.Name(i18n.Language())
	}
	return "?"
}

// trajectory sums up the path: how many times, first and latest role.
func (t *timelineTab) trajectory() string {
	var citizen []data.TimelineEntry
	for _, x := range t.rows {
		if !x.Professional {
			citizen = append(citizen, x)
		}
	}
	if len(citizen) == 0 {
		return i18n.Tf("person.timeline_count", map[string]any{"Count": len(t.rows)})
	}
	first, last := citizen[0], citizen[len(citizen)-1]
	top := first
	for _, x := range citizen {
		if x.RoleLevel > top.RoleLevel {
			top = x
		}
	}
	return i18n.Tf("person.trajectory", map[string]any{
		"Count": len(t.rows), "First": t.roleName(first.RoleID), "FirstDate": i18n.DateText(first.Date),
		"Last": t.roleName(last.RoleID), "LastDate": i18n.DateText(last.Date), "Top": t.roleName(top.RoleID)})

}

// showLevels draws the person's role level at each participation (not in
// professional roles), oldest left, so the path from support to hosting shows.
func (t *timelineTab) showLevels() {
	var labels []string
	var values []float64
	for _, x := range t.rows {
		if !x.Professional {
			labels = append(labels, x.Date.String())
			values = append(values, float64(x.RoleLevel))
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
	t.levelChart.set(labels, []series{{name: i18n.T("person.level"), color: groupColors["target"], values: values}}, nil)
}
