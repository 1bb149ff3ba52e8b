package widget

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"samspil/data"
)

func TestDateFieldReportsOnlyDatesTypedInFull(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateField(data.MustDate("2026-11-24"), "dd-mm-åååå", "ugyldig dato")
	var got []data.Date
	e.OnDate = func(d data.Date) { got = append(got, d) }
	w := test.NewWindow(e)
	defer w.Close()
	w.Canvas().Focus(e)

	// Correct 24 to 14: delete the 2 (leaving "4-11-2026", a valid but
	// unwanted date), then type the 1.
	e.CursorColumn = 1
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != "4-11-2026" || len(got) != 0 {
		t.Fatalf("after deleting a digit: text %q, reported %v; want nothing reported", e.Text, got)
	}
	e.TypedRune('1')
	if len(got) != 1 || got[0] != data.MustDate("2026-11-14") {
		t.Fatalf("reported %v, want 2026-11-14 once", got)
	}

	// A short form is taken on Enter and written out in full.
	e.SetText("")
	test.Type(e, "3-2-2026")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Text != "03-02-2026" || got[len(got)-1] != data.MustDate("2026-02-03") {
		t.Fatalf("after Enter: text %q, reported %v", e.Text, got)
	}

	// Leaving the field takes it too; the same date again is no news.
	n := len(got)
	e.SetText("2026-02-03")
	e.FocusLost()
	if len(got) != n {
		t.Fatalf("the same date reported again: %v", got)
	}
	if e.Text != "03-02-2026" {
		t.Fatalf("ISO date not written the Danish way: %q", e.Text)
	}
}

func TestDateFieldSetDateDoesNotReportAndInvalidTextIsShown(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateField(data.Date{}, "dd-mm-åååå", "ugyldig dato")
	reported := false
	e.OnDate = func(data.Date) { reported = true }
	e.SetDate(data.MustDate("2026-01-05"))
	if reported || e.Text != "05-01-2026" {
		t.Fatalf("SetDate: text %q, reported %v", e.Text, reported)
	}
	e.SetText("31-02-2026")
	if err := e.Validate(); err == nil || err.Error() != "ugyldig dato" {
		t.Fatalf("31-02-2026 validates as %v", err)
	}
}

func TestDateFieldCalendarPickReports(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateField(data.MustDate("2026-11-24"), "", "")
	var got data.Date
	e.OnDate = func(d data.Date) { got = d }
	w := test.NewWindow(e)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 400))
	test.Tap(e.ActionItem.(fyne.Tappable))
	if e.popUp == nil || !e.popUp.Visible() {
		t.Fatal("the calendar did not open")
	}
	e.pick(time.Date(2026, 11, 17, 0, 0, 0, 0, time.Local))
	if got != data.MustDate("2026-11-17") || e.Text != "17-11-2026" || e.popUp.Visible() {
		t.Fatalf("picked: reported %v, text %q, pop-up open %v", got, e.Text, e.popUp.Visible())
	}
}
