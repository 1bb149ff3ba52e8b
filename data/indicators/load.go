package indicators

import (
	"context"
	"sort"
	"strings"

	"samspil/data"
)

// part is one participation as the indicators need it, kept small: ten
// years of a busy house hold half a million of them.
type part struct {
	o            *occasion
	person       int64
	level        int8
	professional bool
	hosting      bool // a host or initiator role
}

// occasion is one occasion with its anonymous guests and activity kind.
type occasion struct {
	id, activity int64
	day          data.Date
	guests       int
	kind         string
	name         string
}

// activity is what the initiative figures need of an activity.
type activity struct {
	id        int64
	start     data.Date
	initiator int64
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

// dataset is everything up to the end of the period, loaded once.
type dataset struct {
	parts      []part // in date order, all history up to the end
	occasions  map[int64]*occasion
	activities []activity
	people     map[int64]person
	paths      []path
	groups     *data.GroupIndex
	settings   data.Settings
	sizes      map[int]int
	network    bool // list the network's edges (WithNetwork)
}

func load(ctx context.Context, s *data.Store, to data.Date) (*dataset, error) {
	d := &dataset{occasions: map[int64]*occasion{}}
	var err error
	if d.groups, err = s.LoadGroupIndex(ctx); err != nil {
		return nil, err
	}
	if d.settings, err = s.Settings(ctx); err != nil {
		return nil, err
	}
	if d.sizes, err = s.TargetSizes(ctx); err != nil {
		return nil, err
	}
	if err := d.loadSmall(ctx, s); err != nil {
		return nil, err
	}
	rows, err := s.DB().QueryContext(ctx, `SELECT o.id, o.activity_id, o.date, o.anonymous_guests, a.kind, a.name
		FROM occasions o JOIN activities a ON a.id = o.activity_id WHERE o.date <= ?`, to)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		o := &occasion{}
		if err := rows.Scan(&o.id, &o.activity, &o.day, &o.guests, &o.kind, &o.name); err != nil {
			rows.Close()
			return nil, err
		}
		d.occasions[o.id] = o
	}
	rows.Close()
	roles, err := s.Roles(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[int64]data.Role{}
	for _, r := range roles {
		byID[r.ID] = r
	}
	// One row per occasion with its "person:role" pairs: 30 times fewer rows
	// through database/sql than one per participation, which is where the
	// time went (the profile of BenchmarkIndicatorsTenYears).
	rows, err = s.DB().QueryContext(ctx, `SELECT occasion_id, group_concat(person_id || ':' || role_id)
		FROM participations GROUP BY occasion_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pairsOf := make(map[int64]string, len(d.occasions))
	total := 0
	for rows.Next() {
		var id int64
		var pairs string
		if err := rows.Scan(&id, &pairs); err != nil {
			return nil, err
		}
		if d.occasions[id] != nil { // else after the end of the period
			pairsOf[id] = pairs
			total += strings.Count(pairs, ",") + 1
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Lay the participations out in date order by sorting the occasions,
	// not the half million participations.
	order := make([]*occasion, 0, len(pairsOf))
	for id := range pairsOf {
		order = append(order, d.occasions[id])
	}
	sort.Slice(order, func(i, j int) bool {
		if c := order[i].day.Compare(order[j].day); c != 0 {
			return c < 0
		}
		return order[i].id < order[j].id
	})
	d.parts = make([]part, 0, total)
	for _, o := range order {
		pairs := pairsOf[o.id]
		for len(pairs) > 0 {
			var pair string
			pair, pairs, _ = strings.Cut(pairs, ",")
			person, role, _ := strings.Cut(pair, ":")
			r := byID[atoi(role)]
			d.parts = append(d.parts, part{o: o, person: atoi(person), level: int8(r.Level), professional: r.Professional,
				hosting: r.Code == "host" || r.Code == "initiator"})
		}
	}
	return d, nil
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
	rows, err := db.QueryContext(ctx, `SELECT id, coalesce(start_date, ''), coalesce(initiator_id, 0) FROM activities`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var a activity
		if err := rows.Scan(&a.id, &a.start, &a.initiator); err != nil {
			rows.Close()
			return err
		}
		d.activities = append(d.activities, a)
	}
	rows.Close()
	d.people = map[int64]person{}
	rows, err = db.QueryContext(ctx, `SELECT id, name, entry_channel, coalesce(invited_by, 0) FROM people`)
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
		d.people[id] = p
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
		d.paths = append(d.paths, p)
	}
	return rows.Err()
}
