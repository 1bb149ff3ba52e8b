package data

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// danishFold spells the Danish letters the way people type them without a
// Danish keyboard, so that "Aase" and "Åse", "Søren" and "Soeren" match.
var danishFold = strings.NewReplacer("å", "aa", "æ", "ae", "ø", "oe", "ä", "ae", "ö", "oe", "ü", "ue")

// FoldName returns the comparison form of a name: lower case, Danish letters
// spelt out, other accents removed, punctuation turned into single spaces.
func FoldName(name string) string {
	s := danishFold.Replace(strings.ToLower(name))
	if !isASCII(s) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if folded, _, err := transform.String(t, s); err == nil {
			s = folded
		}
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '.' || r == '+' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// looseFold spells the Danish letters as their nearest plain letter, the
// way people type them in a hurry: "Sorensen" for "Sørensen".
var looseFold = strings.NewReplacer("å", "a", "æ", "ae", "ø", "o")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// searchKey is what search-as-you-type matches: the folded name in both
// spellings of the Danish letters, the phone digits and the e-mail address.
func searchKey(p *Person) string {
	phone, _ := NormalizePhone(p.Phone)
	name := FoldName(p.Name)
	if loose := FoldName(looseFold.Replace(strings.ToLower(p.Name))); loose != name {
		name += " " + loose
	}
	return strings.TrimSpace(name + " " + phone + " " + strings.ToLower(p.Email))
}

// nameTokens returns the folded name's words sorted, so that "Hansen Anna"
// and "Anna Hansen" compare equal.
func nameTokens(name string) string {
	words := strings.Fields(strings.ReplaceAll(FoldName(name), ".", " "))
	sort.Strings(words)
	return strings.Join(words, " ")
}

// SimilarNames reports whether two names probably belong to the same person:
// equal after folding case, accents and "aa"/"å", with first and last name in
// either order, or within a small edit distance of each other.
func SimilarNames(a, b string) bool {
	return similarTokens(nameTokens(a), nameTokens(b))
}

// similarTokens is SimilarNames on names already reduced by nameTokens.
func similarTokens(ta, tb string) bool {
	if ta == "" || tb == "" {
		return false
	}
	if ta == tb {
		return true
	}
	limit := 1
	if len(ta) >= 10 {
		limit = 2
	}
	return editDistance(ta, tb, limit) <= limit
}

// editDistance returns the Levenshtein distance of a and b, or limit+1 once
// it is certain to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
