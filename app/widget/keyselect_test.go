package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestKeySelectStepsWithArrowsAndFinishesWithEnter(t *testing.T) {
	test.NewTempApp(t)
	var chosen string
	s := NewKeySelect([]string{"Vært", "Aktiv deltager", "Følger"}, func(v string) { chosen = v })
	s.SetSelectedIndex(1)
	done := 0
	s.OnDone = func() { done++ }
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if chosen != "Følger" {
		t.Fatalf("Right chose %q", chosen)
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if done != 2 || chosen != "Følger" {
		t.Fatalf("done %d times, chosen %q", done, chosen)
	}
}
