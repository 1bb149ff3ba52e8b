package app

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// attendee is one line of the registration tick-list.
type attendee struct {
	personID int64
	name     string
	folded   string
	ticked   bool
	roleID   int64
	group    data.Group // on the occasion's date
	regular  bool       // has come to the activity before
}

// tickList is the registration list: the shown lines and the widgets that
// draw them. Lines are filtered by the search text.
type tickList struct {
	r     *recordScreen
	all   []*attendee // regulars and everyone added, in display order
	shown []*attendee // all, filtered by the search text
	list  *widget.List
	bound map[fyne.CanvasObject]*attendee // which line each drawn row shows
}

func newTickList(r *recordScreen) *tickList {
	t := &tickList{r: r, bound: map[fyne.CanvasObject]*attendee{}}
	t.list = widget.NewList(func() int { return len(t.shown) }, t.createRow, t.updateRow)
	// Space or a click on a line ticks or unticks it.
	t.list.OnSelected = func(id widget.ListItemID) {
		t.list.Unselect(id)
		if id < len(t.shown) {
			t.toggle(t.shown[id])
		}
	}
	return t
}

func (t *tickList) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	role := sw.NewKeySelect(nil, nil)
	role.PlaceHolder = i18n.T("ui.choose")
	role.OnDone = func() { t.r.u.focus(t.r.search) }
	roleBox := container.NewGridWrap(fyne.NewSize(250, role.MinSize().Height), role)
	return container.NewBorder(nil, nil, check, roleBox, name)
}

func (t *tickList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(t.shown) {
		return
	}
	a := t.shown[id]
	row := o.(*fyne.Container)
	name := row.Objects[0].(*widget.Label)
	check := row.Objects[1].(*widget.Check)
	role := row.Objects[2].(*fyne.Container).Objects[0].(*sw.KeySelect)
	t.bound[o] = a
	text := a.name + "  ·  " + groupText(a.group)
	if !a.regular {
		text += "  ·  " + i18n.T("record.not_regular")
	}
	if name.Text != text { // a label laid out again costs more than the search
		name.SetText(text)
	}
	check.OnChanged = nil
	check.SetChecked(a.ticked)
	check.OnChanged = func(on bool) {
		if on != a.ticked {
			t.toggle(a)
		}
	}
	role.OnChanged = nil
	role.Options = t.r.roleNames
	role.SetSelectedIndex(t.r.roleIndex(a.roleID))
	role.OnChanged = func(string) {
		if i := role.SelectedIndex(); i >= 0 {
			a.roleID = t.r.roles[i].ID
			if !a.ticked {
				a.ticked = true
				t.list.RefreshItem(id)
			}
			t.r.changed()
		}
	}
}

// toggle ticks or unticks a line.
func (t *tickList) toggle(a *attendee) {
	a.ticked = !a.ticked
	if a.ticked {
		t.r.lastTicked = a
	}
	if !a.ticked {
		// Someone found by search and unticked again leaves the list.
		if !a.regular {
			t.remove(a)
		}
	}
	t.filter(t.r.search.Text)
	t.r.changed()
}

func (t *tickList) remove(a *attendee) {
	for i, x := range t.all {
		if x == a {
			t.all = append(t.all[:i], t.all[i+1:]...)
			return
		}
	}
}

// find returns the line of a person, or nil.
func (t *tickList) find(personID int64) *attendee {
	for _, a := range t.all {
		if a.personID == personID {
			return a
		}
	}
	return nil
}

// add puts a person ticked at the top of the list (or ticks their line).
func (t *tickList) add(a *attendee) {
	if old := t.find(a.personID); old != nil {
		old.ticked = true
		return
	}
	a.ticked = true
	t.all = append([]*attendee{a}, t.all...)
}

// filter shows the lines whose name contains every typed word. While
// searching, the best match comes first, so that Enter ticks it: people
// not yet ticked, names with a word starting with what was typed, regulars.
func (t *tickList) filter(query string) {
	t.match(query)
	t.redraw()
}

// match chooses and orders the shown lines without drawing them, so that
// a keystroke that also searches everyone draws the list once.
func (t *tickList) match(query string) {
	words := strings.Fields(data.FoldName(query))
	t.shown = t.shown[:0]
	for _, a := range t.all {
		if matchRank(a.folded, words) > 0 {
			t.shown = append(t.shown, a)
		}
	}
	t.rank(query)
}

// redraw draws the shown lines (and the hint for an empty list).
func (t *tickList) redraw() {
	t.r.hint.Hidden = len(t.all) > 0 || t.r.occasion == nil || t.r.occasion.ActivityID == 0
	t.list.Refresh()
	t.r.hint.Refresh()
}

// searchRank orders search results: unticked before ticked, then by
// matchRank, then the activity's regulars before other people.
func searchRank(a *attendee, words []string) int {
	rank := 10 * matchRank(a.folded, words)
	if !a.ticked {
		rank += 100
	}
	if a.regular {
		rank++
	}
	return rank
}

// rank sorts the shown lines by searchRank for the query.
func (t *tickList) rank(query string) {
	if words := strings.Fields(data.FoldName(query)); len(words) > 0 {
		sort.SliceStable(t.shown, func(i, j int) bool { return searchRank(t.shown[i], words) > searchRank(t.shown[j], words) })
	}
}

// matchRank is 0 when a word is missing from name, 2 when every word starts
// a word of the name, and 1 when every word is merely inside it.
func matchRank(name string, words []string) int {
	rank := 2
	for _, w := range words {
		switch {
		case strings.HasPrefix(name, w) || strings.Contains(name, " "+w):
		case strings.Contains(name, w):
			rank = 1
		default:
			return 0
		}
	}
	return rank
}

// ticked returns the ticked lines.
func (t *tickList) ticked() []*attendee {
	var out []*attendee
	for _, a := range t.all {
		if a.ticked {
			out = append(out, a)
		}
	}
	return out
}

// focusRole scrolls to a's line and puts the keyboard focus on its role,
// where Left and Right change it and Enter goes back to the search.
func (t *tickList) focusRole(a *attendee) {
	for i, x := range t.shown {
		if x == a {
			t.list.ScrollTo(i)
		}
	}
	for o, x := range t.bound {
		if x == a {
			t.r.u.focus(o.(*fyne.Container).Objects[2].(*fyne.Container).Objects[0].(*sw.KeySelect))
			return
		}
	}
}
