package widget

import (
	"fyne.io/fyne/v2"
	fw "fyne.io/fyne/v2/widget"
)

// KeySelect is a select that can be driven from the keyboard to the end:
// Left and Right step through the options (as in Fyne's select), and
// Enter or Escape runs OnDone — the registration screen sends the focus
// back to the search box with it, ready for the next name.
type KeySelect struct {
	fw.Select

	// OnDone runs when Enter or Escape is pressed on the select.
	OnDone func()
}

// NewKeySelect returns a select of options; changed runs on a new choice.
func NewKeySelect(options []string, changed func(string)) *KeySelect {
	s := &KeySelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey runs OnDone for Enter and Escape and leaves the rest to the select.
func (s *KeySelect) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if s.OnDone != nil {
			s.OnDone()
			return
		}
	}
	s.Select.TypedKey(k)
}
