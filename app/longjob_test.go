package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// findButton returns the button with the text among the window's overlays.
func findButton(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		walk(o)
	}
	if found == nil {
		t.Fatalf("no button %q in the dialogs", text)
	}
	return found
}

func TestLongJobCancelGivesCancelledAndClosesTheDialog(t *testing.T) {
	u := newTestUI(t)
	var got error
	u.longJob("Job", "working", func(ctx context.Context, progress progressFunc) error {
		progress(0.5, "halfway")
		test.Tap(findButton(t, u, i18n.T("ui.cancel")))
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got = err })
	if e, ok := got.(*data.Error); !ok || e.Code != "err.cancelled" {
		t.Fatalf("done got %v, want err.cancelled", got)
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs still open", n)
	}
}

func TestLongJobPassesWorkErrorsOn(t *testing.T) {
	u := newTestUI(t)
	want := &data.Error{Code: "err.required", Field: "name"}
	var got error
	u.longJob("Job", "working", func(context.Context, progressFunc) error { return want }, func(err error) { got = err })
	if got != want {
		t.Fatalf("done got %v, want %v", got, want)
	}
}
