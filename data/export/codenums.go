package export

import (
	"sort"

	"samspil/assets"
)

// codeEntry is one code of a code list with its stable integer number: the
// position in the app's fixed list (from 1), or the catalogue row's id for
// the partnership's own catalogues (roles, categories, themes), whose
// built-in rows have the same ids in every database.
type codeEntry struct {
	list, code string
	number     int
	da, en     string
	level      any // roles only
}

// codeEntries lists every code of the export, list by list, in the order
// of the codes sheet.
func (src *source) codeEntries() []codeEntry {
	var out []codeEntry
	for _, l := range codeLists {
		for i, c := range l.codes {
			key := l.prefix + "." + c
			out = append(out, codeEntry{l.list, c, i + 1, assets.Text("da", key, nil), assets.Text("en", key, nil), nil})
		}
	}
	for _, c := range sortedCategories(src.categories) {
		out = append(out, codeEntry{"category", c.Code, int(c.ID), c.NameDA, c.NameEN, nil})
	}
	var roles []codeEntry
	for _, r := range src.roles {
		roles = append(roles, codeEntry{"role", r.Code, int(r.ID), r.NameDA, r.NameEN, r.Level})
	}
	var themes []codeEntry
	for _, t := range src.themes {
		themes = append(themes, codeEntry{"theme", t.Code, int(t.ID), t.NameDA, t.NameEN, nil})
	}
	sort.Slice(roles, func(i, j int) bool {
		return src.roles[int64(roles[i].number)].Sort < src.roles[int64(roles[j].number)].Sort
	})
	sort.Slice(themes, func(i, j int) bool {
		return src.themes[int64(themes[i].number)].Sort < src.themes[int64(themes[j].number)].Sort
	})
	return append(append(out, roles...), themes...)
}

// codeNumbers maps each list and code to its number.
func codeNumbers(entries []codeEntry) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, c := range entries {
		if out[c.list] == nil {
			out[c.list] = map[string]int{}
		}
		out[c.list][c.code] = c.number
	}
	return out
}
