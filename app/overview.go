package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/data"
)

// overview shows this week's occasions, the people added recently and the
// week's key figures.
type overview struct {
	u        *UI
	root     fyne.CanvasObject
	heading  *widget.Label
	figures  *widget.Label
	weekList *widget.List
	newList  *widget.List
	week     []data.OccasionRow
	newest   []data.PersonRow
}

func newOverview(u *UI) *overview {
	o := &overview{u: u}
	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.figures = widget.NewLabel("")
	o.weekList = widget.NewList(func() int { return len(o.week) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, c fyne.CanvasObject) {
			r := o.week[id]
			c.(*widget.Label).SetText(fmt.Sprintf("%s %s %s  %s — %s", weekdayText(r.Date), dateText(r.Date), r.StartTime,
				r.ActivityName, Tf("overview.occasion_people", map[string]any{"People": r.Participants, "Guests": r.AnonymousGuests})))
		})
	o.weekList.OnSelected = func(id widget.ListItemID) {
		r := o.week[id]
		o.weekList.UnselectAll()
		u.goTo("record", func(s screen) { s.(*recordScreen).openOccasion(r.ID) })
	}
	o.newList = widget.NewList(func() int { return len(o.newest) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, c fyne.CanvasObject) {
			p := o.newest[id]
			c.(*widget.Label).SetText(fmt.Sprintf("%s — %s", p.Name, groupText(p.Group)))
		})
	o.newList.OnSelected = func(id widget.ListItemID) {
		p := o.newest[id]
		o.newList.UnselectAll()
		u.goTo("people", func(s screen) { s.(*peopleScreen).openPerson(p.ID) })
	}
	weekCard := widget.NewCard(T("overview.this_week"), "", o.weekList)
	newCard := widget.NewCard(T("overview.new_people"), "", o.newList)
	figCard := widget.NewCard(T("overview.figures"), "", o.figures)
	lists := container.NewGridWithColumns(2, weekCard, newCard)
	o.root = container.NewBorder(container.NewVBox(o.heading, figCard), nil, nil, nil, lists)
	return o
}

func (o *overview) view() fyne.CanvasObject { return o.root }

func (o *overview) reload() {
	today := data.Today()
	monday := today.StartOfWeek()
	var week []data.OccasionRow
	var newest []data.PersonRow
	o.u.background(func() error {
		var err error
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
		_, isoWeek := today.Time().ISOWeek()
		o.heading.SetText(Tf("overview.heading", map[string]any{"Week": isoWeek, "From": dateText(monday), "To": dateText(monday.AddDays(6))}))
		registered, guests := 0, 0
		for _, r := range week {
			registered += r.Participants
			guests += r.AnonymousGuests
		}
		o.figures.SetText(Tf("overview.week_figures", map[string]any{"Occasions": len(week), "Participations": registered, "Guests": guests}))
		o.weekList.Refresh()
		o.newList.Refresh()
	})
}

// groupText names a group, or says it is unknown.
func groupText(g data.Group) string {
	if g == data.GroupUnknown {
		return T("group.unknown")
	}
	return label("group", string(g))
}
