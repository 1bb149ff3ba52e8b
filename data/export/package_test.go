package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
	"samspil/data/export/internal/readers"
)

// readPlainCSV reads a package CSV (UTF-8 without BOM, comma) by header.
func readPlainCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(string(raw), "\ufeff") {
		t.Fatalf("%s starts with a BOM", path)
	}
	recs, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// roleNumbers reads the roles' numbers as the database says.
func roleNumbers(t *testing.T, s *data.Store) map[string]string {
	t.Helper()
	roles, err := s.Roles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range roles {
		out[r.Code] = strconv.FormatInt(r.ID, 10)
	}
	return out
}

func TestPackageCarriesTheRowsWithCodes(t *testing.T) {
	s := demoStore(t, "landsby")
	ctx := context.Background()
	long := strings.Repeat("Lang tekst om Ærø og Åbenrå. ", 90)
	if err := s.SaveLogEntry(ctx, &data.LogEntry{Date: testEnd, Text: long}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pakke")
	sum, err := Run(ctx, s, Options{Recipient: "VIVE", Format: "package", WithLogbook: true}, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"datapackage.json", "load.R", "load.do", "load.sps", "README.txt",
		"participation.csv", "participation.sav", "participation.dta", "people.sav", "logbook.dta"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("package lacks %s", name)
		}
	}
	parts := readPlainCSV(t, filepath.Join(dir, "participation.csv"))
	took, consenting := participants(t, s, data.Date{}, data.Date{}), 0
	for _, p := range researchPeople(t, s) {
		if p.ResearchConsent {
			consenting += took[p.ID]
		}
	}
	if len(parts) != sum.RowCounts["participation"] || len(parts) != consenting {
		t.Fatalf("participation.csv has %d rows, summary %d", len(parts), sum.RowCounts["participation"])
	}
	// The role column carries the role's stable number, the codes table says
	// what it means, and the workbook's codes sheet says the same.
	numbers := roleNumbers(t, s)
	codes := readPlainCSV(t, filepath.Join(dir, "codes.csv"))
	byNumber := map[string]string{}
	for _, c := range codes {
		if c["list"] == "role" {
			byNumber[c["number"]] = c["code"]
			if numbers[c["code"]] != c["number"] {
				t.Fatalf("role %s has number %s, database id %s", c["code"], c["number"], numbers[c["code"]])
			}
		}
	}
	for _, p := range parts {
		if byNumber[p["role"]] == "" {
			t.Fatalf("participation role %q is no role number", p["role"])
		}
	}
	xlsx := filepath.Join(t.TempDir(), "w.xlsx")
	if _, err := Run(ctx, s, Options{Recipient: "VIVE"}, xlsx, nil); err != nil {
		t.Fatal(err)
	}
	sheet := byHeaderRows(readSheets(t, xlsx)["codes"])
	for _, c := range codes {
		if !slices.Contains(sheet, fmt.Sprint(c["list"], "|", c["code"], "|", c["number"])) {
			t.Fatalf("the workbook's codes sheet lacks %s %s = %s", c["list"], c["code"], c["number"])
		}
	}
	// The datapackage names every coded column's categories.
	var dp struct {
		Resources []struct {
			Name   string
			Schema struct {
				Fields []struct {
					Name       string
					Type       string
					Categories []struct {
						Value int
						Label string
					}
				}
				PrimaryKey  []string
				ForeignKeys []struct{ Fields []string }
			}
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err := json.Unmarshal(raw, &dp); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range dp.Resources {
		for _, f := range r.Schema.Fields {
			if r.Name == "participation" && f.Name == "role" {
				found = len(f.Categories) == len(numbers) && f.Type == "integer"
			}
		}
		if r.Name == "participation" && len(r.Schema.ForeignKeys) == 0 {
			t.Error("participation has no foreign keys")
		}
	}
	if !found {
		t.Fatalf("participation.role has no categories in datapackage.json")
	}
	checkWithReaders(t, dir, sum, long)
}

// byHeaderRows joins each row's list, code and number.
func byHeaderRows(rows [][]string) []string {
	idx := map[string]int{}
	for i, h := range rows[0] {
		idx[h] = i
	}
	var out []string
	for _, r := range rows[1:] {
		cell := func(n string) string {
			if i, ok := idx[n]; ok && i < len(r) {
				return r[i]
			}
			return ""
		}
		out = append(out, cell("list")+"|"+cell("code")+"|"+cell("number"))
	}
	return out
}

// checkWithReaders has PSPP and R read every native file and the CSVs
// through load.R: the same rows, labels on the role, the long text whole.
func checkWithReaders(t *testing.T, dir string, sum Summary, long string) {
	for _, name := range []string{"people", "participation", "activities", "occasions", "logbook"} {
		want := sum.RowCounts[name]
		csv := readers.PSPPConvert(t, filepath.Join(dir, name+".sav"))
		if got := strings.Count(csv, "\n") - 1; name != "logbook" && got != want {
			t.Errorf("PSPP read %d rows of %s.sav, want %d", got, name, want)
		}
		out := readers.R(t, fmt.Sprintf(`a <- read_sav("%[1]s/%[2]s.sav"); b <- read_dta("%[1]s/%[2]s.dta"); cat(nrow(a), nrow(b), "\n")`, dir, name))
		if strings.TrimSpace(out) != fmt.Sprintf("%d %d", want, want) {
			t.Errorf("haven read %s: %q, want %d rows each", name, out, want)
		}
	}
	out := readers.R(t, fmt.Sprintf(`a <- read_sav("%[1]s/participation.sav"); b <- read_dta("%[1]s/participation.dta");
		l <- read_dta("%[1]s/logbook.dta"); s <- read_sav("%[1]s/logbook.sav");
		cat(is.labelled(a$role), is.labelled(b$role), any(grepl("vært / host", names(attr(a$role, "labels")))) && any(grepl("vært / host", names(attr(b$role, "labels")))),
			class(a$date), class(b$date), any(trimws(l$text) == %[2]q), any(s$text == %[2]q), "\n")`, dir, strings.TrimRight(long, " ")))
	if strings.TrimSpace(out) != "TRUE TRUE TRUE Date Date TRUE TRUE" {
		t.Errorf("haven: %q", out)
	}
	readers.PSPP(t, dir, "load.sps")
	for _, name := range []string{"participation", "logbook"} {
		csv := readers.PSPPConvert(t, filepath.Join(dir, name+"_csv.sav"))
		direct := readers.PSPPConvert(t, filepath.Join(dir, name+".sav"))
		if csv != direct {
			t.Errorf("load.sps read %s.csv differently from %s.sav:\n%.300s\n%.300s", name, name, csv, direct)
		}
	}
	out = readers.R(t, fmt.Sprintf(`setwd("%s"); source("load.R"); cat(nrow(participation), is.factor(participation$role) || is.labelled(participation$role), class(participation$date), "\n")`, dir))
	if strings.TrimSpace(out) != fmt.Sprintf("%d TRUE Date", sum.RowCounts["participation"]) {
		t.Errorf("load.R: %q", out)
	}
}

func TestPackageZipAndNothingOnFailure(t *testing.T) {
	s := demoStore(t, "sager")
	dir := t.TempDir()
	zipped := filepath.Join(dir, "pakke.zip")
	if _, err := Run(context.Background(), s, Options{Recipient: "R", Format: "package"}, zipped, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zipped)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	zr.Close()
	for _, n := range []string{"datapackage.json", "people.csv", "people.sav", "people.dta", "load.R"} {
		if !names[n] {
			t.Errorf("zip lacks %s", n)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err = Run(ctx, s, Options{Recipient: "R", Format: "package"}, filepath.Join(dir, "stop"), func(Progress) {
		if calls++; calls == 3 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled package export succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("a cancelled export left %d entries: %v", len(entries), entries)
	}
}
