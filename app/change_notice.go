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
	root   *fyne.Container
	text   *widget.Label
	button *widget.Button
}

// newChangeNotice makes a hidden notice; reload runs when its button is
// pressed.
func newChangeNotice(reloadLabel string, reload func()) *changeNotice {
	n := &changeNotice{text: widget.NewLabel("")}
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
	n.root.Show()
}

// hide hides the notice.
func (n *changeNotice) hide() { n.root.Hide() }

// shown reports whether the notice is showing.
func (n *changeNotice) shown() bool { return n.root.Visible() }
