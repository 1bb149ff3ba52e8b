package cli

import (
	"context"
	"fmt"
	"time"

	"samspil/data"
	"samspil/data/export"
)

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlags("export")
	db := fs.String("db", "", "database file")
	out := fs.String("out", "", "workbook, or for csv and package a folder or .zip")
	from := fs.String("from", "", "first day, YYYY-MM-DD")
	to := fs.String("to", "", "last day, YYYY-MM-DD")
	recipient := fs.String("recipient", "evaluator", "who receives the export")
	identified := fs.Bool("identified", false, "include names (internal use only)")
	logbook := fs.Bool("with-logbook", false, "include the logbook, names replaced by keys")
	birthYear := fs.Bool("birth-year", false, "birth year instead of age band")
	format := fs.String("format", "xlsx", "xlsx, csv or package")
	if err := parse(fs, args, "db", "out"); err != nil {
		return err
	}
	opt := export.Options{Recipient: *recipient, Identified: *identified, WithLogbook: *logbook,
		Format: *format, BirthYear: *birthYear, AppVersion: env.Version}
	var err error
	if opt.From, err = data.ParseDate(*from); err != nil {
		return usageError{"--from: " + err.Error()}
	}
	if opt.To, err = data.ParseDate(*to); err != nil {
		return usageError{"--to: " + err.Error()}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	started := time.Now()
	sum, err := export.Run(ctx, s, opt, *out, nil)
	if err != nil {
		return err
	}
	kind := "pseudonymised"
	if !sum.Pseudonymised {
		kind = "IDENTIFIED (internal use only)"
	}
	fmt.Fprintf(env.Stdout, "export written to %s (%s) in %.1f s: %d people, %d occasions, %d participations; %d left out and %d without a key for lack of research consent\n",
		sum.Out, kind, time.Since(started).Seconds(), sum.RowCounts["people"], sum.RowCounts["occasions"],
		sum.RowCounts["participation"], sum.Excluded, sum.Unkeyed)
	return nil
}
