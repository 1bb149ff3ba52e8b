package export

import (
	"regexp"
	"strings"
	"unicode"
)

// Kinds of replacement the scrubber makes, with the mark it writes for
// each (a registered person is written as their key, not a mark).
const (
	KindName    = "name"
	KindPhone   = "phone"
	KindCPR     = "cpr"
	KindEmail   = "email"
	KindAddress = "address"
	KindURL     = "url"
)

// ScrubKinds lists the kinds in the order the export reports them.
var ScrubKinds = []string{KindName, KindPhone, KindCPR, KindEmail, KindAddress, KindURL}

// marks are the typed marks put in place of what was found.
var marks = map[string]string{
	KindPhone:   "[telefon]",
	KindCPR:     "[cpr]",
	KindEmail:   "[e-mail]",
	KindAddress: "[adresse]",
	KindURL:     "[url]",
}

var (
	urlPattern   = regexp.MustCompile(`(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"]+`)
	emailPattern = regexp.MustCompile(`(?i)[\p{L}\p{N}._%+\-]+\s?(?:@|\(at\)|\[at\])\s?[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`)
	// A street: a word ending like a Danish street name, a house number,
	// then floor and side, and postcode and town, when they are there.
	addressPattern = regexp.MustCompile(`(?i)\b((?:[\p{L}][\p{L}\-]*)?(?:vej|gade|allé|alle|vænge|vænget|stræde|torv|plads|parken|bakken|boulevard|sti|stien|vang|vangen|toften|have|haven|høj|højen|engen|marken|kvarter|brink|dal|dalen|løkke|lund|park|tofte|kæret|gården|bro|ager|agervej|skov|skoven|hegn|vængen|ringen|centret|sletten|bjerg))\.?\s+\d{1,4}(?:\s?[a-zæøå])?\b(?:,?\s*(?:st|kl|\d{1,2})(?:\.\s*(?:th|tv|mf|sal)?\.?|\s*(?:th|tv|mf|sal)\b\.?))?(?:,?\s*\d{4}\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)?)?`)
	streetWord     = regexp.MustCompile(`(vej|gade|allé|alle|vænge|vænget|stræde|torv|plads|parken|bakken|boulevard|sti|stien|vang|vangen|toften|have|haven|høj|højen|engen|marken|kvarter|brink|dal|dalen|løkke|lund|park|tofte|kæret|gården|bro|ager|agervej|skov|skoven|hegn|vængen|ringen|centret|sletten|bjerg)$`)
	// loneStreetWords are the street words that make an address standing
	// alone ("Ørsteds Vej 7"); others alone are common nouns ("have 2 børn").
	loneStreetWords = map[string]bool{"vej": true, "gade": true, "allé": true, "alle": true, "stræde": true,
		"boulevard": true, "vænge": true, "vænget": true, "stien": true}
)

// scrubAddresses replaces street addresses: a word ending like a street
// name, or a street word on its own, before a house number.
func scrubAddresses(text string, count func(string)) string {
	return addressPattern.ReplaceAllStringFunc(text, func(m string) string {
		word := strings.ToLower(addressPattern.FindStringSubmatch(m)[1])
		if addressSuffix(word) == word && !loneStreetWords[word] {
			return m
		}
		count(KindAddress)
		return marks[KindAddress]
	})
}

// addressSuffix returns the street word a word ends with.
func addressSuffix(word string) string {
	m := streetWord.FindStringSubmatch(word)
	if m == nil {
		return ""
	}
	return m[1]
}

// replacePattern replaces every match of re by the kind's mark.
func replacePattern(text string, re *regexp.Regexp, kind string, count func(string)) string {
	return re.ReplaceAllStringFunc(text, func(string) string {
		count(kind)
		return marks[kind]
	})
}

// numberGroup is a run of digits in a text and what stands before it.
type numberGroup struct {
	start, end int  // byte offsets of the digits
	sep        byte // the separator before it (0 for the first of a run)
}

// scrubNumbers replaces phone numbers (8 digits written whole, in pairs or
// in fours, with or without +45 or 0045) and CPR numbers (ddmmyy and four
// digits, with or without a dash, the first six a valid date) wherever
// they stand in a run of digit groups.
func scrubNumbers(text string, count func(string)) string {
	var b strings.Builder
	last := 0
	for _, run := range digitRuns(text) {
		for i := 0; i < len(run); {
			kind, n, from := matchNumber(text, run, i)
			if kind == "" {
				i++
				continue
			}
			b.WriteString(text[last:from])
			b.WriteString(marks[kind])
			count(kind)
			last = run[i+n-1].end
			i += n
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// digitRuns finds runs of digit groups separated by one space, dot, dash
// or slash, not joined to letters (so keys and codes are left alone).
func digitRuns(text string) [][]numberGroup {
	var runs [][]numberGroup
	var run []numberGroup
	i := 0
	for i < len(text) {
		if !isDigit(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		g := numberGroup{start: start, end: i}
		if len(run) > 0 && start == run[len(run)-1].end+1 && strings.IndexByte(" .-/", text[start-1]) >= 0 {
			g.sep = text[start-1]
			run = append(run, g)
		} else {
			if len(run) > 0 {
				runs = append(runs, run)
			}
			if letterBefore(text, start) {
				run = nil
				for i < len(text) && (isDigit(text[i]) || isLetterByte(text, i)) {
					i++
				}
				continue
			}
			run = []numberGroup{g}
		}
		if i < len(text) && isLetterByte(text, i) {
			run = run[:len(run)-1] // digits run into letters: not a number
			if len(run) > 0 {
				runs = append(runs, run)
			}
			run = nil
			for i < len(text) && (isDigit(text[i]) || isLetterByte(text, i)) {
				i++
			}
		}
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	return runs
}

// matchNumber tries a phone or CPR number starting at group i of run; it
// returns the kind, the number of groups taken and where the match starts
// in text (a + before 45 included).
func matchNumber(text string, run []numberGroup, i int) (kind string, n int, from int) {
	digits := func(g numberGroup) string { return text[g.start:g.end] }
	from = run[i].start
	if from > 0 && text[from-1] == '+' {
		from--
	}
	// CPR: 10 digits, or 6 and 4 with a dash or space.
	if d := digits(run[i]); len(d) == 10 && validCPRDate(d) {
		return KindCPR, 1, from
	}
	if i+1 < len(run) && len(digits(run[i])) == 6 && len(digits(run[i+1])) == 4 && run[i+1].sep != '.' && run[i+1].sep != '/' &&
		validCPRDate(digits(run[i])) {
		return KindCPR, 2, from
	}
	// A country code first: +45, 0045, or 45 after a +.
	j := i
	if d := digits(run[i]); d == "0045" || (d == "45" && from < run[i].start) {
		j = i + 1
	} else if len(d) == 12 && strings.HasPrefix(d, "0045") || len(d) == 10 && strings.HasPrefix(d, "45") && from < run[i].start {
		return KindPhone, 1, from
	}
	if j >= len(run) {
		return "", 0, 0
	}
	if m := phoneGroups(text, run[j:]); m > 0 {
		return KindPhone, j - i + m, from
	}
	return "", 0, 0
}

// phoneGroups reports how many groups from the first make an eight-digit
// phone number: 8, 4+4, 2+2+2+2 or 2+2+4 (not a date written dd-mm-yyyy).
func phoneGroups(text string, run []numberGroup) int {
	total, lens := 0, []int{}
	for k, g := range run {
		l := g.end - g.start
		if l != 2 && l != 4 && l != 8 || k > 0 && g.sep == '/' {
			return 0
		}
		total += l
		lens = append(lens, l)
		if total == 8 {
			if len(lens) == 3 && lens[2] == 4 && run[1].sep != ' ' {
				return 0 // 22-11-2025 is a date
			}
			if len(lens) == 3 && lens[0] == 4 {
				return 0
			}
			return k + 1
		}
		if total > 8 {
			return 0
		}
	}
	return 0
}

// validCPRDate reports whether the first six digits are a day that exists.
func validCPRDate(d string) bool {
	day := int(d[0]-'0')*10 + int(d[1]-'0')
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	year := int(d[4]-'0')*10 + int(d[5]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := []int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 != 0 {
		days = 28
	}
	return day <= days
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isLetterByte reports whether a letter starts at text[i].
func isLetterByte(text string, i int) bool {
	for _, r := range text[i:] {
		return unicode.IsLetter(r)
	}
	return false
}

// letterBefore reports whether a letter ends just before text[i], or a
// dash after a letter (a code such as a person key, P-2345…).
func letterBefore(text string, i int) bool {
	if i > 1 && text[i-1] == '-' {
		i--
	}
	if i == 0 {
		return false
	}
	return unicode.IsLetter(lastRune(text[:i]))
}
