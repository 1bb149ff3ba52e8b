package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// consentsTab shows a person's consents, adds one and withdraws one.
type consentsTab struct {
	e        env
	root     fyne.CanvasObject
	personID int64
	rows     []data.Consent
	list     *widget.List
	sel      int
	purpose  *codeSelect
	givenOn  *sw.DateField
	method   *widget.Entry
	fields   *fieldSet
}

func newConsentsTab(e env) *consentsTab {
	t := &consentsTab{e: e, sel: -1, fields: newFieldSet()}
	t.list = textList(func() int { return len(t.rows) }, func(i int) string {
		c := t.rows[i]
		line := fmt.Sprintf("%s: %s %s", i18n.Label("consent", c.Purpose), i18n.T("person.given"), i18n.DateText(c.GivenOn))
		if c.Method != "" {
			line += " (" + c.Method + ")"
		}
		if !c.WithdrawnOn.IsZero() {
			line += ", " + i18n.T("person.withdrawn") + " " + i18n.DateText(c.WithdrawnOn)
		}
		return line
	}, func(i int) { t.sel = i })
	t.purpose = newCodeSelect("consent", data.ConsentPurposes, "", nil)
	t.purpose.SetCode("registration")
	t.givenOn = t.fields.date("given_on", newDateEntry(data.Today()))
	t.method = t.fields.entry("method", widget.NewEntry())
	t.method.SetPlaceHolder(i18n.T("person.method_hint"))
	addBtn := widget.NewButton(i18n.T("person.add_consent"), t.add)
	withdrawBtn := widget.NewButton(i18n.T("person.withdraw_consent"), t.withdraw)
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("field.purpose"), t.purpose),
		widget.NewFormItem(i18n.T("field.given_on"), t.givenOn),
		widget.NewFormItem(i18n.T("field.method"), t.method))
	t.root = container.NewBorder(nil, container.NewVBox(form, container.NewHBox(addBtn, withdrawBtn), t.fields.summary),
		nil, nil, t.list)
	return t
}

func (t *consentsTab) content() fyne.CanvasObject { return t.root }

func (t *consentsTab) load(personID int64, _ catalogs) {
	t.personID, t.rows, t.sel = personID, nil, -1
	if personID != 0 {
		var err error
		t.rows, err = t.e.db().Consents(t.e.context(), personID)
		t.e.showError(err)
	}
	t.fields.clear()
	resetList(t.list)
}

func (t *consentsTab) add() {
	given, err := dateOf(t.givenOn, "given_on")
	if err == nil {
		c := &data.Consent{PersonID: t.personID, Purpose: t.purpose.Code(), GivenOn: given, Method: t.method.Text}
		err = t.e.db().SaveConsent(t.e.context(), c)
	}
	t.after(err)
}

func (t *consentsTab) withdraw() {
	if !selected(t.fields, t.sel, len(t.rows)) {
		return
	}
	c := t.rows[t.sel]
	c.WithdrawnOn = data.Today()
	t.after(t.e.db().SaveConsent(t.e.context(), &c))
}

func (t *consentsTab) after(err error) {
	t.fields.show(err)
	if err == nil {
		t.load(t.personID, catalogs{})
	}
}
