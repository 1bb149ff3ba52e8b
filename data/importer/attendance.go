package importer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"samspil/data"
)

// AttendanceOptions choose how a tick-sheet is read.
type AttendanceOptions struct {
	Activity      string     // the activity's name; created when missing
	RoleCode      string     // the role everyone gets; default "active"
	CreateUnknown bool       // register people the sheet names who are not in Samspil
	NewGroup      data.Group // their group; default resourceful citizen
	NewCategory   int64
}

// Attendance is a tick-sheet as it will be imported.
type Attendance struct {
	Activity    string
	Dates       []data.Date    // one per date column
	Marks       map[int][]int  // sheet row → indexes into Dates where the person came
	People      map[int]int64  // sheet row → existing person
	Unknown     map[int]string // sheet row → name not found in Samspil
	Ambiguous   map[int]string // sheet row → name that fits several people
	Errors      data.Errors    // cells that are neither empty nor a mark, bad headers
	Occasions   int            // occasions that will be made (new dates)
	Total       int            // participations that will be recorded
	rowsInOrder []int
	names       map[int]string
}

// marks are what coordinators put in a cell when someone came.
var marks = map[string]bool{"x": true, "1": true, "✓": true, "✔": true, "ja": true, "j": true, "yes": true, "y": true, "v": true, "*": true}

// ParseAttendance reads a tick-sheet: one row per person (the name in the
// first column, or first and last name in the first two), one column per
// date with a date in the header, and a mark where the person came.
func ParseAttendance(ctx context.Context, s *data.Store, sheet *Sheet, opt AttendanceOptions) (*Attendance, error) {
	if strings.TrimSpace(opt.Activity) == "" {
		return nil, &data.Error{Code: "err.required", Field: "activity"}
	}
	a := &Attendance{Activity: strings.TrimSpace(opt.Activity), Marks: map[int][]int{}, People: map[int]int64{},
		Unknown: map[int]string{}, Ambiguous: map[int]string{}, names: map[int]string{}}
	nameCols, dateCols := 1, map[int]int{}
	for i, h := range sheet.Header {
		d, err := parseSheetDate(h)
		switch {
		case i == 0:
			continue
		case err == nil && !d.IsZero():
			dateCols[i] = len(a.Dates)
			a.Dates = append(a.Dates, d)
		case len(a.Dates) == 0 && i == 1:
			nameCols = 2 // "Fornavn", "Efternavn"
		case h != "":
			a.Errors = append(a.Errors, &data.Error{Code: "err.import_not_a_date", Row: 1, Args: map[string]any{"Value": h}})
		}
	}
	if len(a.Dates) == 0 {
		return nil, &data.Error{Code: "err.import_no_dates"}
	}
	index, err := nameIndex(ctx, s)
	if err != nil {
		return nil, err
	}
	for r, row := range sheet.Rows {
		rowNo := r + 2
		name := strings.TrimSpace(strings.Join(row[:min(nameCols, len(row))], " "))
		if name == "" {
			a.Errors = append(a.Errors, &data.Error{Code: "err.required", Field: "name", Row: rowNo})
			continue
		}
		for col, di := range dateCols {
			raw := cell(row, col)
			switch {
			case raw == "":
			case marks[raw] || marks[data.FoldName(raw)]:
				a.Marks[rowNo] = append(a.Marks[rowNo], di)
			default:
				a.Errors = append(a.Errors, &data.Error{Code: "err.import_bad_mark_on", Row: rowNo,
					Args: map[string]any{"Value": cell(row, col), "Date": a.Dates[di].Danish(), "ISO": a.Dates[di].String()}})
			}
		}
		sort.Ints(a.Marks[rowNo])
		a.names[rowNo] = name
		a.rowsInOrder = append(a.rowsInOrder, rowNo)
		switch ids := index[nameKey(name)]; {
		case len(ids) == 1:
			a.People[rowNo] = ids[0]
		case len(ids) > 1:
			a.Ambiguous[rowNo] = name
			a.Errors = append(a.Errors, &data.Error{Code: "err.import_ambiguous", Row: rowNo, Args: map[string]any{"Name": name, "Count": len(ids)}})
		default:
			a.Unknown[rowNo] = name
			if !opt.CreateUnknown {
				a.Errors = append(a.Errors, &data.Error{Code: "err.import_unknown_person", Row: rowNo, Args: map[string]any{"Name": name}})
			}
		}
	}
	for _, ds := range a.Marks {
		a.Total += len(ds)
	}
	if act, err := s.ActivityByName(ctx, a.Activity); err == nil {
		for _, d := range a.Dates {
			if _, err := s.OccasionOn(ctx, act.ID, d); errors.Is(err, data.ErrNotFound) {
				a.Occasions++
			}
		}
	} else {
		a.Occasions = len(a.Dates)
	}
	return a, nil
}

// nameKey compares names without case, accents or word order.
func nameKey(name string) string {
	words := strings.Fields(data.FoldName(name))
	sort.Strings(words)
	return strings.Join(words, " ")
}

// nameIndex maps every registered name to the people who have it.
func nameIndex(ctx context.Context, s *data.Store) (map[string][]int64, error) {
	rows, err := s.SearchPeople(ctx, data.PersonFilter{})
	if err != nil {
		return nil, err
	}
	index := map[string][]int64{}
	for _, p := range rows {
		k := nameKey(p.Name)
		index[k] = append(index[k], p.ID)
	}
	return index, nil
}

// ImportAttendance writes the tick-sheet in one transaction: the activity
// if it is new, an occasion per date (adding to one already recorded that
// day), the unknown people when asked, and the participations. A sheet with
// errors is refused whole.
func ImportAttendance(ctx context.Context, s *data.Store, a *Attendance, opt AttendanceOptions) (int, error) {
	if len(a.Errors) > 0 {
		return 0, a.Errors
	}
	if opt.RoleCode == "" {
		opt.RoleCode = "active"
	}
	if opt.NewGroup == "" {
		opt.NewGroup = data.GroupResourceful
	}
	roleID, err := roleByCode(ctx, s, opt.RoleCode)
	if err != nil {
		return 0, err
	}
	written := 0
	err = s.Update(ctx, func(tx *data.Tx) error {
		act, err := tx.ActivityByName(a.Activity)
		if errors.Is(err, data.ErrNotFound) {
			act = &data.Activity{Name: a.Activity, Kind: "recurring", Status: "active", Start: a.Dates[0]}
			err = tx.SaveActivity(act)
		}
		if err != nil {
			return err
		}
		people := map[int]int64{}
		for row, id := range a.People {
			people[row] = id
		}
		for _, row := range a.rowsInOrder {
			if name, ok := a.Unknown[row]; ok {
				p := &data.Person{Name: name, EntryChannel: "other", FirstContact: a.firstMark(row)}
				g := &data.GroupPeriod{Group: opt.NewGroup, Start: p.FirstContact}
				if g.Group == data.GroupTarget && opt.NewCategory != 0 {
					g.CategoryIDs = []int64{opt.NewCategory}
				}
				if err := tx.SavePerson(p, g); err != nil {
					return rowError(err, row)
				}
				people[row] = p.ID
			}
		}
		for di, day := range a.Dates {
			o, err := tx.OccasionOn(act.ID, day)
			if errors.Is(err, data.ErrNotFound) {
				o, err = &data.Occasion{ActivityID: act.ID, Date: day}, nil
			}
			if err != nil {
				return err
			}
			have := map[int64]bool{}
			for _, p := range o.Participants {
				have[p.PersonID] = true
			}
			for _, row := range a.rowsInOrder {
				if id := people[row]; id != 0 && !have[id] && contains(a.Marks[row], di) {
					o.Participants = append(o.Participants, data.Participation{PersonID: id, RoleID: roleID})
					have[id] = true
					written++
				}
			}
			if len(o.Participants) == 0 {
				continue
			}
			if err := tx.SaveOccasion(o); err != nil {
				return err
			}
		}
		return tx.Audit("import_attendance", fmt.Sprintf("activity=%d participations=%d", act.ID, written))
	})
	if err != nil {
		return 0, err
	}
	return written, nil
}

// firstMark is the first date the person on row came, or the first date.
func (a *Attendance) firstMark(row int) data.Date {
	if ds := a.Marks[row]; len(ds) > 0 {
		return a.Dates[ds[0]]
	}
	return a.Dates[0]
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// roleByCode finds a role by its code or its name in Danish or English.
func roleByCode(ctx context.Context, s *data.Store, code string) (int64, error) {
	roles, err := s.Roles(ctx)
	if err != nil {
		return 0, err
	}
	items := make([]data.CatalogItem, len(roles))
	for i, r := range roles {
		items[i] = r.CatalogItem
	}
	if r, ok := matchCatalog(items, code); ok {
		return r.ID, nil
	}
	return 0, &data.Error{Code: "err.bad_code", Field: "role", Args: map[string]any{"Value": code}}
}
