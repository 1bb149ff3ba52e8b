package readers

import (
	"math/rand/v2"
	"strings"
	"time"
)

// textRunes are what random text is made of: Danish letters, an emoji,
// quotes, separators, tab and newline.
var textRunes = []rune("abcæøåÆØÅ é€😀 \t\"'|,;\n")

// RandomText returns n random characters.
func RandomText(rng *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteRune(textRunes[rng.IntN(len(textRunes))])
	}
	return sb.String()
}

// RandomDay returns a random day from 1900 to 2149.
func RandomDay(rng *rand.Rand) time.Time {
	return time.Date(1900+rng.IntN(250), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
}

// LongText is longer than Stata's 2,045-byte strings and SPSS's 255-byte
// segments, with æøå: 2,804 characters.
var LongText = strings.Repeat("æøå ", 700) + "slut"

// LabelRows are the rows the readers' tests write, as role code, date,
// text and minutes: a coded value, a very long text, a missing number.
func LabelRows() [][]any {
	return [][]any{
		{2, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), LongText, 90},
		{1, time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC), "Ærø", nil},
	}
}

// LabelWant is what R prints for LabelRows read back with RScript.
const LabelWant = "2 Rolle (liste role) initiativtager vært 2 1 2026-03-14 2016-12-31 2804 Ærø TRUE"

// LabelScript prints what R's haven finds in a file of LabelRows; read is
// read_sav or read_dta.
func LabelScript(read, path string) string {
	return `d <- ` + read + `("` + path + `"); cat(nrow(d), attr(d$role, "label"), names(attr(d$role, "labels")), as.numeric(d$role), as.character(d$date), nchar(d$text[1]), d$text[2], is.na(d$minutes[2]), "\n")`
}
