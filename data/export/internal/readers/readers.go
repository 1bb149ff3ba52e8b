// Package readers runs the statistics programs the research package is
// written for (PSPP, R with haven) from tests. A missing program skips the
// test on a developer's machine and fails it in CI (CI=true), so CI proves
// that the files open.
package readers

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Need returns the path of program, skipping the test when it is missing
// outside CI and failing it in CI.
func Need(t testing.TB, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (apt-get install pspp r-base-core r-cran-haven)", program)
		}
		t.Skipf("%s is not installed", program)
	}
	return path
}

// R runs an R script with haven loaded and returns what it printed; the
// test fails if R fails.
func R(t testing.TB, script string) string {
	t.Helper()
	Need(t, "Rscript")
	file, err := os.CreateTemp(t.TempDir(), "*.R")
	if err != nil {
		t.Fatal(err)
	}
	file.WriteString("suppressPackageStartupMessages(library(haven))\n" + script + "\n")
	file.Close()
	cmd := exec.Command("Rscript", "--vanilla", file.Name())
	cmd.Env = utf8Locale()
	out, err := cmd.CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "there is no package called") && os.Getenv("CI") != "true" {
			t.Skipf("R has no haven: %s", out)
		}
		t.Fatalf("Rscript: %v\n%s", err, out)
	}
	return string(out)
}

// PSPPConvert converts a system file to CSV with pspp-convert and returns
// the CSV.
func PSPPConvert(t testing.TB, sav string, args ...string) string {
	t.Helper()
	Need(t, "pspp-convert")
	csv := sav + ".pspp.csv"
	cmd := exec.Command("pspp-convert", append(append(args, sav), csv)...)
	cmd.Env = utf8Locale()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pspp-convert %s: %v\n%s", sav, err, out)
	}
	b, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// PSPP runs a syntax file with pspp in dir and returns what it printed;
// the test fails if PSPP reports an error.
func PSPP(t testing.TB, dir, syntax string) string {
	t.Helper()
	Need(t, "pspp")
	cmd := exec.Command("pspp", "-O", "format=txt", "-o", "-", syntax)
	cmd.Dir = dir
	cmd.Env = utf8Locale()
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), "error:") {
		t.Fatalf("pspp %s: %v\n%.3000s", syntax, err, out)
	}
	return string(out)
}

// utf8Locale is the environment with a UTF-8 locale every Debian has, as an
// evaluator's desktop has one: a locale that is not installed (CI's
// en_US.UTF-8 on a bare machine) makes PSPP and R fall back to ASCII and
// read æøå as "??".
func utf8Locale() []string {
	return append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
}
