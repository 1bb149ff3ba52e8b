package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samspil/app/i18n"
	"samspil/assets"
	"samspil/data"
	"samspil/data/demo"
	"samspil/data/importer"
	"samspil/data/indicators"
)

// TestTranslationsAreComplete fails when a key used in the code, or a
// code's label, is missing in Danish or English, or when the two files
// differ in their keys.
func TestTranslationsAreComplete(t *testing.T) {
	da, en := assets.Catalog("da"), assets.Catalog("en")
	for k := range da {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in da.json but not in en.json", k)
		}
	}
	for k := range en {
		if _, ok := da[k]; !ok {
			t.Errorf("%q is in en.json but not in da.json", k)
		}
	}
	var keys []string
	use := regexp.MustCompile(`\b(?:T|Tf|Text)\("([a-z_]+\.[a-z_.]+)"`)
	code := regexp.MustCompile(`Code: "(err\.[a-z_]+)"`)
	for _, dir := range []string{".", "cli", "../data", "../data/demo"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range use.FindAllStringSubmatch(string(src), -1) {
				if !strings.HasSuffix(m[1], ".") {
					keys = append(keys, m[1])
				}
			}
			for _, m := range code.FindAllStringSubmatch(string(src), -1) {
				keys = append(keys, m[1])
			}
		}
	}
	for _, g := range data.Groups {
		keys = append(keys, "group."+string(g))
	}
	for kind, codes := range map[string][]string{"entry": data.EntryChannels, "kind": data.ActivityKinds,
		"status": data.ActivityStatuses, "path": data.PathKinds, "consent": data.ConsentPurposes,
		"gender": data.Genders, "staff": data.StaffKinds, "filter": peopleFilters} {
		for _, c := range codes {
			keys = append(keys, kind+"."+c)
		}
	}
	for _, f := range figuresOf(&indicators.Report{}) {
		keys = append(keys, "ind."+f.key, "ind."+f.key+".def")
	}
	for _, p := range overviewPeriods {
		keys = append(keys, "period."+p)
	}
	for _, f := range importer.Fields {
		keys = append(keys, "field."+f)
	}
	for _, k := range []string{"people", "attendance"} {
		keys = append(keys, "import_kind."+k)
	}
	for _, tpl := range demo.Templates {
		keys = append(keys, "welcome.demo."+tpl)
	}
	for _, key := range []string{"overview", "people", "activities", "record", "logbook", "import", "export", "settings"} {
		keys = append(keys, "nav."+key)
	}
	for _, u := range i18n.Units {
		keys = append(keys, "n."+u, "n."+u+".one")
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys in the code; the scan is broken", len(keys))
	}
	for _, k := range keys {
		if _, ok := da[k]; !ok {
			t.Errorf("key %q is missing in da.json", k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is missing in en.json", k)
		}
	}
}

func TestOneThingTakesTheSingular(t *testing.T) {
	if got := i18n.Tf("people.count", map[string]any{"Count": 1}); got != "1 person" {
		t.Errorf("people.count of 1 = %q", got)
	}
	if got := i18n.Tf("people.count", map[string]any{"Count": 2}); got != "2 personer" {
		t.Errorf("people.count of 2 = %q", got)
	}
	err := &data.Error{Code: "err.person_has_participations", Args: map[string]any{"Name": "Mia", "Count": 1}}
	if got := i18n.ErrText(err); !strings.Contains(got, "har 1 deltagelse ") {
		t.Errorf("error with one participation = %q", got)
	}
	for _, lang := range []string{"da", "en"} {
		for k := range assets.Catalog(lang) {
			if base, ok := strings.CutSuffix(k, ".one"); ok {
				if _, ok := assets.Catalog(lang)[base]; !ok {
					t.Errorf("%s: %q has no plural form %q", lang, k, base)
				}
			}
		}
	}
}
