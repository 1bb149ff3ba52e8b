package importer

import (
	"strings"

	"samspil/data"
)

// Fields a people list can have, in the order the mapping step shows them.
var Fields = []string{"name", "first_name", "last_name", "birth_year", "gender", "phone", "email",
	"group", "categories", "first_contact", "entry_channel", "notes"}

// headerWords are the column headings, folded, that each field is guessed
// from: common Danish and English spellings.
var headerWords = map[string][]string{
	"name":          {"navn", "fulde navn", "fuldt navn", "name", "full name", "deltager", "person"},
	"first_name":    {"fornavn", "fornavne", "first name", "firstname", "given name"},
	"last_name":     {"efternavn", "last name", "lastname", "surname", "family name"},
	"birth_year":    {"foedselsaar", "fodselsar", "aargang", "birth year", "year of birth", "foedt", "fodt", "foedselsdato", "fodselsdato", "birthday", "date of birth"},
	"gender":        {"koen", "kon", "gender", "sex"},
	"phone":         {"telefon", "tlf", "tlf nr", "telefonnummer", "mobil", "mobilnummer", "phone", "mobile", "telephone"},
	"email":         {"e mail", "email", "mail", "e mailadresse", "emailadresse", "email address"},
	"group":         {"gruppe", "deltagergruppe", "type", "group", "rolle i huset"},
	"categories":    {"kategori", "kategorier", "maalgruppe", "malgruppe", "category", "categories", "target group"},
	"first_contact": {"startdato", "start", "foerste kontakt", "forste kontakt", "dato", "oprettet", "first contact", "start date", "joined"},
	"entry_channel": {"vejen ind", "kom via", "henvist af", "entry", "entry channel", "referred by"},
	"notes":         {"noter", "note", "bemaerkninger", "bemaerkning", "kommentar", "notes", "comment", "comments"},
}

// Mapping says which column (0-based) holds each field; -1 or absent: none.
type Mapping map[string]int

// GuessMapping matches the header against the common headings.
func GuessMapping(header []string) Mapping {
	m := Mapping{}
	for i, h := range header {
		key := data.FoldName(strings.ReplaceAll(strings.ReplaceAll(h, "-", " "), ".", " "))
		for _, field := range Fields {
			if _, taken := m[field]; taken {
				continue
			}
			for _, w := range headerWords[field] {
				if key == w {
					m[field] = i
				}
			}
		}
	}
	return m
}

// column returns the column of field, or -1.
func (m Mapping) column(field string) int {
	if i, ok := m[field]; ok {
		return i
	}
	return -1
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

// parseGroup reads a group; "" gives def.
func parseGroup(s string, def data.Group) (data.Group, bool) {
	key := data.FoldName(s)
	if key == "" {
		return def, true
	}
	for _, g := range data.Groups {
		if key == string(g) {
			return g, true
		}
	}
	for _, gw := range groupWords {
		for _, w := range gw.words {
			if key == w {
				return gw.group, true
			}
		}
	}
	return "", false
}

// parseGender reads K/Kvinde/F, M/Mand, Andet; "" is not stated.
func parseGender(s string) (string, bool) {
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

// parseEntry reads an entry channel by code or common words.
func parseEntry(s string) (string, bool) {
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
