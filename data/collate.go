package data

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// SortKey is the form of a name that sorts the Danish way when compared
// byte by byte: case and most accents aside, æ, ø and å come after z in
// that order, ä and ö sort as æ and ø, and "aa" sorts as å (Aagaard beside
// Ågård), as in the Danish alphabet and phone books.
func SortKey(name string) string {
	s := strings.ToLower(name)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "aa") {
			b.WriteString(afterZ[2])
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		switch r {
		case 'æ', 'ä':
			b.WriteString(afterZ[0])
		case 'ø', 'ö':
			b.WriteString(afterZ[1])
		case 'å':
			b.WriteString(afterZ[2])
		default:
			if plain, ok := plainLetter[r]; ok {
				b.WriteByte(plain)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// afterZ are the sort forms of æ, ø and å: just after z, before any other
// letter outside ASCII.
var afterZ = [3]string{"z\x7f1", "z\x7f2", "z\x7f3"}

// plainLetter sorts accented letters with their plain letter.
var plainLetter = map[rune]byte{
	'á': 'a', 'à': 'a', 'â': 'a', 'ã': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'y', 'ý': 'y', 'ñ': 'n', 'ç': 'c', 'ß': 's',
}

// sortByName puts people rows in Danish name order, keeping the order they
// came in among equal names.
func sortByName(rows []PersonRow) {
	keys := make([]string, len(rows))
	for i := range rows {
		keys[i] = SortKey(rows[i].Name)
	}
	sort.Stable(byKey{rows, keys})
}

type byKey struct {
	rows []PersonRow
	keys []string
}

func (b byKey) Len() int           { return len(b.rows) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.rows[i], b.rows[j] = b.rows[j], b.rows[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
