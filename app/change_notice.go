package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// changeNotice is a small line saying that what a form shows was changed
// by another coordinator, with a button to reload it. It is shown instead
// of reloading over what the user has not saved yet.
type changeNotice struct {
	root     *fyne.Container
	text     *widget.Label
	button   *widget.Button
	relayout func()
}

// newChangeNotice makes a hidden notice; reload runs when its button is
// pressed, and relayout after it is shown or hidden: a container shown
// again takes its place only when the one around it is laid out anew.
func newChangeNotice(reloadLabel string, reload, relayout func()) *changeNotice {
	n := &changeNotice{text: widget.NewLabel(""), relayout: relayout}
	n.text.Importance = widget.WarningImportance
	n.text.Wrapping = fyne.TextWrapWord
	n.button = widget.NewButtonWithIcon(reloadLabel, theme.ViewRefreshIcon(), reload)
	n.root = container.NewBorder(nil, nil, nil, n.button, n.text)
	n.root.Hide()
	return n
}

// show puts msg in the notice and shows it.
func (n *changeNotice) show(msg string) {
	n.text.SetText(msg)
	if !n.root.Visible() {
		n.root.Show()
		n.relayout()
	}
}

// hide hides the notice.
func (n *changeNotice) hide() {
	if n.root.Visible() {
		n.root.Hide()
		n.relayout()
	}
}

// shown reports whether the notice is showing.
func (n *changeNotice) shown() bool { return n.root.Visible() }
