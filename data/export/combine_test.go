package export

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samspil/data"
	"samspil/data/export/internal/readers"
)

// demoPackages writes a package of each demo template (the last as .zip)
// and returns their paths and participation counts.
func demoPackages(t *testing.T) ([]string, []int) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	var counts []int
	for i, tpl := range []string{"kulturhus", "sager", "landsby"} {
		out := filepath.Join(dir, tpl)
		if i == 2 {
			out += ".zip"
		}
		sum, err := Run(context.Background(), demoStore(t, tpl), Options{Recipient: "VIVE", Format: "package"}, out, nil)
		if err != nil {
			t.Fatal(err)
		}
		paths, counts = append(paths, out), append(counts, sum.RowCounts["participation"])
	}
	return paths, counts
}

func TestCombineThreeDemos(t *testing.T) {
	paths, counts := demoPackages(t)
	out := filepath.Join(t.TempDir(), "samlet")
	sum, err := Combine(context.Background(), out, paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Partnerships) != 3 || sum.RowCounts["participation"] != counts[0]+counts[1]+counts[2] {
		t.Fatalf("combined %v with %d participations, want 3 and %d", sum.Partnerships, sum.RowCounts["participation"], counts[0]+counts[1]+counts[2])
	}
	rows := readPlainCSV(t, filepath.Join(out, "participation.csv"))
	per := map[string]int{}
	for _, r := range rows {
		per[r["partnership"]]++
	}
	for i, n := range counts {
		if per[fmt.Sprint(i+1)] != n {
			t.Errorf("partnership %d has %d participations, want %d", i+1, per[fmt.Sprint(i+1)], n)
		}
	}
	// A role's number means the same in the combined package as in each.
	first := readPlainCSV(t, filepath.Join(paths[0], "participation.csv"))
	for j, r := range first {
		if rows[j]["role"] != r["role"] || rows[j]["occasion_id"] != r["occasion_id"] {
			t.Fatalf("row %d: role %s occasion %s, the package had %s %s", j, rows[j]["role"], rows[j]["occasion_id"], r["role"], r["occasion_id"])
		}
	}
	want := len(rows)
	out2 := readers.R(t, fmt.Sprintf(`a <- read_sav("%[1]s/participation.sav"); b <- read_dta("%[1]s/participation.dta"); setwd("%[1]s"); source("load.R");
		cat(nrow(a), nrow(b), nrow(participation), length(attr(a$partnership, "labels")), length(attr(b$partnership, "labels")), "\n")`, out))
	if strings.TrimSpace(out2) != fmt.Sprintf("%d %d %d 3 3", want, want, want) {
		t.Errorf("R read %q, want %d rows and 3 partnerships", out2, want)
	}
	csv := readers.PSPPConvert(t, filepath.Join(out, "participation.sav"))
	if got := strings.Count(csv, "\n") - 1; got != want {
		t.Errorf("PSPP read %d rows, want %d", got, want)
	}
}

// editPackage copies a package folder and changes its datapackage.json.
func editPackage(t *testing.T, from string, edit func(map[string]any)) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "edited")
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(to, "datapackage.json"))
	var dp map[string]any
	if err := json.Unmarshal(raw, &dp); err != nil {
		t.Fatal(err)
	}
	edit(dp)
	raw, _ = json.Marshal(dp)
	if err := os.WriteFile(filepath.Join(to, "datapackage.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return to
}

func TestCombineRefusals(t *testing.T) {
	paths, _ := demoPackages(t)
	otherSchema := editPackage(t, paths[1], func(dp map[string]any) { dp["samspil:schema_version"] = "999" })
	otherLevel := editPackage(t, paths[1], func(dp map[string]any) {
		for _, c := range dp["samspil:codes"].([]any) {
			if c := c.(map[string]any); c["list"] == "role" && c["code"] == "host" {
				c["level"] = 1
			}
		}
	})
	renamed := editPackage(t, paths[0], func(dp map[string]any) { dp["samspil:partnership"] = "Et andet hus" })
	for _, c := range []struct {
		name  string
		paths []string
		code  string
		named string
	}{
		{"schema", []string{paths[0], otherSchema}, "err.combine_schema", otherSchema},
		{"twice", []string{paths[0], paths[1], paths[0]}, "err.combine_twice", paths[0]},
		{"level", []string{paths[0], otherLevel}, "err.combine_codes", otherLevel},
		{"no package", []string{paths[0], t.TempDir()}, "err.combine_not_package", ""},
	} {
		out := filepath.Join(t.TempDir(), "samlet.zip")
		_, err := Combine(context.Background(), out, c.paths)
		var de *data.Error
		if !errors.As(err, &de) || de.Code != c.code || (c.named != "" && de.Args["Package"] != c.named) {
			t.Errorf("%s: got %v, want %s naming %s", c.name, err, c.code, c.named)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
			t.Errorf("%s: a refused combine left %v", c.name, entries)
		}
	}
	// The same data under another partnership's name combines: the check
	// is by partnership, not by content.
	if _, err := Combine(context.Background(), filepath.Join(t.TempDir(), "ok"), []string{paths[0], renamed}); err != nil {
		t.Fatal(err)
	}
}

// TestMergeCodesRenumbersClashes: a local code whose number another
// partnership gave a different code gets a free number, and the same code
// with a locally edited label merges into one.
func TestMergeCodesRenumbersClashes(t *testing.T) {
	a := &inPackage{path: "a", codes: []codeEntry{
		{list: "role", code: "host", number: 2, da: "vært", level: 4},
		{list: "role", code: "cafe", number: 7, da: "café", level: 3},
	}}
	b := &inPackage{path: "b", codes: []codeEntry{
		{list: "role", code: "host", number: 2, da: "værtinde", level: 4},
		{list: "role", code: "shop", number: 7, da: "butik", level: 3},
	}}
	entries, remap, err := mergeCodes([]*inPackage{a, b})
	if err != nil {
		t.Fatal(err)
	}
	numbers := map[string]int{}
	for _, e := range entries {
		if _, twice := numbers[e.code]; twice {
			t.Fatalf("%s listed twice", e.code)
		}
		numbers[e.code] = e.number
	}
	if len(entries) != 3 || numbers["host"] != 2 || numbers["cafe"] != 7 || numbers["shop"] == 7 || numbers["shop"] == 2 {
		t.Fatalf("merged %v", entries)
	}
	if remap[1]["role"][7] != "shop" || remap[0]["role"][7] != "cafe" {
		t.Fatalf("package numbers read back as %v", remap)
	}
}
