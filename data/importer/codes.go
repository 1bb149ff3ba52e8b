package importer

import (
	"strings"

	"samspil/assets"
	"samspil/data"
)

// The kinds of file the importer reads.
const (
	KindPeople     = "people"     // a people list: one row per person, one column per field
	KindAttendance = "attendance" // a tick-sheet: one row per person, one column per date
)

// DetectKind tells a tick-sheet from a people list by its header: a
// tick-sheet's headings after the name are dates, at least half of them.
func DetectKind(sh *Sheet) string {
	dates, others := 0, 0
	for i, h := range sh.Header {
		if i == 0 || h == "" {
			continue
		}
		if d, err := parseSheetDate(h); err == nil && !d.IsZero() {
			dates++
		} else {
			others++
		}
	}
	if dates > 0 && dates >= others {
		return KindAttendance
	}
	return KindPeople
}

// ParseGroup reads a group from its code, the app's own label in Danish
// or English, or a common word ("frivillig", "ung", "ungevejleder").
func ParseGroup(s string) (data.Group, bool) {
	codes := make([]string, len(data.Groups))
	for i, g := range data.Groups {
		codes[i] = string(g)
	}
	if c, ok := matchCode("group", codes, s); ok {
		return data.Group(c), true
	}
	key := data.FoldName(s)
	for _, gw := range groupWords {
		for _, w := range gw.words {
			if key == w {
				return gw.group, true
			}
		}
	}
	return "", false
}

// groupWords turn what a spreadsheet says into a group.
var groupWords = []struct {
	group data.Group
	words []string
}{
	{data.GroupTarget, []string{"maalgruppe", "malgruppe", "target", "target group", "saarbar", "sarbar", "borger i maalgruppen", "ung", "beboer"}},
	{data.GroupVolunteer, []string{"frivillig", "frivillige", "volunteer"}},
	{data.GroupResourceful, []string{"ressourcestaerk", "ressourcestaerk borger", "borger", "resourceful", "citizen", "deltager"}},
	{data.GroupOrgStaff, []string{"ansat", "medarbejder", "personale", "staff", "organisation staff", "koordinator"}},
	{data.GroupMunicipalStaff, []string{"kommunal", "kommunalt ansat", "kommunen", "ungevejleder", "vejleder", "raadgiver", "stoette", "stotte", "municipal", "municipal staff", "counsellor", "care staff"}},
}

// matchCode finds the code of kind whose code or label (in Danish or
// English, see assets) is s, compared without case or accents.
func matchCode(kind string, codes []string, s string) (string, bool) {
	key := data.FoldName(s)
	if key == "" {
		return "", false
	}
	for _, c := range codes {
		if key == data.FoldName(c) || key == data.FoldName(assets.Text("da", kind+"."+c, nil)) ||
			key == data.FoldName(assets.Text("en", kind+"."+c, nil)) {
			return c, true
		}
	}
	return "", false
}

// parseGender reads K/Kvinde/F, M/Mand, Andet or a label; "" is not stated.
func parseGender(s string) (string, bool) {
	if c, ok := matchCode("gender", data.Genders, s); ok {
		return c, true
	}
	switch data.FoldName(s) {
	case "":
		return "", true
	case "k", "kvinde", "f", "female", "woman", "pige":
		return "female", true
	case "m", "mand", "male", "man", "dreng":
		return "male", true
	case "a", "andet", "other", "x", "nonbinaer", "non binary":
		return "other", true
	}
	return "", false
}

// parseEntry reads an entry channel by code, label or common words.
func parseEntry(s string) (string, bool) {
	if c, ok := matchCode("entry", data.EntryChannels, s); ok {
		return c, true
	}
	key := data.FoldName(s)
	switch {
	case key == "":
		return "other", true
	case strings.Contains(key, "netvaerk") || strings.Contains(key, "network") || strings.Contains(key, "ven"):
		return "network", true
	case strings.Contains(key, "vaert") || strings.Contains(key, "koordinator") || strings.Contains(key, "host"):
		return "host", true
	case strings.Contains(key, "kommun") || strings.Contains(key, "vejleder") || strings.Contains(key, "municipal"):
		return "municipal", true
	case strings.Contains(key, "selv") || strings.Contains(key, "eget") || strings.Contains(key, "own") || key == "self":
		return "self", true
	case key == "andet" || key == "other":
		return "other", true
	}
	return "", false
}

// parseStaffKind reads a kind of municipal staff by code, label or a
// common word; "" is not stated.
func parseStaffKind(s string) (string, bool) {
	if c, ok := matchCode("staff", data.StaffKinds, s); ok {
		return c, true
	}
	key := data.FoldName(s)
	switch {
	case key == "":
		return "", true
	case strings.Contains(key, "vejleder") || strings.Contains(key, "raadgiver") || strings.Contains(key, "counsel"):
		return "counsellor", true
	case strings.Contains(key, "omsorg") || strings.Contains(key, "pleje") || strings.Contains(key, "paedagog") || strings.Contains(key, "care"):
		return "care", true
	case key == "andet" || key == "other":
		return "other", true
	}
	return "", false
}

// matchCatalog finds the catalog item (category, role) whose code or name
// in either language is s, compared without case or accents.
func matchCatalog(items []data.CatalogItem, s string) (data.CatalogItem, bool) {
	key := data.FoldName(s)
	if key == "" {
		return data.CatalogItem{}, false
	}
	for _, c := range items {
		if key == data.FoldName(c.Code) || key == data.FoldName(c.NameDA) || key == data.FoldName(c.NameEN) {
			return c, true
		}
	}
	return data.CatalogItem{}, false
}

// parseCategories matches comma- or semicolon-separated names against the
// catalogue (Danish, English or code); bad is the first unknown one.
func parseCategories(text string, cats []data.Category) (ids []int64, bad string) {
	items := make([]data.CatalogItem, len(cats))
	for i, c := range cats {
		items[i] = c.CatalogItem
	}
	if c, ok := matchCatalog(items, text); ok { // a name that itself holds a separator
		return []int64{c.ID}, ""
	}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '/' }) {
		if data.FoldName(part) == "" {
			continue
		}
		if c, ok := matchCatalog(items, part); ok {
			ids = append(ids, c.ID)
		} else if bad == "" {
			bad = strings.TrimSpace(part)
		}
	}
	return ids, bad
}

// FindCategory finds a category by its code or its name in either language.
func FindCategory(cats []data.Category, text string) (data.Category, bool) {
	for _, c := range cats {
		if _, ok := matchCatalog([]data.CatalogItem{c.CatalogItem}, text); ok {
			return c, true
		}
	}
	return data.Category{}, false
}
