package importer

import (
	"strings"

	"samspil/data"
)

// Fields a people list can have, in the order the mapping step shows them.
var Fields = []string{"name", "first_name", "last_name", "birth_year", "gender", "phone", "email",
	"group", "staff_kind", "categories", "first_contact", "entry_channel", "notes"}

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
	"staff_kind":    {"personaletype", "type af personale", "personalegruppe", "ansat som", "staff kind", "kind of staff", "staff type"},
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
