package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// mergeField is one field of the merge dialog: both values, and how to put
// the chosen one into the merged person.
type mergeField struct {
	key    string
	a, b   string
	choose func(p *data.Person, fromB bool)
}

// askMerge merges another record of the same person into this one: unsaved
// edits in the form are saved first (after asking), then it shows both side
// by side, lets the user choose field by field and where the records
// disagree, makes a backup and merges in one transaction.
func (d *personDetail) askMerge() {
	if d.dirty() {
		d.u.confirm(i18n.T("merge.unsaved_title"), i18n.T("merge.unsaved"), func() {
			var saveFirst func()
			saveFirst = func() {
				if err := d.save(); err != nil {
					d.u.reportSave(err, saveFirst)
					return
				}
				d.pickMerge()
			}
			saveFirst()
		})
		return
	}
	d.pickMerge()
}

// pickMerge asks which record to merge into the one shown.
func (d *personDetail) pickMerge() {
	a := d.person
	d.u.pickPerson(i18n.T("person.merge_pick"), func(row data.PersonRow) {
		if row.ID == a.ID {
			return
		}
		b, err := d.u.store.Person(d.u.ctx, row.ID)
		if err != nil {
			d.u.showError(err)
			return
		}
		d.showMerge(a, b)
	})
}

// showMerge shows the merge dialog of a and b with the questions where
// they disagree.
func (d *personDetail) showMerge(a, b *data.Person) {
	c, err := d.u.store.MergeConflicts(d.u.ctx, a.ID, b.ID)
	if err != nil {
		d.u.showError(err)
		return
	}
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return fmt.Sprint(y)
	}
	fields := []mergeField{
		{"name", a.Name, b.Name, func(p *data.Person, fromB bool) { p.Name = pick(fromB, a.Name, b.Name) }},
		{"birth_year", year(a.BirthYear), year(b.BirthYear), func(p *data.Person, fromB bool) {
			p.BirthYear = pick(fromB, a.BirthYear, b.BirthYear)
		}},
		{"gender", i18n.Label("gender", a.Gender), i18n.Label("gender", b.Gender), func(p *data.Person, fromB bool) { p.Gender = pick(fromB, a.Gender, b.Gender) }},
		{"phone", a.Phone, b.Phone, func(p *data.Person, fromB bool) { p.Phone = pick(fromB, a.Phone, b.Phone) }},
		{"email", a.Email, b.Email, func(p *data.Person, fromB bool) { p.Email = pick(fromB, a.Email, b.Email) }},
		{"first_contact", i18n.DateText(a.FirstContact), i18n.DateText(b.FirstContact), func(p *data.Person, fromB bool) {
			p.FirstContact = pick(fromB, a.FirstContact, b.FirstContact)
		}},
		{"entry_channel", i18n.Label("entry", a.EntryChannel), i18n.Label("entry", b.EntryChannel), func(p *data.Person, fromB bool) {
			p.EntryChannel = pick(fromB, a.EntryChannel, b.EntryChannel)
		}},
		{"notes", a.Notes, b.Notes, func(p *data.Person, fromB bool) { p.Notes = pick(fromB, a.Notes, b.Notes) }},
	}
	form := widget.NewForm()
	radios := make([]*widget.RadioGroup, len(fields))
	for i, f := range fields {
		optA, optB := "A: "+orDash(f.a), "B: "+orDash(f.b)
		r := widget.NewRadioGroup([]string{optA, optB}, nil)
		r.Horizontal = true
		r.Required = true
		// Keep this record's value unless it is empty and the other's is not.
		r.SetSelected(optA)
		if f.a == "" && f.b != "" {
			r.SetSelected(optB)
		}
		radios[i] = r
		form.Append(i18n.T("field."+f.key), r)
	}
	q := newMergeQuestions(form, c)
	contact := newContactNote(a, b)
	form.Append(i18n.T("merge.not_kept"), contact.box)
	chosen := func() data.Person {
		merged := *a
		for i, f := range fields {
			f.choose(&merged, radios[i].Selected == radios[i].Options[1])
		}
		return merged
	}
	for _, r := range radios {
		r.OnChanged = func(string) { p := chosen(); contact.update(&p) }
	}
	first := chosen()
	contact.update(&first)
	var dlg dialog.Dialog
	mergeBtn := widget.NewButton(i18n.T("person.merge"), func() {
		merged := chosen()
		contact.keepIn(&merged)
		opt := q.options()
		d.u.confirm(i18n.T("person.merge"), i18n.Tf("person.merge_confirm", map[string]any{"A": a.Name, "B": b.Name}), func() {
			if _, err := d.u.store.BackupBefore(d.u.ctx, d.u.backupsDir(), "merge", d.u.settings().BackupsKept); err != nil {
				d.u.showError(err)
				return
			}
			if err := d.u.store.MergePeopleWith(d.u.ctx, &merged, b.ID, opt); err != nil {
				if data.IsStale(err) {
					dlg.Hide()
					d.offerReload(err, a.ID)
					return
				}
				d.u.showError(err)
				return
			}
			dlg.Hide()
			d.load(a.ID)
			if d.saved != nil {
				d.saved(a.ID)
			}
		})
	})
	mergeBtn.Importance = widget.HighImportance
	intro := widget.NewLabel(i18n.Tf("person.merge_intro", map[string]any{"A": a.Name, "B": b.Name}))
	intro.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton(i18n.T("ui.cancel"), func() { dlg.Hide() }), mergeBtn)
	dlg = dialog.NewCustomWithoutButtons(i18n.T("person.merge"), container.NewBorder(intro, buttons, nil, nil, container.NewVScroll(form)), d.u.win)
	dlg.Resize(dialogSize(d.u.win, 900, 640))
	dlg.Show()
}

func pick[T any](fromB bool, a, b T) T {
	if fromB {
		return b
	}
	return a
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
