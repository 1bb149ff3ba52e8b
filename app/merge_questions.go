package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// mergeQuestions are the merge dialog's questions where the two records
// disagree: whose group applies on days their periods differ, and which
// of two equal-level roles stands on a shared occasion.
type mergeQuestions struct {
	periods *widget.RadioGroup // nil without disagreeing periods
	roles   []*widget.RadioGroup
	choices []data.RoleChoice
}

// newMergeQuestions appends a question to form for each disagreement in c.
func newMergeQuestions(form *widget.Form, c *data.MergeConflicts) *mergeQuestions {
	q := &mergeQuestions{choices: c.EqualRoles}
	if len(c.Overlaps) > 0 {
		var ka, kb []string
		for _, o := range c.Overlaps {
			ka = append(ka, periodText(o.Keep))
			kb = append(kb, periodText(o.Drop))
		}
		q.periods = widget.NewRadioGroup([]string{"A: " + strings.Join(ka, "; "), "B: " + strings.Join(kb, "; ")}, nil)
		q.periods.Required = true
		q.periods.SetSelected(q.periods.Options[0])
		form.Append(i18n.T("merge.periods"), container.NewVBox(wrapped(i18n.T("merge.periods_hint")), q.periods))
	}
	for _, rc := range c.EqualRoles {
		ka, kb := rc.KeepRoleName, rc.DropRoleName
		if i18n.Language() == i18n.English {
			ka, kb = rc.KeepRoleNameEn, rc.DropRoleNameEn
		}
		r := widget.NewRadioGroup([]string{"A: " + ka, "B: " + kb}, nil)
		r.Horizontal = true
		r.Required = true
		r.SetSelected(r.Options[0])
		q.roles = append(q.roles, r)
		form.Append(i18n.Tf("merge.role_on", map[string]any{"Date": i18n.DateText(rc.Date), "Activity": rc.Activity}), r)
	}
	return q
}

// options are the answers as the merge takes them.
func (q *mergeQuestions) options() data.MergeOptions {
	opt := data.MergeOptions{Roles: map[int64]int64{}}
	if q.periods != nil {
		opt.PeriodsFromDrop = q.periods.Selected == q.periods.Options[1]
	}
	for i, r := range q.roles {
		rc := q.choices[i]
		opt.Roles[rc.OccasionID] = pick(r.Selected == r.Options[1], rc.KeepRole, rc.DropRole)
	}
	return opt
}

// periodText is a group period as "Frivillig 01-01-2026 – 31-03-2026".
func periodText(g *data.GroupPeriod) string {
	return groupText(g.Group) + " " + i18n.DateText(g.Start) + " – " + i18n.DateText(g.End)
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// contactNote shows the phone numbers and e-mails the merged person will
// not keep, with a tick to keep them in the notes.
type contactNote struct {
	a, b    *data.Person
	label   *widget.Label
	keep    *widget.Check
	box     *fyne.Container
	dropped []string
}

func newContactNote(a, b *data.Person) *contactNote {
	c := &contactNote{a: a, b: b, label: wrapped("")}
	c.keep = widget.NewCheck(i18n.T("merge.keep_in_notes"), nil)
	c.keep.SetChecked(true)
	c.box = container.NewVBox(c.label, c.keep)
	return c
}

// update shows what the chosen values leave out.
func (c *contactNote) update(p *data.Person) {
	c.dropped = nil
	for _, v := range []string{c.a.Phone, c.b.Phone} {
		if v != "" && v != p.Phone {
			c.dropped = append(c.dropped, i18n.T("field.phone")+" "+v)
		}
	}
	for _, v := range []string{c.a.Email, c.b.Email} {
		if v != "" && v != p.Email {
			c.dropped = append(c.dropped, i18n.T("field.email")+" "+v)
		}
	}
	if len(c.dropped) == 0 {
		c.label.SetText(i18n.T("merge.nothing_dropped"))
		c.keep.Hide()
		return
	}
	c.label.SetText(strings.Join(c.dropped, ", "))
	c.keep.Show()
}

// keepIn adds the left-out contact details to p's notes when ticked.
func (c *contactNote) keepIn(p *data.Person) {
	if len(c.dropped) == 0 || !c.keep.Checked {
		return
	}
	line := i18n.T("merge.notes_prefix") + " " + strings.Join(c.dropped, ", ")
	p.Notes = strings.TrimSpace(p.Notes + "\n" + line)
}
