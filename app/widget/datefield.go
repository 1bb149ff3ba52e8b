package widget

import (
	"regexp"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	fw "fyne.io/fyne/v2/widget"

	"samspil/data"
)

// completeDate matches a date typed in full: dd-mm-yyyy (with - . or /)
// or ISO yyyy-mm-dd. Anything shorter is a date on its way to being typed.
var completeDate = regexp.MustCompile(`^\s*([0-9]{2}[-./][0-9]{2}[-./][0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})\s*$`)

// DateField is a date entry showing the Danish form dd-mm-yyyy (ISO is
// accepted too), with Fyne's calendar in a pop-up behind the button at its
// end. OnDate runs when the field holds a new date: picked in the
// calendar, typed in full, or submitted with Enter or by leaving the field.
// A date half-typed — "4-11-2026" on the way from "24-11-2026" to
// "14-11-2026" — is not reported until the typing is done.
type DateField struct {
	fw.Entry

	// OnDate runs on the UI goroutine with each newly chosen date.
	OnDate func(data.Date)
	// Layout writes a date in the field; Format (dd-mm-yyyy) when nil.
	Layout func(data.Date) string

	reported data.Date
	popUp    *fw.PopUp
	calendar *fw.Calendar
}

// NewDateField returns a field showing d (nothing for the zero date); the
// validator shows invalid while the text is not a date.
func NewDateField(d data.Date, placeholder, invalid string) *DateField {
	e := &DateField{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if _, err := data.ParseDate(s); err != nil {
			return validationError(invalid)
		}
		return nil
	}
	e.ActionItem = fw.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), e.showCalendar)
	e.ActionItem.(*fw.Button).Importance = fw.LowImportance
	e.SetDate(d)
	return e
}

// validationError is the message an invalid date shows.
type validationError string

func (v validationError) Error() string { return string(v) }

// SetDate shows d without reporting it (loading a form is not a choice).
func (e *DateField) SetDate(d data.Date) {
	e.reported = d
	e.SetText(e.show(d))
}

func (e *DateField) show(d data.Date) string {
	if e.Layout != nil && !d.IsZero() {
		return e.Layout(d)
	}
	return Format(d)
}

// Format writes d the Danish way, dd-mm-yyyy; the zero date is "".
func Format(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("02-01-2006")
}

// Date returns the date in the field; "" is the zero date.
func (e *DateField) Date() (data.Date, error) { return data.ParseDate(e.Text) }

// TypedRune reports the date once it is typed in full.
func (e *DateField) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.reportComplete()
}

// TypedKey reports a date submitted with Enter (and one completed by a
// deletion); other keys go to the entry.
func (e *DateField) TypedKey(k *fyne.KeyEvent) {
	e.Entry.TypedKey(k)
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.commit()
	default:
		e.reportComplete()
	}
}

// TypedShortcut reports a date pasted in full.
func (e *DateField) TypedShortcut(s fyne.Shortcut) {
	e.Entry.TypedShortcut(s)
	e.reportComplete()
}

// FocusLost takes whatever date was typed as chosen.
func (e *DateField) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

// commit reports any valid date in the field and writes it in full.
func (e *DateField) commit() {
	d, err := e.Date()
	if err != nil || d.IsZero() {
		return
	}
	if e.Text != e.show(d) {
		e.SetText(e.show(d))
	}
	e.report(d)
}

func (e *DateField) reportComplete() {
	if !completeDate.MatchString(e.Text) {
		return
	}
	if d, err := e.Date(); err == nil {
		e.report(d)
	}
}

func (e *DateField) report(d data.Date) {
	if d == e.reported {
		return
	}
	e.reported = d
	if e.OnDate != nil {
		e.OnDate(d)
	}
}

// showCalendar opens Fyne's calendar below the field at the date shown
// (or today); a click on a day fills the field and reports the date.
func (e *DateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := time.Now()
	if d, err := e.Date(); err == nil && !d.IsZero() {
		start = d.Time()
	}
	e.calendar = fw.NewCalendar(start, e.pick)
	e.popUp = fw.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// pick takes a day clicked in the calendar.
func (e *DateField) pick(t time.Time) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	d := data.DateOf(t)
	e.SetText(e.show(d))
	e.report(d)
}
