package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	fw "fyne.io/fyne/v2/widget"
)

func TestEmptyStateShowsItsSentenceAndRunsItsStep(t *testing.T) {
	test.NewTempApp(t)
	ran := false
	e := NewEmptyState("Her står aktiviteterne.", fw.NewButton("Ny aktivitet", func() { ran = true }))
	w := test.NewWindow(e)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 200))
	var label *fw.Label
	for _, o := range test.WidgetRenderer(e).Objects() {
		if c, ok := o.(*fyne.Container); ok {
			label = c.Objects[1].(*fw.Label)
		}
	}
	if label == nil || label.Text != "Her står aktiviteterne." {
		t.Fatalf("label = %+v", label)
	}
	test.Tap(e.Actions()[0])
	if !ran {
		t.Fatal("the button's step did not run")
	}
	e.SetShown(false)
	if e.Visible() {
		t.Fatal("still shown")
	}
}
