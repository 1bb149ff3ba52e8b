package widget

import (
	"fyne.io/fyne/v2"
	fw "fyne.io/fyne/v2/widget"
)

// TabEntry is a one-line entry that can take the Tab key for itself:
// while Claim reports true, Tab runs OnTab instead of moving the focus to
// the next field (the registration search uses it to jump to the role of
// the person just ticked). Shift+Tab always moves back.
type TabEntry struct {
	fw.Entry

	// Claim reports whether Tab should run OnTab now.
	Claim func() bool
	// OnTab runs when Tab is pressed and Claim allows it.
	OnTab func()
}

// NewTabEntry returns an empty TabEntry.
func NewTabEntry() *TabEntry {
	e := &TabEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab tells the window that Tab is the entry's own key while Claim allows it.
func (e *TabEntry) AcceptsTab() bool {
	return e.OnTab != nil && e.Claim != nil && e.Claim()
}

// TypedKey runs OnTab for a claimed Tab and leaves every other key to the entry.
func (e *TabEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyTab && e.AcceptsTab() {
		e.OnTab()
		return
	}
	e.Entry.TypedKey(k)
}
