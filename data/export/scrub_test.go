package export

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// scrubPeople are the registered people of the scrubber's tests.
var scrubPeople = []ScrubPerson{
	{ID: 1, Name: "Anna Bøgh-Sørensen", Key: "P-AAAAAAAAAA"},
	{ID: 2, Name: "Anna Holm", Key: "P-BBBBBBBBBB"},
	{ID: 3, Name: "Jørgen Ravn", Key: ""}, // without research consent
	{ID: 4, Name: "Grete Henriksen", Key: "P-GGGGGGGGGG"},
	{ID: 5, Name: "Hans Ib Nielsen", Key: "P-HHHHHHHHHH"},
}

func TestScrubberReplacesEveryKind(t *testing.T) {
	cases := []struct{ in, want string }{
		// The example, linked to Grete.
		{"Ringede til Grete på 22 33 44 55 og skrev til grete.henriksen@eksempel.dk; hun bor på Algade 12, cpr 010203-1234. Grete Henriksen kommer igen.",
			"Ringede til P-GGGGGGGGGG på [telefon] og skrev til [e-mail]; hun bor på [adresse], cpr [cpr]. P-GGGGGGGGGG kommer igen."},
		{"ANNA BØGH-SØRENSEN kom i dag.", "P-AAAAAAAAAA kom i dag."},
		{"anna holm og Jørgen Ravn hjalp til", "P-BBBBBBBBBB og [person] hjalp til"},
		{"Anna bød velkommen.", "[person] bød velkommen."},
		{"Holm var vært; Bøgh-Sørensen kom.", "P-BBBBBBBBBB var vært; P-AAAAAAAAAA kom."},
		{"Sørensen og Bøgh", "P-AAAAAAAAAA og P-AAAAAAAAAA"},
		{"Annasofie og Holmegaard", "Annasofie og Holmegaard"},
		{"Jørgen", "[person]"},
		{"Gretes cykel og Hans' jakke, Grete's taske", "P-GGGGGGGGGG's cykel og P-HHHHHHHHHH's jakke, P-GGGGGGGGGG's taske"},
		{"tlf +45 22334455, 0045 2233 4455, +4522334455, 22-33-44-55, 2233 4455", "tlf [telefon], [telefon], [telefon], [telefon], [telefon]"},
		{"cpr 0102031234 og 010203 1234", "cpr [cpr] og [cpr]"},
		{"mødet 22-11-2025 kl. 10.30, 2 gange, 300 kr., år 2025, 1.250.000", "mødet 22-11-2025 kl. 10.30, 2 gange, 300 kr., år 2025, 1.250.000"},
		{"ikke cpr: 320103-1234", "ikke cpr: 320103-1234"},
		{"se https://eksempel.dk/side?x=1 og www.kulturhus.dk.", "se [url] og [url]"},
		{"bor på Nørregade 4, 2. th, 4000 Roskilde i dag", "bor på [adresse] i dag"},
		{"Skovvej 3B og H.C. Ørsteds Vej 7", "[adresse] og H.C. Ørsteds [adresse]"},
		{"vi skal have 2 børn med", "vi skal have 2 børn med"},
		{"Algade 12 22334455 og Algade 3, 1. tv", "[adresse] [telefon] og [adresse]"},
		{"Anna var glad", "P-BBBBBBBBBB var glad"}, // linked to Anna Holm below
	}
	for i, c := range cases {
		sc := NewScrubber(scrubPeople)
		var linked []int64
		switch i {
		case 0:
			linked = []int64{4}
		case len(cases) - 1:
			linked = []int64{2}
		}
		if got := sc.Scrub(c.in, linked...); got != c.want {
			t.Errorf("Scrub(%q)\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestScrubberCountsEachKind(t *testing.T) {
	sc := NewScrubber(scrubPeople)
	sc.Scrub("Grete: 22 33 44 55, 010203-1234, a@b.dk, Algade 12, http://x.dk, Grete Henriksen", 4)
	want := map[string]int{KindName: 2, KindPhone: 1, KindCPR: 1, KindEmail: 1, KindAddress: 1, KindURL: 1}
	got := sc.Counts()
	for _, k := range ScrubKinds {
		if got[k] != want[k] {
			t.Errorf("%s: %d replacements, want %d", k, got[k], want[k])
		}
	}
}

// FuzzScrub checks the scrubber's properties on any text: it never panics,
// never leaves a registered name part standing as a word (in any case),
// keeps the text valid UTF-8 when it was, grows it at most by the marks
// and keys put in, and scrubbing twice changes nothing more.
func FuzzScrub(f *testing.F) {
	for _, s := range []string{
		"Ringede til Grete på 22 33 44 55 og skrev til grete.henriksen@eksempel.dk; hun bor på Algade 12, cpr 010203-1234.",
		"Gretes og Hans' ting", "ANNA-HOLM", "+45 2233 4455", "Bøgh-Sørensen's", "www.x.dk/grete", "anna@x.dk Anna",
		"Ib og Hans Ib", "P-AAAAAAAAAA og Anna", "İstanbul Grete",
	} {
		f.Add(s)
	}
	parts := map[string]bool{}
	for _, p := range scrubPeople {
		for _, w := range strings.FieldsFunc(strings.ToLower(p.Name), func(r rune) bool { return r == ' ' || r == '-' }) {
			parts[w] = true
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		sc := NewScrubber(scrubPeople)
		out := sc.Scrub(in, 2)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", in)
		}
		if len(out) > 8*len(in)+16 {
			t.Fatalf("grew from %d to %d bytes", len(in), len(out))
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(out), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if parts[w] {
				t.Fatalf("name part %q left in %q (from %q)", w, out, in)
			}
		}
		if again := NewScrubber(scrubPeople).Scrub(out, 2); again != out {
			t.Fatalf("scrubbing twice: %q then %q", out, again)
		}
	})
}
