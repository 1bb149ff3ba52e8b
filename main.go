// Command samspil is the desktop app for coordinators of co-creation
// partnerships. With a subcommand it runs headless (see app/cli).
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"samspil/app"
	"samspil/app/cli"
)

//go:embed FyneApp.toml
var fyneAppToml string

func main() {
	version := tomlValue(fyneAppToml, "Version")
	args := os.Args[1:]
	if len(args) > 0 && (cli.IsCommand(args[0]) || !strings.HasPrefix(args[0], "-")) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Run(ctx, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Version: version, Language: cliLanguage()}, args)
		stop()
		os.Exit(code)
	}
	os.Exit(app.Main(args, version))
}

// tomlValue reads a top-level `key = "value"` line of FyneApp.toml.
func tomlValue(toml, key string) string {
	for _, line := range strings.Split(toml, "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return "dev"
}

// cliLanguage picks Danish messages when the environment asks for Danish.
func cliLanguage() string {
	for _, v := range []string{os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"), os.Getenv("LANGUAGE")} {
		if v != "" {
			if strings.HasPrefix(v, "da") {
				return "da"
			}
			return "en"
		}
	}
	return "en"
}
