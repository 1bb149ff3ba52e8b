package export

import (
	"sort"
	"strings"
	"unicode"
)

// scrubber replaces the names of known people in free text by their person
// keys: full names first, then single first or last names. A single name
// that several people share becomes "[person]", and so does the name of
// someone without a key.
type scrubber struct {
	full  []nameKey         // lower-case full names, longest first
	parts map[string]string // lower-case name part → key, or "[person]" when shared
}

type nameKey struct{ name, key string }

const anonymous = "[person]"

func newScrubber(people map[int64]*person) *scrubber {
	sc := &scrubber{parts: map[string]string{}}
	for _, p := range people {
		if p.anonymised {
			continue
		}
		key := p.key
		if key == "" || p.excluded {
			key = anonymous
		}
		full := strings.ToLower(strings.Join(strings.Fields(p.name), " "))
		if full == "" {
			continue
		}
		sc.full = append(sc.full, nameKey{full, key})
		for _, part := range strings.FieldsFunc(full, func(r rune) bool { return r == ' ' || r == '-' }) {
			if len([]rune(part)) < 2 || strings.HasSuffix(part, ".") {
				continue
			}
			if old, ok := sc.parts[part]; ok && old != key {
				sc.parts[part] = anonymous
			} else {
				sc.parts[part] = key
			}
		}
	}
	sort.Slice(sc.full, func(i, j int) bool { return len(sc.full[i].name) > len(sc.full[j].name) })
	return sc
}

// scrub returns text with every known name replaced.
func (sc *scrubber) scrub(text string) string {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		// Case folding changed byte lengths (rare letters); fold word by word only.
		return sc.scrubWords(text)
	}
	for _, nk := range sc.full {
		text, lower = replaceWhole(text, lower, nk.name, nk.key)
	}
	return sc.scrubWords(text)
}

// replaceWhole replaces whole-word occurrences of name (in lower) in text.
func replaceWhole(text, lower, name, key string) (string, string) {
	var b strings.Builder
	start := 0
	for {
		i := strings.Index(lower[start:], name)
		if i < 0 {
			break
		}
		i += start
		end := i + len(name)
		if boundary(lower, i-1) && boundaryAfter(lower, end) {
			b.WriteString(text[start:i])
			b.WriteString(key)
		} else {
			b.WriteString(text[start:end])
		}
		start = end
	}
	if start == 0 {
		return text, lower
	}
	b.WriteString(text[start:])
	out := b.String()
	return out, strings.ToLower(out)
}

func boundary(s string, i int) bool {
	if i < 0 {
		return true
	}
	r := lastRune(s[:i+1])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r := []rune(s[i:])[0]
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// scrubWords replaces single words that are someone's first or last name.
func (sc *scrubber) scrubWords(text string) string {
	var b strings.Builder
	word := strings.Builder{}
	flush := func() {
		w := word.String()
		if key, ok := sc.parts[strings.ToLower(w)]; ok && !strings.HasPrefix(w, "P-") {
			b.WriteString(key)
		} else {
			b.WriteString(w)
		}
		word.Reset()
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			word.WriteRune(r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}
