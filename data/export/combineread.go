package export

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"samspil/data"
)

// inPackage is one research package being combined.
type inPackage struct {
	path          string
	zr            *zip.ReadCloser // nil for a folder
	partnership   string
	schemaVersion string
	codes         []codeEntry
	resources     []inResource
}

// inResource is one table of a package as its datapackage.json describes it.
type inResource struct {
	name, da, en string
	cols         []column
}

// dpIn is the part of datapackage.json that combining reads.
type dpIn struct {
	Partnership   string `json:"samspil:partnership"`
	SchemaVersion string `json:"samspil:schema_version"`
	Codes         []struct {
		List, Code string
		Number     int
		LabelDA    string `json:"label_da"`
		LabelEN    string `json:"label_en"`
		Level      *int
	} `json:"samspil:codes"`
	Resources []struct {
		Name        string
		Path        string
		Description string
		DescDA      string `json:"samspil:description_da"`
		Schema      struct {
			Fields []struct {
				Name, Type, Description string
				DescDA                  string `json:"samspil:description_da"`
				Categories              []json.RawMessage
			}
		}
	}
}

// openPackage reads a package folder or .zip file's datapackage.json.
func openPackage(path string) (*inPackage, error) {
	p := &inPackage{path: path}
	notPackage := func(reason string) error {
		return &data.Error{Code: "err.combine_not_package", Args: map[string]any{"Package": path, "Reason": reason}}
	}
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, notPackage(err.Error())
		}
		p.zr = zr
	}
	r, err := p.open("datapackage.json")
	if err != nil {
		p.close()
		return nil, notPackage("datapackage.json: " + err.Error())
	}
	var dp dpIn
	err = json.NewDecoder(r).Decode(&dp)
	r.Close()
	if err != nil || dp.SchemaVersion == "" {
		p.close()
		return nil, notPackage(fmt.Sprint("datapackage.json is not a Samspil package ", err))
	}
	p.partnership, p.schemaVersion = dp.Partnership, dp.SchemaVersion
	for _, c := range dp.Codes {
		e := codeEntry{list: c.List, code: c.Code, number: c.Number, da: c.LabelDA, en: c.LabelEN}
		if c.Level != nil {
			e.level = *c.Level
		}
		p.codes = append(p.codes, e)
	}
	for _, res := range dp.Resources {
		in := inResource{name: strings.TrimSuffix(res.Path, ".csv"), da: res.DescDA, en: res.Description}
		for _, f := range res.Schema.Fields {
			in.cols = append(in.cols, col(f.Name, kindOfField(f.Type, len(f.Categories) > 0), f.DescDA, f.Description))
		}
		p.resources = append(p.resources, in)
	}
	return p, nil
}

// kindOfField is the column kind a Frictionless field type stands for.
func kindOfField(typ string, coded bool) string {
	switch {
	case coded:
		return kindCode
	case typ == "integer":
		return kindInt
	case typ == "number":
		return kindReal
	case typ == "date":
		return kindDate
	}
	return kindText
}

// open opens one file of the package.
func (p *inPackage) open(name string) (io.ReadCloser, error) {
	if p.zr != nil {
		return p.zr.Open(name)
	}
	return os.Open(filepath.Join(p.path, name))
}

func (p *inPackage) close() {
	if p.zr != nil {
		p.zr.Close()
	}
}

// resource returns the package's table of that name, or nil.
func (p *inPackage) resource(name string) *inResource {
	for i := range p.resources {
		if p.resources[i].name == name {
			return &p.resources[i]
		}
	}
	return nil
}
