package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/export"
)

// exportPrivacy is the export screen's part about protecting the people
// in the file: the k of the people table's k-check, and, when the logbook
// goes along, how many identifiers of each kind its scrubbing replaces,
// with the scrubbed notes to read before the file is written.
type exportPrivacy struct {
	k        *widget.Entry
	scrubbed *widget.Label
	look     *widget.Button
	box      *fyne.Container
	notes    []export.ScrubbedEntry
	win      fyne.Window
}

func newExportPrivacy(fields *fieldSet, changed func(string), win fyne.Window) *exportPrivacy {
	p := &exportPrivacy{win: win}
	p.k = fields.entry("k", widget.NewEntry())
	p.k.SetText(strconv.Itoa(export.DefaultK))
	p.k.OnChanged = changed
	p.scrubbed = widget.NewLabel("")
	p.scrubbed.Wrapping = fyne.TextWrapWord
	p.look = widget.NewButton(i18n.T("export.look_at_notes"), p.showNotes)
	p.box = container.NewVBox(p.scrubbed, container.NewHBox(p.look))
	p.box.Hide()
	return p
}

// kValue reads the k field; anything but a whole number is refused by name.
func (p *exportPrivacy) kValue() (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(p.k.Text))
	if err != nil {
		return 0, data.Errors{&data.Error{Code: "err.number", Field: "k"}}
	}
	if n == 0 {
		return 0, data.Errors{&data.Error{Code: "err.range", Field: "k", Args: map[string]any{"Min": 1, "Max": export.MaxK}}}
	}
	return n, nil
}

// show puts the scrubbing's counts on the screen, or hides them when the
// export carries no scrubbed notes.
func (p *exportPrivacy) show(preview *export.ScrubPreview) {
	if preview == nil {
		p.notes = nil
		p.box.Hide()
		return
	}
	p.notes = preview.Entries
	var parts []string
	for _, kind := range export.ScrubKinds {
		if n := preview.Counts[kind]; n > 0 {
			parts = append(parts, i18n.Tf("scrub."+kind, map[string]any{"Count": n}))
		}
	}
	counts := i18n.T("export.scrubbed_nothing")
	if len(parts) > 0 {
		counts = strings.Join(parts, ", ")
	}
	p.scrubbed.SetText(i18n.Tf("export.scrubbed", map[string]any{"Entries": len(preview.Entries), "Counts": counts}))
	p.box.Show()
}

// showNotes shows the notes as the evaluators will get them, whole.
func (p *exportPrivacy) showNotes() {
	box := container.NewVBox()
	for _, n := range p.notes {
		l := widget.NewLabel(i18n.DateText(n.Date) + " — " + n.Text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	d := dialog.NewCustom(i18n.T("export.notes_title"), i18n.T("export.notes_close"), container.NewVScroll(box), p.win)
	size := p.win.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width*0.9, size.Height*0.8))
	d.Show()
}
