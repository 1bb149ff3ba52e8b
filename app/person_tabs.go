package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// personTab is one tab under a person's form.
type personTab interface {
	// content is the tab's page; it is built once.
	content() fyne.CanvasObject
	// load shows the person's records (0: none).
	load(personID int64, c catalogs)
}

// catalogs are the names a tab shows for the ids it holds, loaded once per
// person rather than once per line.
type catalogs struct {
	roles      map[int64]data.Role
	categories map[int64]string
}

// personSections are the tabs under a person's form: role timeline, group
// periods, consents, onward paths and logbook mentions.
type personSections struct {
	e        env
	timeline *timelineTab
	groups   *groupsTab
	consents *consentsTab
	paths    *pathsTab
	mentions *mentionsTab
}

func newPersonSections(e env) *personSections {
	return &personSections{e: e, timeline: newTimelineTab(e), groups: newGroupsTab(e),
		consents: newConsentsTab(e), paths: newPathsTab(e), mentions: newMentionsTab(e)}
}

// tabs lists the tabs in the order they are shown.
func (s *personSections) tabs() []personTab {
	return []personTab{s.timeline, s.groups, s.consents, s.paths, s.mentions}
}

// load shows the person's records in every tab (0: empty tabs).
func (s *personSections) load(personID int64) {
	c := catalogs{roles: map[int64]data.Role{}, categories: map[int64]string{}}
	st, ctx := s.e.db(), s.e.context()
	roles, err := st.Roles(ctx)
	for _, r := range roles {
		c.roles[r.ID] = r
	}
	cats, cerr := st.Categories(ctx)
	for _, x := range cats {
		c.categories[x.ID] = x.Name(i18n.Language())
	}
	if err == nil {
		err = cerr
	}
	s.e.showError(err)
	for _, t := range s.tabs() {
		t.load(personID, c)
	}
}

// textList is a list of one label per row, filled by line(i); selected
// runs with the selected row, or -1 when none is.
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

// resetList clears a list's selection and redraws it.
func resetList(l *widget.List) {
	l.UnselectAll()
	l.Refresh()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if r := []rune(line); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return line
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
