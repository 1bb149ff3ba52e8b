package cli

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"samspil/data/demo"
)

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlags("demo")
	db := fs.String("db", "", "database file to create")
	tpl := fs.String("template", "kulturhus", "kulturhus, sager or landsby")
	years := fs.Int("years", 3, "years of history")
	scale := fs.Int("scale", 1, "size multiplier (10 = a busy house)")
	if err := parse(fs, args, "db"); err != nil {
		return err
	}
	if !slices.Contains(demo.Templates, *tpl) {
		return usageError{fmt.Sprintf("unknown template %q", *tpl)}
	}
	if *years < 1 || *years > 50 || *scale < 1 || *scale > 100 {
		return usageError{"--years must be 1-50 and --scale 1-100"}
	}
	started := time.Now()
	res, err := demo.CreateFile(ctx, *db, demo.Options{Template: *tpl, Years: *years, Scale: *scale})
	if err != nil {
		return err
	}
	st, _ := os.Stat(*db)
	fmt.Fprintf(env.Stdout, "demo %s written to %s: %d people, %d activities, %d occasions, %d participations, %d logbook entries; %.1f MB in %.1f s\n",
		*tpl, *db, res.People, res.Activities, res.Occasions, res.Participations, res.LogEntries,
		float64(st.Size())/1e6, time.Since(started).Seconds())
	return nil
}
