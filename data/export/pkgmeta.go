package export

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// dpField is a field of a Frictionless table schema.
type dpField struct {
	Name          string       `json:"name"`
	Type          string       `json:"type"`
	Format        string       `json:"format,omitempty"`
	Description   string       `json:"description"`
	DescriptionDA string       `json:"samspil:description_da"`
	Categories    []dpCategory `json:"categories,omitempty"`
}

// dpCategory is one value of a coded field.
type dpCategory struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

// dpForeignKey ties a field to another table's key.
type dpForeignKey struct {
	Fields    []string `json:"fields"`
	Reference struct {
		Resource string   `json:"resource"`
		Fields   []string `json:"fields"`
	} `json:"reference"`
}

// foreignKeys are the references between the package's tables.
var foreignKeys = []struct{ table, field, ref, refField string }{
	{"occasions", "activity_id", "activities", "activity_id"},
	{"participation", "occasion_id", "occasions", "occasion_id"},
	{"participation", "activity_id", "activities", "activity_id"},
	{"participation", "person_key", "people", "person_key"},
	{"group_periods", "person_key", "people", "person_key"},
	{"paths", "person_key", "people", "person_key"},
}

// primaryKeys are the tables' keys; a key column left empty in some row
// (people counted without a key) is no key and is not declared.
var primaryKeys = map[string][]string{
	"people": {"person_key"}, "activities": {"activity_id"}, "occasions": {"occasion_id"},
	"participation": {"occasion_id", "person_key"}, "logbook": {"entry_id"},
}

// fieldType is a column's Frictionless type.
func fieldType(c column, coded bool) string {
	switch {
	case coded || c.kind == kindInt:
		return "integer"
	case c.kind == kindReal:
		return "number"
	case c.kind == kindDate:
		return "date"
	}
	return "string"
}

// readmeValue returns a line of the README table.
func (p *packageSink) readmeValue(field string) string {
	for _, l := range p.readme {
		if l[0] == field {
			return l[1]
		}
	}
	return ""
}

// datapackage builds datapackage.json's content.
func (p *packageSink) datapackage() map[string]any {
	var resources []map[string]any
	present := map[string]*pkgTable{}
	for _, t := range p.tables {
		present[t.t.name] = t
	}
	for _, t := range p.tables {
		var fields []dpField
		for i, c := range t.cols {
			f := dpField{Name: c.name, Type: fieldType(c, t.lists[i] != ""), Description: c.en, DescriptionDA: c.da}
			for _, e := range p.entries {
				if t.lists[i] != "" && e.list == t.lists[i] {
					f.Categories = append(f.Categories, dpCategory{e.number, labelText(e)})
				}
			}
			fields = append(fields, f)
		}
		schema := map[string]any{"fields": fields, "missingValues": []string{""}}
		if key, ok := primaryKeys[t.t.name]; ok && !t.emptyIn(key) {
			schema["primaryKey"] = key
		}
		var fks []dpForeignKey
		for _, k := range foreignKeys {
			if k.table == t.t.name && present[k.ref] != nil {
				var fk dpForeignKey
				fk.Fields, fk.Reference.Resource, fk.Reference.Fields = []string{k.field}, k.ref, []string{k.refField}
				fks = append(fks, fk)
			}
		}
		if len(fks) > 0 {
			schema["foreignKeys"] = fks
		}
		resources = append(resources, map[string]any{
			"name": strings.ToLower(t.t.name), "path": t.t.name + ".csv", "type": "table", "format": "csv",
			"mediatype": "text/csv", "encoding": "utf-8", "title": t.t.en, "description": t.t.en,
			"samspil:description_da": t.t.da, "samspil:rows": t.rows,
			"dialect": map[string]any{"delimiter": ",", "header": true}, "schema": schema,
		})
	}
	var lists []map[string]any
	for _, e := range p.entries {
		l := map[string]any{"list": e.list, "code": e.code, "number": e.number, "label_da": e.da, "label_en": e.en}
		if e.level != nil {
			l["level"] = e.level
		}
		lists = append(lists, l)
	}
	return map[string]any{
		"$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
		"name":    "samspil", "title": "Samspil: " + p.readmeValue("partnership"),
		"created":                time.Now().UTC().Format(time.RFC3339),
		"samspil:partnership":    p.readmeValue("partnership"),
		"samspil:schema_version": p.readmeValue("schema_version"),
		"samspil:pseudonymised":  p.readmeValue("pseudonymised"),
		"samspil:codes":          lists,
		"resources":              resources,
	}
}

// emptyIn reports whether any of the named columns was left empty.
func (t *pkgTable) emptyIn(names []string) bool {
	for i, c := range t.cols {
		if slices.Contains(names, c.name) && t.empty[i] {
			return true
		}
	}
	return len(names) == 0
}

// writeMeta writes datapackage.json, the three load scripts and README.txt.
func (p *packageSink) writeMeta() error {
	dp, err := json.MarshalIndent(p.datapackage(), "", " ")
	if err != nil {
		return err
	}
	files := map[string]string{
		"datapackage.json": string(dp) + "\n",
		"load.R":           p.loadR(),
		"load.do":          p.loadDo(),
		"load.sps":         p.loadSPS(),
		"README.txt":       p.readmeText(),
	}
	for name, content := range files {
		if err := writeSynced(filepath.Join(p.tmpDir, name), content); err != nil {
			return err
		}
	}
	return nil
}

// writeSynced writes a file and flushes it to the disk.
func writeSynced(path, content string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readmeText is README.txt: what the workbook's README sheet says, and
// what the files are.
func (p *packageSink) readmeText() string {
	var sb strings.Builder
	sb.WriteString("Samspil: forskningspakke / research package\n\n")
	for _, l := range p.readme {
		fmt.Fprintf(&sb, "%s: %s\n", l[0], l[1])
	}
	sb.WriteString(`
Filer / files:
  <tabel>.csv       UTF-8 uden BOM, komma, decimalpunktum, datoer ÅÅÅÅ-MM-DD / UTF-8 without BOM, comma, dot decimals, ISO dates
  <tabel>.sav       SPSS (og PSPP) med variabel- og værdietiketter / SPSS (and PSPP) with variable and value labels
  <tabel>.dta       Stata 14+ (format 118) med etiketter / Stata 14+ (format 118) with labels
  datapackage.json  Frictionless Data Package v2: kolonner, koder, nøgler / columns, codes, keys
  load.R, load.do, load.sps  læser CSV-filerne med etiketter / read the CSVs with labels
  codes.csv         alle koder med faste talkoder / every code with its stable number
  codebook.csv      alle kolonner / every column
Kodede kolonner indeholder kodernes faste tal (se codes.csv); de er de samme i alle udtræk.
Coded columns hold the codes' stable numbers (see codes.csv); they are the same in every export.
`)
	return sb.String()
}
