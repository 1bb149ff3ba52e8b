package app

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// personDetail is the form of one person with their group periods,
// consents, onward paths, role timeline and logbook mentions.
type personDetail struct {
	u       *UI
	root    fyne.CanvasObject
	saved   func(id int64)
	person  *data.Person
	loading bool
	changed bool

	fields       *fieldSet
	title        *widget.Label
	name         *widget.Entry
	duplicates   *widget.Label
	birthYear    *widget.Entry
	gender       *codeSelect
	phone        *widget.Entry
	email        *widget.Entry
	firstContact *sw.DateField
	entry        *codeSelect
	invitedBy    *personButton
	notes        *widget.Entry
	firstGroup   *groupChooser // only for a new person
	firstBox     *fyne.Container
	deleteBtn    *widget.Button
	saveBtn      *widget.Button
	mergeBtn     *widget.Button
	tabs         *container.AppTabs
	sections     *personSections
	notice       *changeNotice // the person shown was changed by another coordinator
}

func newPersonDetail(u *UI, saved func(id int64)) *personDetail {
	d := &personDetail{u: u, saved: saved, fields: newFieldSet()}
	touch := func(string) { d.touch() }
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.name = d.fields.entry("name", widget.NewEntry())
	d.name.OnChanged = func(s string) { d.touch(); d.checkDuplicates(s) }
	d.duplicates = widget.NewLabel("")
	d.duplicates.Importance = widget.WarningImportance
	d.duplicates.Wrapping = fyne.TextWrapWord
	d.duplicates.Hide()
	d.birthYear = d.fields.entry("birth_year", widget.NewEntry())
	d.birthYear.OnChanged = touch
	d.gender = newCodeSelect("gender", data.Genders, i18n.T("ui.none"), touch)
	d.phone = d.fields.entry("phone", widget.NewEntry())
	d.phone.OnChanged = touch
	d.email = d.fields.entry("email", widget.NewEntry())
	d.email.OnChanged = touch
	d.firstContact = d.fields.date("first_contact", newDateEntry(data.Date{}))
	d.firstContact.OnChanged = touch
	d.entry = newCodeSelect("entry", data.EntryChannels, "", touch)
	d.invitedBy = newPersonButton(u, d.touch)
	d.notes = d.fields.entry("notes", widget.NewMultiLineEntry())
	d.notes.OnChanged = touch
	d.notes.SetMinRowsVisible(3)
	d.firstGroup = newGroupChooser(u, d.fields, d.touch)
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.name"), container.NewVBox(d.name, d.duplicates)),
		widget.NewFormItem(i18n.T("field.birth_year"), d.birthYear),
		widget.NewFormItem(i18n.T("field.gender"), container.NewVBox(d.gender, d.fields.note("gender"))),
		widget.NewFormItem(i18n.T("field.phone"), d.phone),
		widget.NewFormItem(i18n.T("field.email"), d.email),
		widget.NewFormItem(i18n.T("field.first_contact"), d.firstContact),
		widget.NewFormItem(i18n.T("field.entry_channel"), container.NewVBox(d.entry, d.fields.note("entry_channel"))),
		widget.NewFormItem(i18n.T("field.invited_by"), container.NewVBox(d.invitedBy, d.fields.note("invited_by"))),
		widget.NewFormItem(i18n.T("field.notes"), d.notes),
	)
	d.firstBox = container.NewVBox(widget.NewLabelWithStyle(i18n.T("person.first_group"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.firstGroup.root)
	d.saveBtn = widget.NewButton(i18n.T("ui.save"), u.saveAgain(d.save))
	d.saveBtn.Importance = widget.HighImportance
	d.deleteBtn = widget.NewButton(i18n.T("ui.delete"), d.askDelete)
	d.deleteBtn.Importance = widget.DangerImportance
	d.mergeBtn = widget.NewButton(i18n.T("person.merge_with"), d.askMerge)
	buttons := container.NewHBox(d.saveBtn, d.mergeBtn, d.deleteBtn)
	d.sections = newPersonSections(u)
	var formBox *fyne.Container
	d.notice = newChangeNotice(i18n.T("ui.reload"), d.askReload, func() { formBox.Refresh() })
	formBox = container.NewVBox(form, d.firstBox, d.fields.summary, d.notice.root, buttons)
	formTab := container.NewVScroll(formBox)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(i18n.T("person.tab_details"), formTab),
		container.NewTabItem(i18n.T("person.tab_timeline"), d.sections.timeline.content()),
		container.NewTabItem(i18n.T("person.tab_groups"), d.sections.groups.content()),
		container.NewTabItem(i18n.T("person.tab_consents"), d.sections.consents.content()),
		container.NewTabItem(i18n.T("person.tab_paths"), d.sections.paths.content()),
		container.NewTabItem(i18n.T("person.tab_logbook"), d.sections.mentions.content()),
	)
	d.root = container.NewBorder(d.title, nil, nil, nil, d.tabs)
	d.startNew()
	return d
}

// alreadyShown reports whether err is already in front of the user: a
// validation error the form shows at its fields, or errAsked, a question
// the save put to the user instead of saving. A lost connection is not:
// it needs its Try again (see reportSave).
func alreadyShown(err error) bool {
	if errors.Is(err, data.ErrConnection) {
		return false
	}
	return err == errAsked || len(data.FieldErrors(err)) > 0
}

func (d *personDetail) touch() {
	if !d.loading {
		d.changed = true
	}
}

func (d *personDetail) personID() int64 {
	if d.person == nil {
		return 0
	}
	return d.person.ID
}

func (d *personDetail) reloadCatalogs() { d.firstGroup.reloadCategories() }

// startNew empties the form for a new person.
func (d *personDetail) startNew() {
	d.show(&data.Person{EntryChannel: "other", FirstContact: data.Today()})
}

// load shows the person with the id.
func (d *personDetail) load(id int64) {
	p, err := d.u.store.Person(d.u.ctx, id)
	if err != nil {
		d.u.showError(err)
		return
	}
	d.show(p)
}

func (d *personDetail) show(p *data.Person) {
	d.loading = true
	defer func() { d.loading = false }()
	d.person = p
	d.changed = false
	d.notice.hide()
	d.fields.clear()
	d.duplicates.Hide()
	d.name.SetText(p.Name)
	d.birthYear.SetText("")
	if p.BirthYear != 0 {
		d.birthYear.SetText(strconv.Itoa(p.BirthYear))
	}
	d.gender.SetCode(p.Gender)
	d.phone.SetText(p.Phone)
	d.email.SetText(p.Email)
	d.firstContact.SetText(i18n.DateText(p.FirstContact))
	d.entry.SetCode(p.EntryChannel)
	d.invitedBy.setID(p.InvitedBy)
	d.notes.SetText(p.Notes)
	if p.ID == 0 {
		d.title.SetText(i18n.T("person.new_title"))
		d.firstGroup.reset()
		d.firstBox.Show()
		d.deleteBtn.Hide()
		d.mergeBtn.Hide()
		d.tabs.SelectIndex(0)
		for i := 1; i < len(d.tabs.Items); i++ {
			d.tabs.DisableIndex(i)
		}
		d.u.focus(d.name)
	} else {
		d.title.SetText(p.Name)
		d.firstBox.Hide()
		d.deleteBtn.Show()
		d.mergeBtn.Show()
		for i := 1; i < len(d.tabs.Items); i++ {
			d.tabs.EnableIndex(i)
		}
	}
	d.sections.load(p.ID)
}

// form reads the widgets into a person; parse errors are field errors.
func (d *personDetail) form() (*data.Person, error) {
	p := *d.person
	var es data.Errors
	p.Name = d.name.Text
	var err error
	if p.BirthYear, err = intOf(d.birthYear, "birth_year"); err != nil {
		es = append(es, err.(*data.Error))
	}
	p.Gender = d.gender.Code()
	p.Phone = d.phone.Text
	p.Email = d.email.Text
	if p.FirstContact, err = dateOf(d.firstContact, "first_contact"); err != nil {
		es = append(es, err.(*data.Error))
	}
	p.EntryChannel = d.entry.Code()
	p.InvitedBy = d.invitedBy.id
	p.Notes = d.notes.Text
	if len(es) > 0 {
		return nil, es
	}
	return &p, nil
}

func (d *personDetail) dirty() bool { return d.changed }

func (d *personDetail) discard() { d.show(d.person) }

// save validates and stores the form. A new person whose name is close to
// someone already registered is saved only after the user confirms.
func (d *personDetail) save() error {
	p, err := d.form()
	if err != nil {
		d.fields.show(err)
		return err
	}
	if p.ID == 0 {
		if err := p.Validate(); err != nil {
			d.fields.show(err)
			return err
		}
		dups, _ := d.u.store.LikelyDuplicates(d.u.ctx, p.Name, 0)
		if len(dups) > 0 {
			d.confirmDespiteDuplicates(p, dups)
			return errAsked
		}
	}
	return d.store(p)
}

func (d *personDetail) store(p *data.Person) error {
	var first *data.GroupPeriod
	if p.ID == 0 {
		g, err := d.firstGroup.period(p.FirstContact)
		if err != nil {
			d.fields.show(err)
			return err
		}
		first = g
	}
	if err := d.u.store.SavePerson(d.u.ctx, p, first); err != nil {
		if data.IsStale(err) && !errors.Is(err, data.ErrErased) && p.ID != 0 && d.mergeStale(err, p) {
			return errAsked // the form holds both coordinators' changes, to check and save again
		}
		d.fields.show(err)
		if data.IsStale(err) {
			d.offerReload(err, p.ID)
			return errAsked
		}
		return err
	}
	d.show(p)
	if d.saved != nil {
		d.saved(p.ID)
	}
	return nil
}

// offerReload asks whether to show the saved version of a person whose save
// was refused as stale; an erased person is not shown again.
func (d *personDetail) offerReload(err error, id int64) {
	d.u.offerReload(err, func() {
		if errors.Is(err, data.ErrErased) {
			d.forget(id)
			return
		}
		d.load(id)
	})
}

// forget empties the form when it shows the person with the id (erased or
// merged away by an operation) and refreshes the list.
func (d *personDetail) forget(id int64) {
	if d.personID() != id {
		return
	}
	d.startNew()
	if d.saved != nil {
		d.saved(0)
	}
}

func (d *personDetail) confirmDespiteDuplicates(p *data.Person, dups []data.PersonRow) {
	names := make([]string, len(dups))
	for i, r := range dups {
		names[i] = "• " + personLine(r)
	}
	msg := i18n.T("person.duplicates_confirm") + "\n\n" + strings.Join(names, "\n")
	dialog.ShowConfirm(i18n.T("person.duplicates_title"), msg, func(ok bool) {
		if ok {
			d.u.saveAgain(func() error { return d.store(p) })()
		}
	}, d.u.win)
}

// checkDuplicates shows, while a new person's name is typed, who it resembles.
func (d *personDetail) checkDuplicates(name string) {
	if d.loading || d.person == nil || d.person.ID != 0 || len(strings.TrimSpace(name)) < 3 {
		d.duplicates.Hide()
		return
	}
	var dups []data.PersonRow
	d.u.background(func() error {
		var err error
		dups, err = d.u.store.LikelyDuplicates(d.u.ctx, name, 0)
		return err
	}, func(err error) {
		if err != nil || len(dups) == 0 || d.name.Text != name {
			if d.name.Text == name {
				d.duplicates.Hide()
			}
			return
		}
		names := make([]string, len(dups))
		for i, r := range dups {
			names[i] = personLine(r)
		}
		d.duplicates.SetText(i18n.T("person.resembles") + " " + strings.Join(names, "; "))
		d.duplicates.Show()
	})
}

// askDelete deletes a person who never took part, after a confirmation
// that says what will happen. For someone with participations it offers
// the two ways the right to erasure allows: anonymise (the counts stay) or
// delete completely (the participations go too).
func (d *personDetail) askDelete() {
	p := d.person
	n, err := d.u.store.ParticipationCount(d.u.ctx, p.ID)
	if err != nil {
		d.u.showError(err)
		return
	}
	done := func(err error) {
		if err != nil {
			d.u.showError(err)
			return
		}
		d.startNew()
		if d.saved != nil {
			d.saved(0)
		}
	}
	erased := func(err error) {
		done(err)
		if err == nil {
			d.u.offerEraseFromBackups()
		}
	}
	if n == 0 {
		d.u.confirm(i18n.T("person.delete_title"), i18n.Tf("person.delete_confirm", map[string]any{"Name": p.Name}), func() {
			done(d.u.store.DeletePerson(d.u.ctx, p.ID))
		})
		return
	}
	var dlg dialog.Dialog
	erase := widget.NewButton(i18n.T("person.erase"), func() {
		dlg.Hide()
		d.u.confirm(i18n.T("person.erase"), i18n.Tf("person.erase_confirm", map[string]any{"Name": p.Name, "Count": n})+"\n\n"+d.u.backupsNote(), func() {
			erased(d.u.store.ErasePerson(d.u.ctx, p.ID))
		})
	})
	erase.Importance = widget.WarningImportance
	full := widget.NewButton(i18n.T("person.delete_full"), func() {
		dlg.Hide()
		d.u.confirm(i18n.T("person.delete_full"), i18n.Tf("person.delete_full_confirm", map[string]any{"Name": p.Name, "Count": n})+"\n\n"+d.u.backupsNote(), func() {
			erased(d.u.store.DeletePersonCompletely(d.u.ctx, p.ID))
		})
	})
	full.Importance = widget.DangerImportance
	msg := widget.NewLabel(i18n.Tf("person.has_participations", map[string]any{"Name": p.Name, "Count": n}))
	msg.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons(i18n.T("person.delete_title"), container.NewVBox(msg,
		container.NewHBox(widget.NewButton(i18n.T("ui.cancel"), func() { dlg.Hide() }), erase, full)), d.u.win)
	dlg.Resize(dialogSize(d.u.win, 560, 220))
	dlg.Show()
}
