package indicators

import (
	"context"
	"sort"

	"samspil/data"
)

// part is one participation as the indicators need it. Ten years of a busy
// house hold half a million of them, so it is eight bytes without pointers:
// the garbage collector never has to look inside the slice.
type part struct {
	person       int32 // index into dataset.ids
	group        group // the person's group on the occasion's day
	level        int8
	professional bool
	hosting      bool // a host or initiator role
}

// occasion is one occasion with its anonymous guests; its participations
// are parts[first:end].
type occasion struct {
	id         int64
	activity   int32 // index into dataset.activities
	day        data.Date
	guests     int32
	first, end int32
}

// activity is what the initiative and size figures need of an activity.
type activity struct {
	id         int64
	start      data.Date
	initiator  int64
	kind, name string
}

// person is what the entry figures need of a person.
type person struct {
	name         string
	entryChannel string
	invitedBy    int64
}

// path is one onward path.
type path struct {
	person int64
	day    data.Date
	kind   string
}

// dataset is everything up to the end of the period, loaded once. People
// are numbered 0…n-1 in id order so that per-person state is a slice.
type dataset struct {
	occasions  []occasion // up to the end, in date order
	parts      []part     // in the order of the occasions
	activities []activity
	ids        []int64         // person number → id
	number     map[int64]int32 // person id → number
	people     []person        // by number
	paths      []path
	groups     *data.GroupIndex
	settings   data.Settings
	sizes      map[int]int
	network    bool                      // list the network's edges (WithNetwork)
	years      bool                      // work out each calendar year too (WithYears)
	before     *Period                   // the period to compare with (ComparedWith)
	keep       func(personID int64) bool // nil: everyone (Only)
}

// kept reports whether the person counts in the figures.
func (d *dataset) kept(id int64) bool { return d.keep == nil || d.keep(id) }

// load reads everything up to the end of the period.
func (d *dataset) load(ctx context.Context, s *data.Store, to data.Date) error {
	var err error
	if d.groups, err = s.LoadGroupIndex(ctx); err != nil {
		return err
	}
	if d.settings, err = s.Settings(ctx); err != nil {
		return err
	}
	if d.sizes, err = s.TargetSizes(ctx); err != nil {
		return err
	}
	if err := d.loadSmall(ctx, s); err != nil {
		return err
	}
	return d.loadParts(ctx, s, to)
}

// loadParts reads the occasions up to the end in date order, each with its
// participations (see Store.EachOccasionRoles).
func (d *dataset) loadParts(ctx context.Context, s *data.Store, to data.Date) error {
	roles, err := s.Roles(ctx)
	if err != nil {
		return err
	}
	byRole := map[int64]part{}
	for _, r := range roles {
		byRole[r.ID] = part{level: int8(r.Level), professional: r.Professional, hosting: r.Code == "host" || r.Code == "initiator"}
	}
	activityAt := make(map[int64]int32, len(d.activities))
	for i, a := range d.activities {
		activityAt[a.id] = int32(i)
	}
	occasions, parts, err := s.RegisterSize(ctx) // all of them: room for those up to the end
	if err != nil {
		return err
	}
	d.parts, d.occasions = make([]part, 0, parts), make([]occasion, 0, occasions)
	return s.EachOccasionRoles(ctx, to, func(r *data.OccasionRoles) error {
		o := occasion{id: r.ID, activity: activityAt[r.ActivityID], day: r.Date, guests: int32(r.Guests),
			first: int32(len(d.parts))}
		for _, pr := range r.Participants {
			number, ok := d.number[pr.PersonID]
			if !ok {
				continue
			}
			x := byRole[pr.RoleID]
			x.person, x.group = number, groupOf(d.groups.GroupOn(pr.PersonID, o.day))
			d.parts = append(d.parts, x)
		}
		o.end = int32(len(d.parts))
		d.occasions = append(d.occasions, o)
		return nil
	})
}

// loadSmall reads activities, people and paths.
func (d *dataset) loadSmall(ctx context.Context, s *data.Store) error {
	activities, err := s.ResearchActivities(ctx)
	if err != nil {
		return err
	}
	for _, a := range activities {
		d.activities = append(d.activities, activity{id: a.ID, start: a.Start, initiator: a.InitiatorID, kind: a.Kind, name: a.Name})
	}
	people, err := s.ResearchPeople(ctx) // in id order
	if err != nil {
		return err
	}
	d.number = map[int64]int32{}
	for _, p := range people {
		if !d.kept(p.ID) {
			continue // unnumbered: their participations are skipped as they load
		}
		d.number[p.ID] = int32(len(d.ids))
		d.ids = append(d.ids, p.ID)
		d.people = append(d.people, person{name: p.Name, entryChannel: p.EntryChannel, invitedBy: p.InvitedBy})
	}
	paths, err := s.PathsBetween(ctx, data.Date{}, data.Date{})
	if err != nil {
		return err
	}
	for _, p := range paths {
		if d.kept(p.PersonID) {
			d.paths = append(d.paths, path{person: p.PersonID, day: p.Date, kind: p.Kind})
		}
	}
	return nil
}

// span returns the occasions of the period: they lie together, as the
// occasions are in date order.
func (d *dataset) span(p Period) []occasion {
	lo := searchDay(d.occasions, p.From)
	hi := searchDay(d.occasions, p.To.AddDays(1))
	return d.occasions[lo:hi]
}

// searchDay returns the index of the first occasion on or after day.
func searchDay(os []occasion, day data.Date) int {
	return sort.Search(len(os), func(i int) bool { return !os[i].day.Before(day) })
}
