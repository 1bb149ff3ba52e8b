package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// keyboard drives a test window the way Fyne's GLFW driver delivers a
// person's key presses (internal/driver/glfw/window.go): typed characters
// and keys go to the widget that has the focus; Tab moves the focus on
// unless that widget accepts Tab; a shortcut goes first to the window's
// main menu, then to a focused widget that takes shortcuts (an entry,
// which keeps it even when it does nothing with it), and only then to the
// canvas. A test that taps a button instead cannot see a shortcut that a
// person's Ctrl+S never reaches.
type keyboard struct {
	t *testing.T
	w fyne.Window
}

func (k keyboard) focused() fyne.Focusable {
	k.t.Helper()
	f := k.w.Canvas().Focused()
	if f == nil {
		k.t.Fatal("nothing has the keyboard focus: the key press goes nowhere")
	}
	return f
}

// typeText types s into the focused widget.
func (k keyboard) typeText(s string) {
	k.t.Helper()
	f := k.focused()
	for _, r := range s {
		f.TypedRune(r)
	}
}

// tick types each name into the focused search box and presses Enter,
// as a coordinator ticks people on Registrering.
func (k keyboard) tick(names ...string) {
	k.t.Helper()
	for _, n := range names {
		k.typeText(n)
		k.press(fyne.KeyReturn)
	}
}

// press presses one key without modifiers.
func (k keyboard) press(name fyne.KeyName) {
	k.t.Helper()
	if name == fyne.KeyTab {
		if tb, ok := k.w.Canvas().Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			test.FocusNext(k.w.Canvas())
			return
		}
	}
	k.focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// ctrl presses Ctrl and the key together.
func (k keyboard) ctrl(name fyne.KeyName) {
	k.t.Helper()
	var s fyne.Shortcut = &desktop.CustomShortcut{KeyName: name, Modifier: fyne.KeyModifierShortcutDefault}
	switch name {
	case fyne.KeyA:
		s = &fyne.ShortcutSelectAll{}
	case fyne.KeyC:
		s = &fyne.ShortcutCopy{Clipboard: k.w.Clipboard()}
	case fyne.KeyV:
		s = &fyne.ShortcutPaste{Clipboard: k.w.Clipboard()}
	}
	if menu := k.w.MainMenu(); menu != nil && triggerMenu(menu.Items, s) {
		return
	}
	if f, ok := k.w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	k.w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// triggerMenu runs the first menu item with the shortcut, as the driver's
// triggerMainMenuShortcut does.
func triggerMenu(menus []*fyne.Menu, s fyne.Shortcut) bool {
	for _, m := range menus {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == s.ShortcutName() && i.Action != nil {
				i.Action()
				return true
			}
			if i.ChildMenu != nil && triggerMenu([]*fyne.Menu{i.ChildMenu}, s) {
				return true
			}
		}
	}
	return false
}
