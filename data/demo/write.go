package demo

import (
	"fmt"
	"math"
	"strings"

	"samspil/data"
)

// write stores the simulated partnership through one transaction, so that a
// failed demo leaves no partial data behind.
func (g *generator) write(tx *data.Tx) error {
	st := data.Settings{Partnership: g.tpl.partnership, Organisation: g.tpl.organisation,
		Municipality: g.tpl.municipality, BalanceThreshold: 0.20, NoConsentPolicy: "exclude",
		RetentionMonths: 24, BackupsKept: 14}
	if err := tx.SaveSettings(st); err != nil {
		return err
	}
	for _, m := range g.pop.members {
		if err := g.writeMember(tx, m); err != nil {
			return fmt.Errorf("demo person %q: %w", m.p.Name, err)
		}
	}
	for _, act := range g.activities {
		if act.initiator != nil {
			act.a.InitiatorID = act.initiator.p.ID
		}
		if err := tx.SaveActivity(act.a); err != nil {
			return fmt.Errorf("demo activity %q: %w", act.a.Name, err)
		}
	}
	g.result.People = len(g.pop.members)
	g.result.Activities = len(g.activities)
	for _, p := range g.occasions {
		p.o.ActivityID = p.act.a.ID
		for i, m := range p.people {
			p.o.Participants = append(p.o.Participants, data.Participation{PersonID: m.p.ID, RoleID: g.roles[p.roles[i]]})
		}
		if err := tx.SaveOccasion(p.o); err != nil {
			return fmt.Errorf("demo occasion %s of %q: %w", p.o.Date, p.act.a.Name, err)
		}
		g.result.Occasions++
		g.result.Participations += len(p.o.Participants)
	}
	if err := g.writeLogbook(tx); err != nil {
		return err
	}
	return g.writeTargetSizes(tx)
}

func (g *generator) writeMember(tx *data.Tx, m *member) error {
	if m.inviter != nil && m.inviter.p.ID != 0 {
		m.p.InvitedBy = m.inviter.p.ID
	}
	first := &data.GroupPeriod{Group: m.group, StaffKind: m.staffKind, Start: m.join, CategoryIDs: m.categories}
	if err := tx.SavePerson(m.p, first); err != nil {
		return err
	}
	if !m.switchOn.IsZero() && !m.switchOn.After(m.leave) {
		if err := tx.AddGroupPeriod(&data.GroupPeriod{PersonID: m.p.ID, Group: data.GroupVolunteer, Start: m.switchOn}); err != nil {
			return err
		}
	}
	consents := []data.Consent{{Purpose: "registration", GivenOn: m.join, Method: "skriftligt"}}
	if g.rng.IntN(10) != 0 {
		c := data.Consent{Purpose: "research", GivenOn: m.join, Method: "skriftligt"}
		if g.rng.IntN(20) == 0 && m.leave.Before(g.opt.End) {
			c.WithdrawnOn = m.leave
		}
		consents = append(consents, c)
	}
	if g.rng.IntN(5) < 3 {
		consents = append(consents, data.Consent{Purpose: "photos", GivenOn: m.join, Method: "mundtligt"})
	}
	for i := range consents {
		consents[i].PersonID = m.p.ID
		if err := tx.SaveConsent(&consents[i]); err != nil {
			return err
		}
	}
	if m.group == data.GroupTarget && m.leave.Before(g.opt.End) && g.rng.IntN(100) < 35 {
		kind := drawWeighted(g.rng, map[string]float64{"job": 0.3, "education": 0.25, "internship": 0.1,
			"association": 0.2, "own_initiative": 0.1, "other": 0.05})
		path := &data.Path{PersonID: m.p.ID, Date: m.leave, Kind: kind, Description: pathText[kind]}
		return tx.SavePath(path)
	}
	return nil
}

var pathText = map[string]string{
	"job":            "Fik job i detailhandlen",
	"education":      "Startede på HF",
	"internship":     "Praktik i en børnehave",
	"association":    "Frivillig i den lokale idrætsforening",
	"own_initiative": "Startede et madfællesskab i opgangen",
	"other":          "Flyttede til en anden by",
}

var logTexts = []string{
	"%s var vært i dag og tog imod to nye. God stemning.",
	"%s kom igen efter en pause og fik en fast opgave.",
	"Snak med %s om at starte en ny aktivitet. Vi mødes igen om to uger.",
	"Travlt i dag; %s havde brug for lidt ro og trak sig en times tid, men kom tilbage.",
	"%s foreslog en fast vagtplan. Nogle synes, det bliver for fast.",
	"%s tog ansvar for kaffen og bød velkommen ved døren.",
}

// writeLogbook writes about one entry a week, each about one occasion,
// mentioning someone who came.
func (g *generator) writeLogbook(tx *data.Tx) error {
	authors := g.pop.activeOn(g.opt.End, data.GroupOrgStaff)
	lastWeek := data.Date{}
	for _, p := range g.occasions {
		week := p.o.Date.StartOfWeek()
		if week == lastWeek || len(p.people) == 0 || g.rng.IntN(3) != 0 {
			continue
		}
		lastWeek = week
		who := p.people[g.rng.IntN(len(p.people))]
		name := who.p.Name
		if g.rng.IntN(2) == 0 {
			name = strings.Fields(name)[0]
		}
		e := &data.LogEntry{Date: p.o.Date, OccasionID: p.o.ID, PersonIDs: []int64{who.p.ID},
			Text: fmt.Sprintf(pick(g.rng, logTexts), name), ThemeIDs: []int64{int64(1 + g.rng.IntN(8))}}
		if len(authors) > 0 {
			e.Author = strings.Fields(pick(g.rng, authors).p.Name)[0]
		}
		if err := tx.SaveLogEntry(e); err != nil {
			return fmt.Errorf("demo logbook %s: %w", e.Date, err)
		}
		g.result.LogEntries++
	}
	return nil
}

// writeTargetSizes sets the municipality's target group per year so that the
// share reached rises from the template's first to its last figure, as in
// the booklet (30 % in 2016 to 66 % in 2018 for the culture house).
func (g *generator) writeTargetSizes(tx *data.Tx) error {
	reached := map[int]map[*member]bool{}
	for _, p := range g.occasions {
		y := p.o.Date.Year
		if reached[y] == nil {
			reached[y] = map[*member]bool{}
		}
		for _, m := range p.people {
			if m.groupOn(p.o.Date) == data.GroupTarget {
				reached[y][m] = true
			}
		}
	}
	first, last := g.start.Year, g.opt.End.Year
	for y := first; y <= last; y++ {
		n := len(reached[y])
		if n == 0 {
			continue
		}
		share := g.tpl.reachFrom
		if last > first {
			share += (g.tpl.reachTo - g.tpl.reachFrom) * float64(y-first) / float64(last-first)
		}
		if err := tx.SetTargetSize(y, int(math.Round(float64(n)/share))); err != nil {
			return err
		}
	}
	return nil
}
