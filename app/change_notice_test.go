package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestChangeNoticeShowsAndReloads(t *testing.T) {
	test.NewTempApp(t)
	reloaded, laidOut := 0, 0
	n := newChangeNotice("Genindlæs", func() { reloaded++ }, func() { laidOut++ })
	if n.shown() {
		t.Fatal("a new notice is shown")
	}
	n.show("Ændret af en anden")
	if !n.shown() || n.text.Text != "Ændret af en anden" || laidOut != 1 {
		t.Fatalf("shown %v, text %q, laid out %d times", n.shown(), n.text.Text, laidOut)
	}
	test.Tap(n.button)
	if reloaded != 1 {
		t.Fatalf("reload ran %d times", reloaded)
	}
	n.hide()
	if n.shown() || laidOut != 2 {
		t.Fatalf("shown %v after hide, laid out %d times", n.shown(), laidOut)
	}
}
