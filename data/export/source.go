package export

import (
	"context"
	"sort"
	"strings"

	"samspil/data"
)

// person is what the export knows of a person.
type person struct {
	id           int64
	key          string // "" when counted without a key
	name         string
	birthYear    int
	gender       string
	entryChannel string
	invitedBy    int64
	firstContact data.Date
	consent      bool // holds a research consent that is not withdrawn
	anonymised   bool // erased: no name left to scrub
	excluded     bool // left out for lack of consent
}

// source holds the catalogues and people of the database being exported.
type source struct {
	s          *data.Store // the view of the export's one read (Store.Read)
	opt        Options
	from, to   data.Date
	keyer      *Keyer
	people     map[int64]*person
	roles      map[int64]data.Role
	categories map[int64]data.Category
	themes     map[int64]data.Theme
	settings   data.Settings
	groups     *data.GroupIndex
	catCodes   map[*data.IndexedPeriod]string
	excluded   int // people left out for lack of research consent
	unkeyed    int // people counted without a key
}

func loadSource(ctx context.Context, s *data.Store, opt Options) (*source, error) {
	src := &source{s: s, opt: opt, people: map[int64]*person{}, roles: map[int64]data.Role{},
		categories: map[int64]data.Category{}, themes: map[int64]data.Theme{}}
	src.from, src.to = opt.bounds()
	var err error
	if src.settings, err = s.Settings(ctx); err != nil {
		return nil, err
	}
	secret, err := s.Secret(ctx)
	if err != nil {
		return nil, err
	}
	src.keyer = NewKeyer(secret, opt.Recipient)
	if err := src.loadCatalogs(ctx); err != nil {
		return nil, err
	}
	if err := src.loadPeople(ctx); err != nil {
		return nil, err
	}
	if src.groups, err = s.LoadGroupIndex(ctx); err != nil {
		return nil, err
	}
	src.catCodes = map[*data.IndexedPeriod]string{}
	src.applyConsent()
	return src, nil
}

func (src *source) loadCatalogs(ctx context.Context) error {
	roles, err := src.s.Roles(ctx)
	if err != nil {
		return err
	}
	for _, r := range roles {
		src.roles[r.ID] = r
	}
	cats, err := src.s.Categories(ctx)
	if err != nil {
		return err
	}
	for _, c := range cats {
		src.categories[c.ID] = c
	}
	themes, err := src.s.Themes(ctx)
	if err != nil {
		return err
	}
	for _, t := range themes {
		src.themes[t.ID] = t
	}
	return nil
}

func (src *source) loadPeople(ctx context.Context) error {
	people, err := src.s.ResearchPeople(ctx)
	if err != nil {
		return err
	}
	for _, r := range people {
		src.people[r.ID] = &person{id: r.ID, name: r.Name, birthYear: r.BirthYear, gender: r.Gender,
			entryChannel: r.EntryChannel, invitedBy: r.InvitedBy, firstContact: r.FirstContact,
			consent: r.ResearchConsent, anonymised: r.Anonymised}
	}
	return nil
}

// groupOn returns the person's group and category codes on day.
func (src *source) groupOn(personID int64, day data.Date) (group, categories string) {
	p := src.groups.On(personID, day)
	if p == nil {
		return "", ""
	}
	return string(p.Group), src.categoryCodes(p)
}

// categoryCodes joins a period's category codes with | in catalogue order,
// computed once per period.
func (src *source) categoryCodes(p *data.IndexedPeriod) string {
	if len(p.Categories) == 0 {
		return ""
	}
	if codes, ok := src.catCodes[p]; ok {
		return codes
	}
	var cats []data.Category
	for _, id := range p.Categories {
		if c, ok := src.categories[id]; ok {
			cats = append(cats, c)
		}
	}
	sort.Slice(cats, func(i, j int) bool { return cats[i].Sort < cats[j].Sort })
	codes := make([]string, len(cats))
	for i, c := range cats {
		codes[i] = c.Code
	}
	joined := strings.Join(codes, "|")
	src.catCodes[p] = joined
	return joined
}

// applyConsent gives each person a key, or leaves them out or unkeyed when
// they hold no research consent, as the settings say. An identified
// (internal) export keys everyone.
func (src *source) applyConsent() {
	for _, p := range src.people {
		switch {
		case src.opt.Identified || p.consent:
			p.key = src.keyer.Key(p.id)
		case src.settings.NoConsentPolicy == "count":
			p.key = ""
		default:
			p.excluded = true
		}
	}
}

// shown reports whether a person is in the export's tables (with a key or,
// when counted without one, without).
func (src *source) shown(id int64) bool {
	p := src.people[id]
	return p != nil && !p.excluded
}

// keyOf returns the key of a person id, "" for none or unkeyed.
func (src *source) keyOf(id int64) string {
	if src.shown(id) {
		return src.people[id].key
	}
	return ""
}

// scopeOf lists, in id order, the people who took part in the period (they
// have stats) or first came in it, and counts those left out or unkeyed.
func (src *source) scopeOf(stats map[int64]*participantStats) []*person {
	var out []*person
	for id, p := range src.people {
		_, took := stats[id]
		contact := !p.firstContact.IsZero() && !p.firstContact.Before(src.from) && !p.firstContact.After(src.to)
		if took || contact {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	src.excluded, src.unkeyed = 0, 0
	for _, p := range out {
		switch {
		case p.excluded:
			src.excluded++
		case p.key == "":
			src.unkeyed++
		}
	}
	return out
}

// participantStats sums up a person's participation in the period.
type participantStats struct {
	count       int
	first, last data.Date
}

// add counts one participation on day.
func (st *participantStats) add(day data.Date) {
	if st.count == 0 || day.Before(st.first) {
		st.first = day
	}
	if st.count == 0 || day.After(st.last) {
		st.last = day
	}
	st.count++
}
