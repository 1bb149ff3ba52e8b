package app

import (
	"strconv"
	"strings"

	"samspil/app/i18n"
	"samspil/data"
)

// A person's save refused because another coordinator saved the person
// after this form loaded it is merged three ways: the form loaded base,
// the store holds theirs, the form holds mine. What only they changed
// comes into the form; what this coordinator changed stays; where both
// changed a field, theirs is named and mine stays in the field.

// personField is one field of the person form, for the merge.
type personField struct {
	key  string                                       // the field; its label is field.<key>
	of   func(p *data.Person) string                  // its value, to compare
	text func(d *personDetail, p *data.Person) string // its value as the message shows it
	put  func(d *personDetail, p *data.Person)        // shows p's value in the form
}

// personFields are the fields of the person form, in its order.
var personFields = []personField{
	{"name", func(p *data.Person) string { return p.Name }, nil,
		func(d *personDetail, p *data.Person) { d.name.SetText(p.Name) }},
	{"birth_year", func(p *data.Person) string { return yearText(p.BirthYear) }, nil,
		func(d *personDetail, p *data.Person) { d.birthYear.SetText(yearText(p.BirthYear)) }},
	{"gender", func(p *data.Person) string { return p.Gender },
		func(_ *personDetail, p *data.Person) string { return codeText("gender", p.Gender) },
		func(d *personDetail, p *data.Person) { d.gender.SetCode(p.Gender) }},
	{"phone", func(p *data.Person) string { return p.Phone }, nil,
		func(d *personDetail, p *data.Person) { d.phone.SetText(p.Phone) }},
	{"email", func(p *data.Person) string { return p.Email }, nil,
		func(d *personDetail, p *data.Person) { d.email.SetText(p.Email) }},
	{"first_contact", func(p *data.Person) string { return i18n.DateText(p.FirstContact) }, nil,
		func(d *personDetail, p *data.Person) { d.firstContact.SetText(i18n.DateText(p.FirstContact)) }},
	{"entry_channel", func(p *data.Person) string { return p.EntryChannel },
		func(_ *personDetail, p *data.Person) string { return codeText("entry", p.EntryChannel) },
		func(d *personDetail, p *data.Person) { d.entry.SetCode(p.EntryChannel) }},
	{"invited_by", func(p *data.Person) string { return strconv.FormatInt(p.InvitedBy, 10) },
		func(d *personDetail, p *data.Person) string {
			if p.InvitedBy == 0 {
				return ""
			}
			if who, err := d.u.store.Person(d.u.ctx, p.InvitedBy); err == nil {
				return who.Name
			}
			return "#" + strconv.FormatInt(p.InvitedBy, 10)
		},
		func(d *personDetail, p *data.Person) { d.invitedBy.setID(p.InvitedBy) }},
	{"notes", func(p *data.Person) string { return p.Notes }, nil,
		func(d *personDetail, p *data.Person) { d.notes.SetText(p.Notes) }},
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func codeText(kind, code string) string {
	if code == "" {
		return ""
	}
	return i18n.Label(kind, code)
}

// shown is the field's value in p as a message quotes it: on one line,
// cut short when long, "(tom)" when empty.
func (f personField) shown(d *personDetail, p *data.Person) string {
	s := f.of(p)
	if f.text != nil {
		s = f.text(d, p)
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	if s == "" {
		return i18n.T("person.stale_empty")
	}
	return s
}

// mergeStale merges a save refused as stale (err) with what is stored
// now: mine is what the form held. The form keeps this coordinator's
// edits, takes the other's where this coordinator changed nothing, and
// carries the stored version, so the next save goes through; the message
// names what the other changed and any field both changed. It reports
// false when the stored person cannot be read (then the reload offer is
// what is left).
func (d *personDetail) mergeStale(err error, mine *data.Person) bool {
	stored, lerr := d.u.store.Person(d.u.ctx, mine.ID)
	if lerr != nil || stored.Anonymised {
		return false
	}
	base := d.person
	args := map[string]any{"Who": i18n.T("person.stale_other"), "When": ""}
	if e := data.FieldErrors(err)[""]; e != nil && e.Args["Who"] != nil {
		args["Who"], args["When"] = e.Args["Who"], e.Args["When"]
	}
	var theirs, clashes []string
	d.loading = true
	for _, f := range personFields {
		b, s, m := f.of(base), f.of(stored), f.of(mine)
		if s == b {
			continue // they did not change it: the form keeps what it shows
		}
		label := i18n.T("field." + f.key)
		switch {
		case m == b: // only they changed it
			f.put(d, stored)
			theirs = append(theirs, i18n.Tf("person.stale_value", map[string]any{"Field": label, "Value": f.shown(d, stored)}))
		case m != s: // both, differently: theirs named, mine kept
			clashes = append(clashes, i18n.Tf("person.stale_clash", map[string]any{"Field": label, "Who": args["Who"],
				"Theirs": f.shown(d, stored), "Mine": f.shown(d, mine)}))
		default: // both typed the same
			theirs = append(theirs, i18n.Tf("person.stale_value", map[string]any{"Field": label, "Value": f.shown(d, stored)}))
		}
	}
	d.loading = false
	d.person = stored
	if now, ferr := d.form(); ferr == nil {
		d.changed = !samePerson(now, stored)
	}
	if !d.changed {
		d.title.SetText(stored.Name)
	}
	var b strings.Builder
	if len(theirs)+len(clashes) == 0 {
		b.WriteString(i18n.Tf("person.stale_no_field", args))
	} else {
		b.WriteString(i18n.Tf("person.stale_changed", args))
		for _, l := range append(theirs, clashes...) {
			b.WriteString("\n• " + l)
		}
	}
	b.WriteString("\n\n" + i18n.T("person.stale_kept"))
	msg := b.String()
	d.fields.clear()
	d.fields.summary.SetText(msg)
	d.fields.summary.Show()
	d.u.choose(i18n.T("person.stale_title"), msg, []string{i18n.T("person.stale_check")}, 0, func(int) {})
	return true
}

// samePerson reports whether the form fields of a and b are the same.
func samePerson(a, b *data.Person) bool {
	for _, f := range personFields {
		if f.of(a) != f.of(b) {
			return false
		}
	}
	return true
}
