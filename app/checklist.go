package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// checkList is a set of check boxes for catalogue rows (categories,
// themes), laid out in columns so that a long catalogue does not widen the
// window.
type checkList struct {
	root    *fyne.Container
	ids     []int64
	checks  []*widget.Check
	changed func()
}

func newCheckList(columns int, changed func()) *checkList {
	return &checkList{root: container.NewGridWithColumns(columns), changed: changed}
}

// setItems replaces the boxes, keeping the ticks of ids that remain.
func (c *checkList) setItems(ids []int64, names []string) {
	keep := c.selected()
	c.ids = ids
	c.checks = make([]*widget.Check, len(ids))
	objects := make([]fyne.CanvasObject, len(ids))
	for i, name := range names {
		check := widget.NewCheck(name, func(bool) {
			if c.changed != nil {
				c.changed()
			}
		})
		c.checks[i] = check
		objects[i] = check
	}
	c.root.Objects = objects
	c.setSelected(keep)
	c.root.Refresh()
}

// selected returns the ids ticked.
func (c *checkList) selected() []int64 {
	var out []int64
	for i, ch := range c.checks {
		if ch.Checked {
			out = append(out, c.ids[i])
		}
	}
	return out
}

// setSelected ticks exactly the ids given, without reporting a change.
func (c *checkList) setSelected(ids []int64) {
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	changed := c.changed
	c.changed = nil
	for i, ch := range c.checks {
		ch.SetChecked(want[c.ids[i]])
	}
	c.changed = changed
}

// show and hide the whole list.
func (c *checkList) show() { c.root.Show() }
func (c *checkList) hide() { c.root.Hide() }
