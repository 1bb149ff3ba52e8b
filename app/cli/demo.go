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
	res, err := CreateDemo(ctx, *db, demo.Options{Template: *tpl, Years: *years, Scale: *scale})
	if err != nil {
		return err
	}
	st, _ := os.Stat(*db)
	fmt.Fprintf(env.Stdout, "demo %s written to %s: %d people, %d activities, %d occasions, %d participations, %d logbook entries; %.1f MB in %.1f s\n",
		*tpl, *db, res.People, res.Activities, res.Occasions, res.Participations, res.LogEntries,
		float64(st.Size())/1e6, time.Since(started).Seconds())
	return nil
}

// CreateDemo writes a new demo database at path. It refuses an existing
// file, builds the data in a temporary file beside it and renames that into
// place, so a failed or interrupted run leaves nothing at path.
func CreateDemo(ctx context.Context, path string, opt demo.Options) (demo.Result, error) {
	if _, err := os.Stat(path); err == nil {
		return demo.Result{}, &data.Error{Code: "err.target_exists", Args: map[string]any{"Path": path}}
	}
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	removeDB(tmp)
	s, err := data.Open(tmp)
	if err != nil {
		return demo.Result{}, err
	}
	res, err := demo.Generate(ctx, s, opt)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		removeDB(tmp)
	}
	return res, err
}

func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
