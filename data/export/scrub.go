package export

import (
	"sort"
	"strings"
	"unicode"
)

// ScrubPerson is a registered person as the scrubber knows them: their
// name and the key that stands for them ("" when they may not be named,
// e.g. without research consent; they become "[person]").
type ScrubPerson struct {
	ID   int64
	Name string
	Key  string
}

// anonymous stands for a person who cannot or may not be named by key.
const anonymous = "[person]"

// Scrubber takes identifiers out of free text by rules: URLs, e-mail
// addresses, CPR and phone numbers, street addresses, and every name or
// name part of every registered person (possessive forms too), which
// becomes that person's key — the same key wherever they are mentioned.
// A name several people share becomes the key of the one the text is
// linked to or already named in full, or "[person]". (An erased person's
// name left every free text when they were erased, see data.ErasePerson;
// no trace of it is kept for the scrubber.) A Scrubber counts what it
// replaced; it is not safe for concurrent use.
type Scrubber struct {
	people []ScrubPerson
	full   []fullName       // longest first
	parts  map[string][]int // lower-case name part → indices into people
	counts map[string]int
}

// fullName is a person's whole name as lower-case words.
type fullName struct {
	words  []string
	person int
}

// NewScrubber prepares a scrubber for the people.
func NewScrubber(people []ScrubPerson) *Scrubber {
	sc := &Scrubber{people: people, parts: map[string][]int{}, counts: map[string]int{}}
	for i, p := range people {
		words := strings.Fields(strings.ToLower(p.Name))
		if len(words) == 0 {
			continue
		}
		sc.full = append(sc.full, fullName{words, i})
		for _, w := range words {
			for _, part := range append([]string{w}, strings.Split(w, "-")...) {
				if !namePart(part) || contains(sc.parts[part], i) {
					continue
				}
				sc.parts[part] = append(sc.parts[part], i)
			}
		}
	}
	sort.SliceStable(sc.full, func(i, j int) bool { return len(sc.full[i].words) > len(sc.full[j].words) })
	return sc
}

// namePart reports whether a word of a name is scrubbed on its own: two
// letters or more and not an initial.
func namePart(w string) bool {
	return len([]rune(w)) >= 2 && !strings.HasSuffix(w, ".")
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Counts returns how many replacements of each kind (KindName, KindPhone …)
// the scrubber has made so far.
func (sc *Scrubber) Counts() map[string]int {
	out := make(map[string]int, len(sc.counts))
	for k, v := range sc.counts {
		out[k] = v
	}
	return out
}

func (sc *Scrubber) count(kind string) { sc.counts[kind]++ }

// Scrub returns text with every identifier it recognises replaced; linked
// are the people the text is about (a logbook entry's people), whose key a
// shared first name takes.
func (sc *Scrubber) Scrub(text string, linked ...int64) string {
	text = replacePattern(text, urlPattern, KindURL, sc.count)
	text = replacePattern(text, emailPattern, KindEmail, sc.count)
	// Addresses before numbers: a house number or postcode is part of the
	// address, and digits joined to a street word are no phone number.
	text = scrubAddresses(text, sc.count)
	text = scrubNumbers(text, sc.count)
	return sc.scrubNames(text, linked)
}

// token is a word of a text: letters and digits, with inner hyphens and
// apostrophes.
type token struct{ start, end int }

func tokens(text string) []token {
	var out []token
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '-' || r == '\'' || r == '’') && start >= 0
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			out = append(out, trimToken(text, token{start, i}))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, trimToken(text, token{start, len(text)}))
	}
	return out
}

// trimToken leaves trailing hyphens out of a word (apostrophes stay: "Hans'").
func trimToken(text string, t token) token {
	for t.end > t.start && text[t.end-1] == '-' {
		t.end--
	}
	return t
}

// scrubNames replaces full names, then single name parts.
func (sc *Scrubber) scrubNames(text string, linked []int64) string {
	toks := tokens(text)
	context := map[int]int{} // person → 1 linked to the text, 2 named in it in full
	for i, p := range sc.people {
		for _, id := range linked {
			if p.ID == id {
				context[i] = 1
			}
		}
	}
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(text[t.start:t.end])
	}
	// Full names first, so that they settle who a shared first name is.
	type repl struct {
		from, to int // token range
		with     string
	}
	var out []repl
	taken := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		if taken[i] {
			continue
		}
		if f, ok := sc.fullAt(text, toks, lower, i); ok {
			n := len(f.words)
			who := sc.resolve(sc.sameFullName(f), context)
			if who >= 0 && context[who] == 0 {
				context[who] = 2
			}
			out = append(out, repl{i, i + n - 1, sc.keyOf(who)})
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
		}
	}
	for i := range toks {
		if taken[i] || isKeyOrMark(text, toks[i]) {
			continue
		}
		if with, ok := sc.word(lower[i], context); ok {
			out = append(out, repl{i, i, with})
		}
	}
	if len(out) == 0 {
		return text
	}
	sort.Slice(out, func(a, b int) bool { return out[a].from < out[b].from })
	var b strings.Builder
	last := 0
	for _, r := range out {
		b.WriteString(text[last:toks[r.from].start])
		b.WriteString(r.with)
		last = toks[r.to].end
		sc.count(KindName)
	}
	b.WriteString(text[last:])
	return b.String()
}

// fullAt finds the longest full name whose words start at token i,
// separated only by spaces.
func (sc *Scrubber) fullAt(text string, toks []token, lower []string, i int) (fullName, bool) {
	for _, f := range sc.full {
		n := len(f.words)
		if n < 2 || i+n > len(toks) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			ok = lower[i+k] == f.words[k]
			if ok && k > 0 {
				ok = strings.TrimSpace(text[toks[i+k-1].end:toks[i+k].start]) == ""
			}
		}
		if ok {
			return f, true
		}
	}
	return fullName{}, false
}

// sameFullName lists the people who have exactly this full name.
func (sc *Scrubber) sameFullName(f fullName) []int {
	var out []int
	for _, g := range sc.full {
		if strings.Join(g.words, " ") == strings.Join(f.words, " ") {
			out = append(out, g.person)
		}
	}
	return out
}

// word returns what replaces a single word, if it is a name part: the
// part itself, a possessive ("Gretes", "Grete's", "Hans'"), or either
// half of a hyphenated word.
func (sc *Scrubber) word(w string, context map[int]int) (string, bool) {
	if with, ok := sc.part(w, context); ok {
		return with, true
	}
	for _, suffix := range []string{"'s", "’s", "s", "'", "’"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			if with, ok := sc.part(stem, context); ok {
				return with + "'s", true
			}
		}
	}
	return sc.pieces(w, context)
}

// pieces replaces the name parts among the letter runs of a word that is
// not a name as a whole ("bøgh-sørensen", "hans'00", "grete2").
func (sc *Scrubber) pieces(w string, context map[int]int) (string, bool) {
	runs := strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(runs) == 1 && runs[0] == w {
		return "", false
	}
	var b strings.Builder
	changed := false
	rest := w
	for _, r := range runs {
		at := strings.Index(rest, r)
		b.WriteString(rest[:at])
		if with, ok := sc.word(r, context); ok {
			b.WriteString(with)
			changed = true
		} else {
			b.WriteString(r)
		}
		rest = rest[at+len(r):]
	}
	b.WriteString(rest)
	return b.String(), changed
}

// part returns what replaces one name part.
func (sc *Scrubber) part(w string, context map[int]int) (string, bool) {
	if !namePart(w) {
		return "", false
	}
	if who, ok := sc.parts[w]; ok {
		return sc.keyOf(sc.resolve(who, context)), true
	}
	return "", false
}

// resolve picks the one person meant among candidates: the only one, or
// the only one linked to the text, or (none linked) the only one named in
// it in full; -1 when it cannot tell.
func (sc *Scrubber) resolve(candidates []int, context map[int]int) int {
	if len(candidates) == 1 {
		return candidates[0]
	}
	for tier := 1; tier <= 2; tier++ {
		who, n := -1, 0
		for _, c := range candidates {
			if context[c] == tier {
				who, n = c, n+1
			}
		}
		if n == 1 {
			return who
		}
		if n > 1 {
			return -1
		}
	}
	return -1
}

func (sc *Scrubber) keyOf(i int) string {
	if i < 0 || sc.people[i].Key == "" {
		return anonymous
	}
	return sc.people[i].Key
}

// isKeyOrMark reports whether a word is a person key (P-…) already put in.
func isKeyOrMark(text string, t token) bool {
	w := text[t.start:t.end]
	return len(w) == 12 && strings.HasPrefix(w, "P-") && strings.ToUpper(w) == w
}

// lastRune returns the last rune of a non-empty string.
func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}
