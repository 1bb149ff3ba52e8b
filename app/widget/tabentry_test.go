package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTabEntryTakesTabOnlyWhenClaimed(t *testing.T) {
	test.NewTempApp(t)
	e := NewTabEntry()
	claim, tabs := false, 0
	e.Claim = func() bool { return claim }
	e.OnTab = func() { tabs++ }
	if e.AcceptsTab() {
		t.Fatal("Tab taken while not claimed: the focus could never leave the entry")
	}
	claim = true
	if !e.AcceptsTab() {
		t.Fatal("claimed Tab not accepted: the window would move the focus instead")
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	test.Type(e, "ab")
	if tabs != 1 || e.Text != "ab" {
		t.Fatalf("tabs = %d, text %q", tabs, e.Text)
	}
}
