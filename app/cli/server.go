package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"samspil/data"
)

// runCopy moves a whole register between a file and a server (or two
// files): same ids, same pseudonym secret, counts compared, into an empty
// target only.
func runCopy(ctx context.Context, env Env, args []string) error {
	fs := newFlags("copy")
	from := fs.String("from", "", "Samspil file or server URL to copy")
	to := fs.String("to", "", "server URL or new Samspil file to copy into")
	if err := parse(fs, args, "from", "to"); err != nil {
		return err
	}
	started := time.Now()
	rep, err := data.Copy(ctx, *from, *to)
	if err != nil {
		return err
	}
	var rows int64
	for _, t := range rep.Tables {
		rows += t.Rows
	}
	fmt.Fprintf(env.Stdout, "copied %s to %s: %d people, %d activities, %d occasions, %d participations; %d rows in %d tables, every count compared, in %.1f s\n",
		rep.From, rep.To, rep.Rows("people"), rep.Rows("activities"), rep.Rows("occasions"), rep.Rows("participations"),
		rows, len(rep.Tables), time.Since(started).Seconds())
	return nil
}

// runServer sets up a shared register on a PostgreSQL server: "init" as
// its administrator, then "add-user" for each coordinator.
func runServer(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usageError{"server needs init or add-user"}
	}
	switch args[0] {
	case "init":
		return runServerInit(ctx, env, args[1:])
	case "add-user":
		return runServerAddUser(ctx, env, args[1:])
	}
	return usageError{fmt.Sprintf("unknown server command %q (init or add-user)", args[0])}
}

// serverURL checks that --db names a server.
func serverURL(db string) error {
	if !data.IsServerURL(db) {
		return usageError{"--db must be the server's URL, postgres://ADMIN@HOST/DB"}
	}
	return nil
}

func runServerInit(ctx context.Context, env Env, args []string) error {
	fs := newFlags("server init")
	db := fs.String("db", "", "the administrator's URL of the database")
	if err := parse(fs, args, "db"); err != nil {
		return err
	}
	if err := serverURL(*db); err != nil {
		return err
	}
	rep, err := data.InitServer(ctx, *db)
	if err != nil {
		return err
	}
	role := "role " + rep.Group + " created"
	if !rep.GroupCreated {
		role = "role " + rep.Group + " already there, its rights renewed"
	}
	fmt.Fprintf(env.Stdout, "shared register ready: %s, schema %d; coordinators' %s; next: samspil server add-user --db %s NAME\n",
		rep.URL, rep.SchemaVersion, role, rep.URL)
	return nil
}

func runServerAddUser(ctx context.Context, env Env, args []string) error {
	fs := newFlags("server add-user")
	db := fs.String("db", "", "the administrator's URL of the database")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	rest := fs.Args()
	if name == "" && len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	switch {
	case len(rest) > 0:
		return usageError{"unexpected argument " + rest[0]}
	case *db == "":
		return usageError{"--db is required"}
	case name == "":
		return usageError{"the coordinator's login NAME is required"}
	}
	if err := serverURL(*db); err != nil {
		return err
	}
	password, err := readPassword(env, name, *fromStdin)
	if err != nil {
		return err
	}
	if err := data.AddServerUser(ctx, *db, name, password); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "login %s added to the shared register %s; the coordinator connects with server, database, %s and the password\n",
		name, data.RedactURL(*db), name)
	return nil
}

// readPassword reads the new login's password: from a terminal twice,
// without echo where stty can turn it off, else the first line of
// standard input (--password-stdin, or a pipe). It is never printed.
func readPassword(env Env, name string, fromStdin bool) (string, error) {
	in := env.Stdin
	if in == nil {
		in = os.Stdin
	}
	f, isFile := in.(*os.File)
	terminal := false
	if isFile && !fromStdin {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			terminal = true
		}
	}
	r := bufio.NewReader(in)
	if !terminal {
		pw, err := readLine(r)
		if err != nil {
			return "", errors.New("no password on standard input")
		}
		return pw, nil
	}
	hidden := echo(f, false)
	if hidden {
		defer echo(f, true)
	}
	ask := func(prompt string) (string, error) {
		if hidden {
			fmt.Fprintf(env.Stderr, "%s: ", prompt)
		} else {
			fmt.Fprintf(env.Stderr, "%s (shown as you type; --password-stdin reads it from a pipe): ", prompt)
		}
		pw, err := readLine(r)
		if hidden {
			fmt.Fprintln(env.Stderr)
		}
		return pw, err
	}
	pw, err := ask("Password for " + name)
	if err != nil {
		return "", errors.New("no password typed")
	}
	again, err := ask("The same password again")
	if err != nil || again != pw {
		return "", errors.New("the two passwords differ; nothing was changed")
	}
	return pw, nil
}

// readLine reads one line without its line ending.
func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// echo turns the terminal's echo on or off with stty (Unix), and reports
// whether it could.
func echo(tty *os.File, on bool) bool {
	if runtime.GOOS == "windows" {
		return false
	}
	mode := "-echo"
	if on {
		mode = "echo"
	}
	cmd := exec.Command("stty", mode)
	cmd.Stdin = tty
	return cmd.Run() == nil
}
