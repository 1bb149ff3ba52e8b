package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestChangeNoticeShowsAndReloads(t *testing.T) {
	test.NewTempApp(t)
	reloaded := 0
	n := newChangeNotice("Genindlæs", func() { reloaded++ })
	if n.shown() {
		t.Fatal("a new notice is shown")
	}
	n.show("Ændret af en anden")
	if !n.shown() || n.text.Text != "Ændret af en anden" {
		t.Fatalf("shown %v, text %q", n.shown(), n.text.Text)
	}
	test.Tap(n.button)
	if reloaded != 1 {
		t.Fatalf("reload ran %d times", reloaded)
	}
	n.hide()
	if n.shown() {
		t.Fatal("still shown after hide")
	}
}
