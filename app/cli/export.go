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
	k := fs.Int("k", export.DefaultK, "pseudonymised: every combination of the people table's descriptive columns covers at least k people")
	if err := parse(fs, args, "db", "out"); err != nil {
		return err
	}
	if *k < 1 || *k > export.MaxK {
		return usageError{fmt.Sprintf("--k: must be between 1 and %d", export.MaxK)}
	}
	opt := export.Options{Recipient: *recipient, Identified: *identified, WithLogbook: *logbook,
		Format: *format, BirthYear: *birthYear, K: *k, AppVersion: env.Version}
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
	printProtection(env, sum, opt.K)
	return nil
}

// printProtection says, on lines of its own after the summary line, what
// the k-check blanked and what the scrubber replaced in free text.
func printProtection(env Env, sum export.Summary, k int) {
	if !sum.Pseudonymised {
		return
	}
	total := 0
	for _, n := range sum.Blanked {
		total += n
	}
	fmt.Fprintf(env.Stdout, "k = %d: %d values blanked in the people table (%s)\n", k, total, data.FormatCounts(sum.Blanked))
	if sum.Scrubbed != nil {
		fmt.Fprintf(env.Stdout, "free text scrubbed by rules (read it before handing it on): %s\n", data.FormatCounts(sum.Scrubbed))
	}
}
