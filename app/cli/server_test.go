package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"samspil/data"
	"samspil/data/pgtest"
)

// runIn runs a subcommand with stdin and returns its exit code, stdout and stderr.
func runIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(stdin), Version: "test", Language: "en"}
	code := Run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestServerAndCopyUsage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.db")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"server"}, ExitUsage, "init or add-user"},
		{[]string{"server", "start"}, ExitUsage, "unknown server command"},
		{[]string{"server", "init"}, ExitUsage, "--db is required"},
		{[]string{"server", "init", "--db", file}, ExitUsage, "postgres://"},
		{[]string{"server", "add-user", "--db", "postgres://admin@localhost/insp"}, ExitUsage, "NAME is required"},
		{[]string{"server", "add-user", "anne"}, ExitUsage, "--db is required"},
		{[]string{"server", "add-user", "--db", "postgres://admin@localhost/insp", "anne", "bo"}, ExitUsage, "unexpected argument bo"},
		{[]string{"copy", "--to", file}, ExitUsage, "--from is required"},
		{[]string{"copy", "--from", filepath.Join(dir, "missing.db"), "--to", file}, ExitFail, "cannot be opened"},
		{[]string{"backup", "--db", file, "--to", "postgres://admin@localhost/insp"}, ExitUsage, "samspil copy"},
		{[]string{"restore", "--db", "postgres://anne:hemmelig@localhost/insp", "--from", file}, ExitFail, "samspil copy"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) || strings.Contains(errOut, "hemmelig") {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("copy from a missing file created it")
	}
	if !strings.Contains(Usage, "samspil server init") || !strings.Contains(Usage, "samspil copy") {
		t.Error("usage does not list the new commands")
	}
}

func TestCopyCommandBetweenFiles(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "demo.db"), filepath.Join(dir, "copy.db")
	if code, _, errOut := run(t, "demo", "--db", src, "--template", "sager", "--years", "1"); code != ExitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := run(t, "copy", "--from", src, "--to", dst)
	if code != ExitOK || !strings.HasPrefix(out, "copied "+src+" to "+dst+": ") || !strings.Contains(out, "every count compared") {
		t.Fatalf("copy: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run(t, "check", "--db", dst); code != ExitOK || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("check of the copy: %d %q", code, out)
	}
	code, _, errOut = run(t, "copy", "--from", src, "--to", dst)
	if code != ExitFail || !strings.Contains(errOut, "already holds a register") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("copy into a full file: %d %q", code, errOut)
	}
}

// TestSharedRegisterCommands sets a server up the way the README says and
// works on it as a coordinator with the headless commands: the password
// never appears in what they print.
func TestSharedRegisterCommands(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip(pgtest.EnvVar + " is not set: no PostgreSQL server")
	}
	admin := os.Getenv(pgtest.EnvVar)
	login := fmt.Sprintf("cli_coord_%d", os.Getpid())
	var group string
	t.Cleanup(func() {
		for _, r := range []string{login, group} {
			if r != "" {
				pgtest.Admin(admin, "DROP ROLE IF EXISTS "+pgx.Identifier{r}.Sanitize())
			}
		}
	})
	server := pgtest.Fresh(t)
	u, _ := url.Parse(server)
	group, _ = data.CoordinatorRole(strings.TrimPrefix(u.Path, "/"))
	const password = "Kaffe og kage 42"
	never := func(what, text string) {
		t.Helper()
		if strings.Contains(text, password) || strings.Contains(text, url.QueryEscape(password)) {
			t.Fatalf("%s printed the password: %q", what, text)
		}
	}

	code, out, errOut := run(t, "server", "init", "--db", server)
	if code != ExitOK || !strings.Contains(out, "shared register ready") || !strings.Contains(out, group+" created") {
		t.Fatalf("server init: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runIn(t, password+"\n", "server", "add-user", "--db", server, "--password-stdin", login)
	never("add-user", out+errOut)
	if code != ExitOK || !strings.Contains(out, "login "+login+" added") {
		t.Fatalf("server add-user: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runIn(t, password+"\n", "server", "add-user", login, "--db", server)
	never("add-user twice", errOut)
	if code != ExitFail || !strings.Contains(errOut, "already exists") {
		t.Fatalf("the same login twice: %d %q", code, errOut)
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "house.db")
	if code, _, errOut := run(t, "demo", "--db", file, "--template", "landsby", "--years", "1"); code != ExitOK {
		t.Fatal(errOut)
	}
	code, out, errOut = run(t, "copy", "--from", file, "--to", server)
	if code != ExitOK || !strings.Contains(out, "every count compared") {
		t.Fatalf("copy to the server: %d %q %q", code, out, errOut)
	}

	u.User = url.UserPassword(login, password)
	coord := u.String()
	code, out, errOut = run(t, "check", "--db", coord)
	never("check", out+errOut)
	if code != ExitOK || !strings.HasPrefix(out, "ok: postgres://"+login+"@") {
		t.Fatalf("check as the coordinator: %d %q %q", code, out, errOut)
	}
	backup := filepath.Join(dir, "from-server.db")
	code, out, errOut = run(t, "backup", "--db", coord, "--to", backup)
	if code != ExitOK || !strings.Contains(out, "verified") {
		t.Fatalf("backup of the server: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run(t, "check", "--db", backup); code != ExitOK || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("check of the server's backup: %d %q", code, out)
	}
	if code, out, errOut := run(t, "erase", "--db", coord, "--person", "1"); code != ExitOK {
		t.Fatalf("erase on the server: %d %q %q", code, out, errOut)
	}
	code, _, errOut = run(t, "copy", "--from", file, "--to", coord)
	never("copy", errOut)
	if code != ExitFail || !strings.Contains(errOut, "already holds a register") {
		t.Fatalf("copy into the full server: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "demo", "--db", server)
	if code != ExitFail || !strings.Contains(errOut, "already holds a register") {
		t.Fatalf("demo onto the full server: %d %q", code, errOut)
	}
	code, out, errOut = run(t, "demo", "--db", pgtest.Fresh(t), "--template", "sager", "--years", "1")
	if code != ExitOK || !strings.Contains(out, "written to postgres://") {
		t.Fatalf("demo onto an empty server database: %d %q %q", code, out, errOut)
	}
	code, _, errOut = run(t, "restore", "--db", coord, "--from", backup)
	never("restore", errOut)
	if code != ExitFail || !strings.Contains(errOut, "samspil copy") {
		t.Fatalf("restore onto the server: %d %q", code, errOut)
	}
}
