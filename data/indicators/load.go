package indicators

import (
	"context"
	"sort"
	"strings"

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
// participations. One row per occasion with its "person:role" pairs passes
// 30 times fewer rows through database/sql than one per participation,
// which is where the time went (the profile of BenchmarkIndicatorsTenYears).
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
	var parts, occasions int // all of them: room for those up to the end
	if err := s.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM participations), (SELECT count(*) FROM occasions)`).
		Scan(&parts, &occasions); err != nil {
		return err
	}
	d.parts, d.occasions = make([]part, 0, parts), make([]occasion, 0, occasions)
	rows, err := s.DB().QueryContext(ctx, `SELECT o.id, o.activity_id, o.date, o.anonymous_guests,
			coalesce((SELECT group_concat(pa.person_id || ':' || pa.role_id) FROM participations pa WHERE pa.occasion_id = o.id), '')
		FROM occasions o WHERE o.date <= ? ORDER BY o.date, o.id`, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var o occasion
		var activityID int64
		var pairs string
		if err := rows.Scan(&o.id, &activityID, &o.day, &o.guests, &pairs); err != nil {
			return err
		}
		o.activity = activityAt[activityID]
		o.first = int32(len(d.parts))
		for len(pairs) > 0 {
			var pair string
			pair, pairs, _ = strings.Cut(pairs, ",")
			personID, roleID, _ := strings.Cut(pair, ":")
			id := atoi(personID)
			number, ok := d.number[id]
			if !ok {
				continue
			}
			x := byRole[atoi(roleID)]
			x.person, x.group = number, groupOf(d.groups.GroupOn(id, o.day))
			d.parts = append(d.parts, x)
		}
		o.end = int32(len(d.parts))
		d.occasions = append(d.occasions, o)
	}
	return rows.Err()
}

// atoi reads a non-negative decimal id.
func atoi(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}

// loadSmall reads activities, people and paths.
func (d *dataset) loadSmall(ctx context.Context, s *data.Store) error {
	db := s.DB()
	rows, err := db.QueryContext(ctx, `SELECT id, coalesce(start_date, ''), coalesce(initiator_id, 0), kind, name FROM activities`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a activity
		if err := rows.Scan(&a.id, &a.start, &a.initiator, &a.kind, &a.name); err != nil {
			rows.Close()
			return err
		}
		d.activities = append(d.activities, a)
	}
	rows.Close()
	d.number = map[int64]int32{}
	rows, err = db.QueryContext(ctx, `SELECT id, name, entry_channel, coalesce(invited_by, 0) FROM people ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var p person
		if err := rows.Scan(&id, &p.name, &p.entryChannel, &p.invitedBy); err != nil {
			rows.Close()
			return err
		}
		if !d.kept(id) {
			continue // unnumbered: their participations are skipped as they load
		}
		d.number[id] = int32(len(d.ids))
		d.ids = append(d.ids, id)
		d.people = append(d.people, p)
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, `SELECT person_id, date, kind FROM paths`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p path
		if err := rows.Scan(&p.person, &p.day, &p.kind); err != nil {
			return err
		}
		if d.kept(p.person) {
			d.paths = append(d.paths, p)
		}
	}
	return rows.Err()
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
