// Package cli runs Samspil's headless subcommands (demo, check, backup,
// erase, export, combine, import, copy, server, version) for scripts and
// tests. Every --db takes a file or a shared register's postgres:// URL. It prints one clear line
// on failure and never opens a window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"samspil/data"
)

// Exit codes of every subcommand.
const (
	ExitOK    = 0 // success
	ExitFail  = 1 // the command failed; one line on stderr says why
	ExitUsage = 2 // wrong usage; the usage text is printed
)

// Env is what a subcommand needs from the process.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader // for a password; os.Stdin when nil
	Version        string
	Language       string // "da" or "en", for messages
}

// Usage is printed for wrong usage.
const Usage = `usage:
  samspil [--db PATH]                      open the app (default database in the user's config folder)
  PATH is a Samspil file or a shared register on a PostgreSQL server: postgres://USER@HOST/DB
  samspil demo --db PATH [--template kulturhus|sager|landsby] [--years N] [--scale N]
  samspil check --db PATH [--repair-first-periods]
  samspil backup --db PATH --to FILE        (a server's register becomes a portable Samspil file)
  samspil restore --db FILE --from FILE     (the replaced file is kept as before-restore-*.db beside it)
  samspil copy --from FILE|URL --to URL|FILE   move a register between a file and a server (into an empty one)
  samspil server init --db postgres://ADMIN@HOST/DB   create or upgrade the schema and the coordinators' role
  samspil server add-user --db postgres://ADMIN@HOST/DB [--password-stdin] NAME   a coordinator's login
  samspil erase --db PATH --person ID [--delete]   anonymise (or delete) a person, logged
  samspil export --db PATH --out FILE.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--recipient NAME]
                 [--identified] [--with-logbook] [--birth-year] [--format xlsx|csv|package] [--k N]
  samspil combine --out DIR|FILE.zip PACKAGE...   several partnerships' research packages as one
  samspil import --db PATH --file FILE [--kind people|attendance] [--activity NAME] [--dry-run]
                 [--valid-only] [--create-unknown] [--role CODE] [--default-group GROUP]
                 [--default-category CATEGORY] [--create-similar ROWS|all]
  samspil version
`

// commands maps each subcommand to its runner.
var commands = map[string]func(ctx context.Context, env Env, args []string) error{
	"demo":    runDemo,
	"check":   runCheck,
	"backup":  runBackup,
	"restore": runRestore,
	"erase":   runErase,
	"export":  runExport,
	"combine": runCombine,
	"import":  runImport,
	"copy":    runCopy,
	"server":  runServer,
	"version": runVersion,
}

// IsCommand reports whether name is a headless subcommand.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok
}

// usageError marks a wrong invocation.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run runs the subcommand args[0] with the rest of args and returns the
// process exit code.
func Run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 || !IsCommand(args[0]) {
		fmt.Fprint(env.Stderr, Usage)
		return ExitUsage
	}
	err := commands[args[0]](ctx, env, args[1:])
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		if ue.msg != "" {
			fmt.Fprintln(env.Stderr, "samspil:", ue.msg)
		}
		fmt.Fprint(env.Stderr, Usage)
		return ExitUsage
	default:
		msg := strings.ReplaceAll(data.Message(err, env.Language), "\n", "; ")
		fmt.Fprintf(env.Stderr, "samspil %s: %s\n", args[0], msg)
		return ExitFail
	}
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args and turns flag errors and stray arguments into usage errors.
func parse(fs *flag.FlagSet, args []string, required ...string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"unexpected argument " + fs.Arg(0)}
	}
	for _, name := range required {
		if fs.Lookup(name).Value.String() == "" {
			return usageError{"--" + name + " is required"}
		}
	}
	return nil
}

func runVersion(_ context.Context, env Env, args []string) error {
	if err := parse(newFlags("version"), args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "samspil %s (schema %d)\n", env.Version, data.SchemaVersion())
	return nil
}

func runCheck(ctx context.Context, env Env, args []string) error {
	fs := newFlags("check")
	db := fs.String("db", "", "database file or server URL")
	repair := fs.Bool("repair-first-periods", false, "start first group periods at the earliest participation before them (logged)")
	if err := parse(fs, args, "db"); err != nil {
		return err
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	if !r.OK() {
		return fmt.Errorf("%s is not sound: schema %d, %d foreign-key errors, integrity: %s",
			s.Path(), r.SchemaVersion, r.ForeignKeyErrors, strings.Join(r.IntegrityProblems, "; "))
	}
	fmt.Fprintf(env.Stdout, "ok: %s, schema %d, %d people, %d occasions, %d participations\n",
		s.Path(), r.SchemaVersion, r.People, r.Occasions, r.Participations)
	return reportEarly(ctx, env, s, *repair)
}

func runBackup(ctx context.Context, env Env, args []string) error {
	fs := newFlags("backup")
	db := fs.String("db", "", "database file or server URL")
	to := fs.String("to", "", "backup file")
	if err := parse(fs, args, "db", "to"); err != nil {
		return err
	}
	if data.IsServerURL(*to) {
		return usageError{"--to is a file; samspil copy puts a register on a server"}
	}
	if _, err := os.Stat(*to); err == nil {
		return &data.Error{Code: "err.target_exists", Args: map[string]any{"Path": *to}}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, *to); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backup written and verified: %s\n", *to)
	return nil
}

// openExisting opens a database that must already exist: a file, or a
// shared register on a server (which the server says whether it can open).
func openExisting(path string) (*data.Store, error) {
	if data.IsServerURL(path) {
		return data.Open(path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, &data.Error{Code: "err.db_unreadable", Args: map[string]any{"Path": path, "Reason": "no such file"}}
	}
	return data.Open(path)
}

func runRestore(ctx context.Context, env Env, args []string) error {
	fs := newFlags("restore")
	db := fs.String("db", "", "database file to replace")
	from := fs.String("from", "", "backup file")
	if err := parse(fs, args, "db", "from"); err != nil {
		return err
	}
	if data.IsServerURL(*db) || data.IsServerURL(*from) {
		url := *db
		if !data.IsServerURL(url) {
			url = *from
		}
		return &data.Error{Code: "err.restore_server", Args: map[string]any{"URL": data.RedactURL(url)}}
	}
	kept, err := data.RestoreFile(ctx, *db, *from, filepath.Dir(*db))
	if err != nil {
		return err
	}
	s, err := data.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Update(ctx, func(tx *data.Tx) error { return tx.Audit("restore", filepath.Base(*from)) }); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s from %s; the replaced file is kept as %s\n", *db, *from, kept)
	return nil
}

// reportEarly adds a "note:" line when participations fall before their
// person's first group period (they count under no group), and repairs
// them when asked to.
func reportEarly(ctx context.Context, env Env, s *data.Store, repair bool) error {
	people, parts, err := s.EarlyParticipations(ctx)
	if err != nil || parts == 0 {
		return err
	}
	if !repair {
		fmt.Fprintf(env.Stdout, "note: %d participations of %d people fall before their first group period and count under no group; --repair-first-periods starts those periods earlier\n", parts, people)
		return nil
	}
	if people, parts, err = s.RepairEarlyParticipations(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "repaired: %d people's first group periods now start at their first participation (%d participations)\n", people, parts)
	return nil
}
