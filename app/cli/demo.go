package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"samspil/data"
	"samspil/data/demo"
)

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlags("demo")
	db := fs.String("db", "", "database file to create, or an empty shared register's URL")
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
	opt := demo.Options{Template: *tpl, Years: *years, Scale: *scale}
	if data.IsServerURL(*db) {
		return demoOnServer(ctx, env, *db, opt, started)
	}
	res, err := demo.CreateFile(ctx, *db, opt)
	if err != nil {
		return err
	}
	st, _ := os.Stat(*db)
	fmt.Fprintf(env.Stdout, "demo %s written to %s: %d people, %d activities, %d occasions, %d participations, %d logbook entries; %.1f MB in %.1f s\n",
		*tpl, *db, res.People, res.Activities, res.Occasions, res.Participations, res.LogEntries,
		float64(st.Size())/1e6, time.Since(started).Seconds())
	return nil
}

// demoOnServer fills an empty shared register with a demo: it is made as a
// file first and copied onto the server, so a register that already holds
// anything is refused and left as it was.
func demoOnServer(ctx context.Context, env Env, url string, opt demo.Options, started time.Time) error {
	dir, err := os.MkdirTemp("", "samspil-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "demo.db")
	res, err := demo.CreateFile(ctx, file, opt)
	if err != nil {
		return err
	}
	if _, err := data.Copy(ctx, file, url); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "demo %s written to %s: %d people, %d activities, %d occasions, %d participations, %d logbook entries; in %.1f s\n",
		opt.Template, data.RedactURL(url), res.People, res.Activities, res.Occasions, res.Participations, res.LogEntries,
		time.Since(started).Seconds())
	return nil
}
