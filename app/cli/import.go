package cli

import (
	"context"
	"fmt"
	"strings"

	"samspil/data"
	"samspil/data/importer"
)

func runImport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("import")
	db := fs.String("db", "", "database file")
	file := fs.String("file", "", ".xlsx or .csv file")
	kind := fs.String("kind", "people", "people or attendance")
	activity := fs.String("activity", "", "the activity of an attendance sheet (created if missing)")
	dryRun := fs.Bool("dry-run", false, "report what would happen and change nothing")
	validOnly := fs.Bool("valid-only", false, "import the valid rows and write the others to a report")
	createUnknown := fs.Bool("create-unknown", false, "attendance: register people not found")
	role := fs.String("role", "active", "attendance: the role everyone gets")
	if err := parse(fs, args, "db", "file"); err != nil {
		return err
	}
	if *kind != "people" && *kind != "attendance" {
		return usageError{"--kind must be people or attendance"}
	}
	if *kind == "attendance" && *activity == "" {
		return usageError{"--activity is required for an attendance sheet"}
	}
	sheet, err := importer.ReadFile(*file)
	if err != nil {
		return err
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *kind == "attendance" {
		return importAttendance(ctx, env, s, sheet, importer.AttendanceOptions{Activity: *activity, RoleCode: *role, CreateUnknown: *createUnknown}, *dryRun)
	}
	rows, err := importer.ParsePeople(ctx, s, sheet, importer.PeopleOptions{})
	if err != nil {
		return err
	}
	good, dups := 0, 0
	var bad []*data.Error
	for _, r := range rows {
		if r.OK() {
			good++
		} else {
			bad = append(bad, r.Errors...)
		}
		if len(r.Duplicates) > 0 || r.DupInFile > 0 {
			dups++
		}
	}
	fmt.Fprintf(env.Stdout, "%d rows: %d valid, %d with errors, %d look like people already registered\n", len(rows), good, len(rows)-good, dups)
	for i, e := range bad {
		if i == 10 {
			fmt.Fprintf(env.Stdout, "  … and %d more\n", len(bad)-10)
			break
		}
		fmt.Fprintln(env.Stdout, "  "+e.Message(env.Language))
	}
	if *dryRun {
		fmt.Fprintln(env.Stdout, "dry run: nothing was changed")
		return nil
	}
	if len(bad) > 0 && !*validOnly {
		return fmt.Errorf("%s (and %d more); nothing was imported — fix the file or use --valid-only", bad[0].Message(env.Language), len(bad)-1)
	}
	added, err := importer.ImportPeople(ctx, s, rows, *validOnly)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %d people\n", added)
	if len(bad) > 0 {
		report := strings.TrimSuffix(*file, ".csv") + ".errors.csv"
		if err := importer.WriteReport(report, rows, env.Language); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "the rows not imported are listed in %s\n", report)
	}
	return nil
}

func importAttendance(ctx context.Context, env Env, s *data.Store, sheet *importer.Sheet, opt importer.AttendanceOptions, dryRun bool) error {
	a, err := importer.ParseAttendance(ctx, s, sheet, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d dates, %d people (%d not registered), %d participations, %d new occasions of %s\n",
		len(a.Dates), len(a.People)+len(a.Unknown)+len(a.Ambiguous), len(a.Unknown), a.Total, a.Occasions, a.Activity)
	for i, e := range a.Errors {
		if i == 10 {
			fmt.Fprintf(env.Stdout, "  … and %d more\n", len(a.Errors)-10)
			break
		}
		fmt.Fprintln(env.Stdout, "  "+e.Message(env.Language))
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
	fmt.Fprintf(env.Stdout, "imported %d participations\n", n)
	return nil
}
