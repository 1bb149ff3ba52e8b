package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"samspil/assets"
	"samspil/data"
	"samspil/data/importer"
)

// importFlags are the choices of one import.
type importFlags struct {
	db, file, kind, activity, role string
	defaultGroup, defaultCategory  string
	createSimilar                  string
	dryRun, validOnly, createNew   bool
}

func runImport(ctx context.Context, env Env, args []string) error {
	var f importFlags
	fs := newFlags("import")
	fs.StringVar(&f.db, "db", "", "database file")
	fs.StringVar(&f.file, "file", "", ".xlsx or .csv file")
	fs.StringVar(&f.kind, "kind", "", "people or attendance; by default a header of dates means attendance")
	fs.StringVar(&f.activity, "activity", "", "the activity of an attendance sheet (created if missing)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "report what would happen and change nothing")
	fs.BoolVar(&f.validOnly, "valid-only", false, "import the valid rows and write the others to a report")
	fs.BoolVar(&f.createNew, "create-unknown", false, "attendance: register people not found")
	fs.StringVar(&f.role, "role", "active", "attendance: the role everyone gets (code or name)")
	fs.StringVar(&f.defaultGroup, "default-group", "", "the group of rows without one, and of new people from a tick-sheet (code or name; default resourceful)")
	fs.StringVar(&f.defaultCategory, "default-category", "", "the category of target-group rows without one (code or name)")
	fs.StringVar(&f.createSimilar, "create-similar", "", "rows to create although they look like someone registered: row numbers separated by commas, or all")
	if err := parse(fs, args, "db", "file"); err != nil {
		return err
	}
	if f.kind != "" && f.kind != importer.KindPeople && f.kind != importer.KindAttendance {
		return usageError{"--kind must be people or attendance"}
	}
	similar, err := parseRows(f.createSimilar)
	if err != nil {
		return err
	}
	group := data.GroupResourceful
	if f.defaultGroup != "" {
		var ok bool
		if group, ok = importer.ParseGroup(f.defaultGroup); !ok {
			return usageError{fmt.Sprintf("--default-group %q is not a group", f.defaultGroup)}
		}
	}
	sheet, err := importer.ReadFile(f.file)
	if err != nil {
		return err
	}
	if f.kind == "" {
		f.kind = importer.DetectKind(sheet)
	}
	if f.kind == importer.KindAttendance && f.activity == "" {
		return usageError{"--activity is required for an attendance sheet (its header has dates; --kind people reads it as a people list)"}
	}
	s, err := openExisting(f.db)
	if err != nil {
		return err
	}
	defer s.Close()
	var category int64
	if f.defaultCategory != "" {
		cats, err := s.Categories(ctx)
		if err != nil {
			return err
		}
		c, ok := importer.FindCategory(cats, f.defaultCategory)
		if !ok {
			return usageError{fmt.Sprintf("--default-category %q is not a category in this database", f.defaultCategory)}
		}
		category = c.ID
	}
	if f.kind == importer.KindAttendance {
		opt := importer.AttendanceOptions{Activity: f.activity, RoleCode: f.role, CreateUnknown: f.createNew, NewGroup: group, NewCategory: category}
		return importAttendance(ctx, env, s, sheet, opt, f.dryRun)
	}
	rows, err := importer.ParsePeople(ctx, s, sheet, importer.PeopleOptions{DefaultGroup: group, DefaultCategory: category})
	if err != nil {
		return err
	}
	for _, r := range rows {
		r.Create = similar.has(r.Row)
	}
	return importPeople(ctx, env, s, rows, f)
}

// rowSet is the rows named by --create-similar; all means every row.
type rowSet struct {
	all  bool
	rows map[int]bool
}

func (r rowSet) has(row int) bool { return r.all || r.rows[row] }

// parseRows reads "all" or row numbers separated by commas.
func parseRows(text string) (rowSet, error) {
	set := rowSet{rows: map[int]bool{}}
	if strings.TrimSpace(text) == "all" {
		set.all = true
		return set, nil
	}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' }) {
		n, err := strconv.Atoi(part)
		if err != nil || n < 2 {
			return set, usageError{fmt.Sprintf("--create-similar: %q is not a row number (the first data row is 2)", part)}
		}
		set.rows[n] = true
	}
	return set, nil
}

func importPeople(ctx context.Context, env Env, s *data.Store, rows []*importer.PersonRow, f importFlags) error {
	good, dups := 0, 0
	var bad []*data.Error
	for _, r := range rows {
		if r.OK() {
			good++
		} else {
			bad = append(bad, r.Errors...)
		}
		if r.Similar() {
			dups++
		}
	}
	fmt.Fprintf(env.Stdout, "%d rows: %d valid, %d with errors, %d look like people already registered\n", len(rows), good, len(rows)-good, dups)
	printLines(env, len(bad), func(i int) string { return bad[i].Message(env.Language) })
	skipped := importer.Skipped(rows)
	if len(skipped) > 0 {
		fmt.Fprintf(env.Stdout, "%d will be skipped (--create-similar ROWS creates them anyway):\n", len(skipped))
		printLines(env, len(skipped), func(i int) string { return skipLine(skipped[i]) })
	}
	if f.dryRun {
		fmt.Fprintln(env.Stdout, "dry run: nothing was changed")
		return nil
	}
	if len(bad) > 0 && !f.validOnly {
		return fmt.Errorf("%s (and %d more); nothing was imported — fix the file or use --valid-only", bad[0].Message(env.Language), len(bad)-1)
	}
	added, err := importer.ImportPeople(ctx, s, rows, f.validOnly)
	if err != nil {
		return err
	}
	if len(skipped) > 0 {
		fmt.Fprintf(env.Stdout, "imported %d people; %d skipped as already registered or similar\n", added, len(skipped))
	} else {
		fmt.Fprintf(env.Stdout, "imported %d people\n", added)
	}
	if len(bad) > 0 {
		report := strings.TrimSuffix(f.file, ".csv") + ".errors.csv"
		if err := importer.WriteReport(report, rows, env.Language); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "the rows not imported are listed in %s\n", report)
	}
	return nil
}

// skipLine says why a row is skipped.
func skipLine(r *importer.PersonRow) string {
	switch {
	case r.Registered != 0:
		return fmt.Sprintf("Row %d: %s is already registered", r.Row, r.Person.Name)
	case len(r.Duplicates) > 0:
		return fmt.Sprintf("Row %d: %s looks like %s, who is registered", r.Row, r.Person.Name, r.Duplicates[0].Name)
	}
	return fmt.Sprintf("Row %d: %s looks like row %d of the file", r.Row, r.Person.Name, r.DupInFile)
}

// printLines prints up to ten indented lines and how many more there are.
func printLines(env Env, n int, line func(int) string) {
	for i := 0; i < n; i++ {
		if i == 10 {
			fmt.Fprintf(env.Stdout, "  … and %d more\n", n-10)
			break
		}
		fmt.Fprintln(env.Stdout, "  "+line(i))
	}
}

func importAttendance(ctx context.Context, env Env, s *data.Store, sheet *importer.Sheet, opt importer.AttendanceOptions, dryRun bool) error {
	a, err := importer.ParseAttendance(ctx, s, sheet, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d dates, %d people (%d not registered), %d participations, %d new occasions of %s\n",
		len(a.Dates), len(a.People)+len(a.Unknown)+len(a.Ambiguous), len(a.Unknown), a.Total, a.Occasions, a.Activity)
	printLines(env, len(a.Errors), func(i int) string { return a.Errors[i].Message(env.Language) })
	created := ""
	if opt.CreateUnknown && len(a.Unknown) > 0 {
		created = fmt.Sprintf("%d new people as %s", len(a.Unknown), assets.Text(env.Language, "group."+string(opt.NewGroup), nil))
		fmt.Fprintf(env.Stdout, "%s, from their first marked date (--default-group to choose)\n", created)
	}
	if dryRun {
		fmt.Fprintln(env.Stdout, "dry run: nothing was changed")
		return nil
	}
	if len(a.Errors) > 0 {
		return fmt.Errorf("%s (and %d more); nothing was imported", a.Errors[0].Message(env.Language), len(a.Errors)-1)
	}
	n, err := importer.ImportAttendance(ctx, s, a, opt)
	if err != nil {
		return err
	}
	if created != "" {
		fmt.Fprintf(env.Stdout, "imported %d participations; %s\n", n, created)
	} else {
		fmt.Fprintf(env.Stdout, "imported %d participations\n", n)
	}
	return nil
}
