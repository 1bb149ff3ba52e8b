package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	sw "samspil/app/widget"
	"samspil/data"
)

// consentsTab shows a person's consents, adds one and withdraws one.
type consentsTab struct {
	*recordsTab[data.Consent]
	purpose *codeSelect
	givenOn *sw.DateField
	method  *widget.Entry
}

func newConsentsTab(e env) *consentsTab {
	t := &consentsTab{}
	t.recordsTab = newRecordsTab(e, consentLine, func(ctx context.Context, id int64) ([]data.Consent, error) { return e.db().Consents(ctx, id) })
	t.purpose = newCodeSelect("consent", data.ConsentPurposes, "", nil)
	t.purpose.SetCode("registration")
	t.givenOn = t.fields.date("given_on", newDateEntry(data.Today()))
	t.method = t.fields.entry("method", widget.NewEntry())
	t.method.SetPlaceHolder(i18n.T("person.method_hint"))
	t.lay(widget.NewForm(
		widget.NewFormItem(i18n.T("field.purpose"), t.purpose),
		widget.NewFormItem(i18n.T("field.given_on"), t.givenOn),
		widget.NewFormItem(i18n.T("field.method"), t.method)),
		widget.NewButton(i18n.T("person.add_consent"), t.add),
		widget.NewButton(i18n.T("person.withdraw_consent"), t.withdraw))
	return t
}

func consentLine(c data.Consent) string {
	line := fmt.Sprintf("%s: %s %s", i18n.Label("consent", c.Purpose), i18n.T("person.given"), i18n.DateText(c.GivenOn))
	if c.Method != "" {
		line += " (" + c.Method + ")"
	}
	if !c.WithdrawnOn.IsZero() {
		line += ", " + i18n.T("person.withdrawn") + " " + i18n.DateText(c.WithdrawnOn)
	}
	return line
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
	c, ok := t.selectedRow()
	if !ok {
		return
	}
	c.WithdrawnOn = data.Today()
	t.after(t.e.db().SaveConsent(t.e.context(), &c))
}
