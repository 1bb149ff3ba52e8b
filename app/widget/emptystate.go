package widget

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fw "fyne.io/fyne/v2/widget"
)

// EmptyState stands where a list has nothing to show yet: one sentence on
// what the list is for, and the next step as buttons. Place it over the
// list (container.NewStack) and show it while the list is empty.
type EmptyState struct {
	fw.BaseWidget

	text    string
	actions []*fw.Button
}

// NewEmptyState returns an empty state saying text and offering actions.
func NewEmptyState(text string, actions ...*fw.Button) *EmptyState {
	e := &EmptyState{text: text, actions: actions}
	e.ExtendBaseWidget(e)
	return e
}

// Text returns the sentence shown.
func (e *EmptyState) Text() string { return e.text }

// Actions returns the buttons offered.
func (e *EmptyState) Actions() []*fw.Button { return e.actions }

// CreateRenderer lays the sentence out above the buttons.
func (e *EmptyState) CreateRenderer() fyne.WidgetRenderer {
	label := fw.NewLabel(e.text)
	label.Wrapping = fyne.TextWrapWord
	label.Alignment = fyne.TextAlignCenter
	buttons := container.NewHBox()
	for _, b := range e.actions {
		buttons.Add(b)
	}
	return fw.NewSimpleRenderer(container.NewVBox(fw.NewLabel(""), label, container.NewCenter(buttons)))
}

// SetShown shows the empty state when on and hides it otherwise.
func (e *EmptyState) SetShown(on bool) {
	if on {
		e.Show()
	} else {
		e.Hide()
	}
}
