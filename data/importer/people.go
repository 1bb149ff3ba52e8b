package importer

import (
	"context"
	"strconv"
	"strings"

	"samspil/data"
)

// PeopleOptions choose how a people list is read.
type PeopleOptions struct {
	Mapping         Mapping
	DefaultGroup    data.Group // for rows without a group; default resourceful citizen
	DefaultCategory int64      // for target-group rows without a category; 0: none, such rows are refused
	Start           data.Date  // first day of the group period when no date is given; default today
}

// PersonRow is one row of a people list as it will be imported.
type PersonRow struct {
	Row        int // in the file, the header being row 1
	Person     data.Person
	Group      data.GroupPeriod
	Errors     data.Errors
	Duplicates []data.PersonRow // existing people with a similar name
	DupInFile  int              // an earlier row of the file with a similar name, or 0
	Registered int64            // an existing person with the very same name, or 0
	Create     bool             // create the row although it looks like someone (the coordinator ticked it)
}

// Similar reports whether the row looks like someone registered or an
// earlier row of the file.
func (r *PersonRow) Similar() bool { return len(r.Duplicates) > 0 || r.DupInFile > 0 }

// Skip reports whether a valid row is left out of the import: it looks
// like someone and the coordinator has not chosen to create it anyway.
func (r *PersonRow) Skip() bool { return r.OK() && r.Similar() && !r.Create }

// Skipped lists the valid rows an import leaves out (see PersonRow.Skip).
func Skipped(rows []*PersonRow) []*PersonRow {
	var out []*PersonRow
	for _, r := range rows {
		if r.Skip() {
			out = append(out, r)
		}
	}
	return out
}

// OK reports whether the row can be imported.
func (r *PersonRow) OK() bool { return len(r.Errors) == 0 }

// ParsePeople reads every row of a people list and validates it, marking
// likely duplicates of existing people and of earlier rows. It writes nothing.
func ParsePeople(ctx context.Context, s *data.Store, sheet *Sheet, opt PeopleOptions) ([]*PersonRow, error) {
	if opt.Mapping == nil {
		opt.Mapping = GuessMapping(sheet.Header)
	}
	if opt.DefaultGroup == "" {
		opt.DefaultGroup = data.GroupResourceful
	}
	if opt.Start.IsZero() {
		opt.Start = data.Today()
	}
	m := opt.Mapping
	if m.column("name") < 0 && m.column("first_name") < 0 && m.column("last_name") < 0 {
		return nil, &data.Error{Code: "err.import_no_name_column"}
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	existing, err := s.NewDuplicateFinder(ctx)
	if err != nil {
		return nil, err
	}
	inFile := fileFinder()
	out := make([]*PersonRow, 0, len(sheet.Rows))
	for i, row := range sheet.Rows {
		r := parsePerson(row, m, opt, cats)
		r.Row = i + 2
		for _, e := range r.Errors {
			e.Row = r.Row
		}
		if r.OK() {
			r.Duplicates = existing.Find(r.Person.Name, 0)
			for _, d := range r.Duplicates {
				if nameKey(d.Name) == nameKey(r.Person.Name) {
					r.Registered = d.ID
					break
				}
			}
			if earlier := inFile.Find(r.Person.Name, 0); len(earlier) > 0 {
				r.DupInFile = int(earlier[0].ID) // the row number, see fileFinder
			}
			inFile.Add(data.PersonRow{ID: int64(r.Row), Name: r.Person.Name})
		}
		out = append(out, r)
	}
	return out, nil
}

func parsePerson(row []string, m Mapping, opt PeopleOptions, cats []data.Category) *PersonRow {
	get := func(field string) string { return cell(row, m.column(field)) }
	r := &PersonRow{}
	p := &r.Person
	p.Name = get("name")
	if p.Name == "" {
		p.Name = strings.TrimSpace(get("first_name") + " " + get("last_name"))
	}
	p.Phone, p.Email, p.Notes = get("phone"), get("email"), get("notes")
	var ok bool
	if p.Gender, ok = parseGender(get("gender")); !ok {
		r.Errors = append(r.Errors, &data.Error{Code: "err.bad_code", Field: "gender", Args: map[string]any{"Value": get("gender")}})
	}
	if p.EntryChannel, ok = parseEntry(get("entry_channel")); !ok {
		r.Errors = append(r.Errors, &data.Error{Code: "err.bad_code", Field: "entry_channel", Args: map[string]any{"Value": get("entry_channel")}})
	}
	if y, err := parseBirthYear(get("birth_year")); err != nil {
		r.Errors = append(r.Errors, &data.Error{Code: "err.birth_year_text", Field: "birth_year", Args: map[string]any{"Value": get("birth_year")}})
	} else {
		p.BirthYear = y
	}
	start, err := parseSheetDate(get("first_contact"))
	if err != nil {
		r.Errors = append(r.Errors, &data.Error{Code: "err.date", Field: "first_contact"})
	}
	p.FirstContact = start
	if start.IsZero() {
		start = opt.Start
	}
	r.Group = data.GroupPeriod{Start: start}
	r.Errors = append(r.Errors, parseGroupCells(&r.Group, get("group"), get("staff_kind"), get("categories"), opt, cats)...)
	for _, err := range []error{p.Validate(), r.Group.Validate()} {
		if es, ok := err.(data.Errors); ok {
			r.Errors = append(r.Errors, es...)
		}
	}
	return r
}

// fileFinder finds names that stand earlier in the same file; its rows
// carry the file's row number as their id.
func fileFinder() *data.DuplicateFinder { return data.NewEmptyDuplicateFinder() }

// parseBirthYear reads a year, or a birth date of which only the year is kept.
func parseBirthYear(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	if y, err := strconv.Atoi(s); err == nil {
		return y, nil
	}
	d, err := parseSheetDate(s)
	if err != nil || d.IsZero() {
		return 0, &data.Error{Code: "err.birth_year_text"}
	}
	return d.Year, nil
}

// parseSheetDate reads the dates spreadsheets hold: Danish or ISO text, or an
// Excel day number (a date cell without its format).
func parseSheetDate(s string) (data.Date, error) {
	if n, err := strconv.Atoi(s); err == nil && n > 20000 && n < 80000 {
		return data.MustDate("1900-01-01").AddDays(n - 2), nil
	}
	return data.ParseDate(s)
}

// ImportPeople writes the rows in one transaction. With validOnly false,
// one bad row refuses the whole import and nothing is written; with
// validOnly true the bad rows are skipped. Rows that look like someone
// (see Skipped) are left out unless marked Create, so importing the same
// list twice adds its people once. It returns how many were added.
func ImportPeople(ctx context.Context, s *data.Store, rows []*PersonRow, validOnly bool) (int, error) {
	var bad data.Errors
	for _, r := range rows {
		if !r.OK() {
			bad = append(bad, r.Errors...)
		}
	}
	if len(bad) > 0 && !validOnly {
		return 0, bad
	}
	added := 0
	err := s.Update(ctx, func(tx *data.Tx) error {
		for _, r := range rows {
			if !r.OK() || r.Skip() {
				continue
			}
			p, g := r.Person, r.Group
			if err := tx.SavePerson(&p, &g); err != nil {
				return rowError(err, r.Row)
			}
			added++
		}
		return tx.Audit("import_people", "rows="+strconv.Itoa(added))
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// rowError stamps the row number on a Samspil error.
func rowError(err error, row int) error {
	switch e := err.(type) {
	case *data.Error:
		c := *e
		c.Row = row
		return &c
	case data.Errors:
		for _, x := range e {
			x.Row = row
		}
	}
	return err
}

// parseGroupCells fills the period's group, staff kind and categories from
// the row's cells and the defaults: a category, or a target default group,
// makes a row without a group one of the target group; a staff kind makes
// it municipal staff.
func parseGroupCells(g *data.GroupPeriod, groupText, staffText, catText string, opt PeopleOptions, cats []data.Category) data.Errors {
	var es data.Errors
	group, ok := ParseGroup(groupText)
	switch {
	case groupText == "" && catText != "":
		group = data.GroupTarget
	case groupText == "" && staffText != "":
		group = data.GroupMunicipalStaff
	case groupText == "":
		group = opt.DefaultGroup
	case !ok:
		es = append(es, &data.Error{Code: "err.bad_code", Field: "group", Args: map[string]any{"Value": groupText}})
		group = opt.DefaultGroup // so the period's own check does not repeat the error
	}
	g.Group = group
	if kind, ok := parseStaffKind(staffText); !ok {
		es = append(es, &data.Error{Code: "err.bad_code", Field: "staff_kind", Args: map[string]any{"Value": staffText}})
	} else if group == data.GroupMunicipalStaff {
		g.StaffKind = kind
	} else if kind != "" {
		es = append(es, &data.Error{Code: "err.import_staff_kind_not_municipal", Field: "staff_kind", Args: map[string]any{"Value": staffText}})
	}
	if catText != "" {
		ids, bad := parseCategories(catText, cats)
		if bad != "" {
			es = append(es, &data.Error{Code: "err.unknown_category", Field: "categories", Args: map[string]any{"Value": bad}})
		}
		g.CategoryIDs = ids
		if len(ids) == 0 && group == data.GroupTarget {
			return es // the unknown category says it; "choose one" would repeat it
		}
	}
	if group == data.GroupTarget && len(g.CategoryIDs) == 0 && opt.DefaultCategory != 0 {
		g.CategoryIDs = []int64{opt.DefaultCategory}
	}
	return es
}
