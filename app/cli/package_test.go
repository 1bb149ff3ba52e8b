package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPackageExportAndCombineCommands(t *testing.T) {
	dir := t.TempDir()
	var pkgs []string
	for _, tpl := range []string{"sager", "landsby"} {
		db := filepath.Join(dir, tpl+".db")
		if code, _, errOut := run(t, "demo", "--db", db, "--template", tpl, "--years", "1"); code != ExitOK {
			t.Fatalf("demo: %s", errOut)
		}
		out := filepath.Join(dir, tpl+"-pakke.zip")
		code, stdout, errOut := run(t, "export", "--db", db, "--out", out, "--format", "package")
		if code != ExitOK || !strings.Contains(stdout, "pseudonymised") {
			t.Fatalf("export --format package: %d %q %q", code, stdout, errOut)
		}
		pkgs = append(pkgs, out)
	}
	out := filepath.Join(dir, "samlet")
	code, stdout, errOut := run(t, append([]string{"combine", "--out", out}, pkgs...)...)
	if code != ExitOK || !strings.Contains(stdout, "2 partnerships") {
		t.Fatalf("combine: %d %q %q", code, stdout, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "participation.sav")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "combine", "--out", filepath.Join(dir, "twice"), pkgs[0], pkgs[0])
	if code != ExitFail || !strings.Contains(errOut, pkgs[0]) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("the same package twice: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "combine", "--out", filepath.Join(dir, "none")); code != ExitUsage {
		t.Fatalf("combine without packages: %d", code)
	}
	if code, _, _ := run(t, "combine", pkgs[0]); code != ExitUsage {
		t.Fatalf("combine without --out: %d", code)
	}
}
