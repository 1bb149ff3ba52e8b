package sav

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"samspil/data/export/internal/readers"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// randomTable makes variables and rows of every kind the writer takes:
// Unicode names and text, empty and very long strings, many labels.
func randomTable(rng *rand.Rand) ([]Var, [][]any) {
	text := func(n int) string { return strings.TrimRight(readers.RandomText(rng, n), " ") }
	nv := 1 + rng.IntN(8)
	vars := make([]Var, nv)
	for i := range vars {
		v := Var{Name: "v_" + strings.Repeat("x", rng.IntN(50)) + string(rune('a'+i)), Label: text(rng.IntN(300)), Kind: Kind(rng.IntN(3))}
		if v.Kind == Numeric && rng.IntN(2) == 0 {
			for c := range rng.IntN(200) {
				v.Labels = append(v.Labels, Label{float64(c + 1), text(1 + rng.IntN(130))})
			}
		}
		vars[i] = v
	}
	rows := make([][]any, rng.IntN(40))
	for r := range rows {
		row := make([]any, nv)
		for i, v := range vars {
			switch {
			case rng.IntN(6) == 0 && v.Kind != String:
				row[i] = nil
			case v.Kind == String:
				n := []int{0, 3, 8, 9, 255, 256, 600, 3000}[rng.IntN(8)]
				s := text(n)
				row[i] = s
				vars[i].Width = max(vars[i].Width, len(s))
			case v.Kind == Date:
				row[i] = readers.RandomDay(rng)
			default:
				row[i] = []float64{float64(rng.IntN(300) - 150), rng.NormFloat64() * 1e6, 0.25}[rng.IntN(3)]
			}
		}
		rows[r] = row
	}
	return vars, rows
}

// writeSAV writes a table labelled "Prøve æøå" and returns the file.
func writeSAV(t *testing.T, vars []Var, rows [][]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "Prøve æøå", vars, len(rows))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// roundTrip writes a table and reads it back with the test's own reader,
// failing on any difference.
func roundTrip(t *testing.T, vars []Var, rows [][]any) {
	f, err := readSAV(writeSAV(t, vars, rows))
	if err != nil {
		t.Fatal(err)
	}
	if f.label != "Prøve æøå" || len(f.vars) != len(vars) || len(f.rows) != len(rows) {
		t.Fatalf("label %q, %d vars, %d rows; want %d, %d", f.label, len(f.vars), len(f.rows), len(vars), len(rows))
	}
	for i, v := range vars {
		got := f.vars[i]
		if got.name != v.Name || got.label != cut(v.Label, 255) {
			t.Fatalf("var %d: %q %q, want %q %q", i, got.name, got.label, v.Name, v.Label)
		}
		if !utf8.ValidString(got.label) {
			t.Fatalf("label cut inside a character: %q", got.label)
		}
		for _, l := range v.Labels {
			if got.labels[l.Value] != cut(l.Text, 120) {
				t.Fatalf("%s: label of %v is %q, want %q", v.Name, l.Value, got.labels[l.Value], l.Text)
			}
		}
	}
	for r, row := range rows {
		for i, want := range row {
			got := f.rows[r][i]
			switch want := want.(type) {
			case nil:
				if !math.IsNaN(got.(float64)) {
					t.Fatalf("row %d %s: %v, want missing", r, vars[i].Name, got)
				}
			case string:
				if got != strings.TrimRight(want, " ") {
					t.Fatalf("row %d %s: %q, want %q", r, vars[i].Name, got, want)
				}
			case time.Time:
				if got != DateValue(want) {
					t.Fatalf("row %d %s: %v, want %v", r, vars[i].Name, got, DateValue(want))
				}
			case float64:
				if got != want {
					t.Fatalf("row %d %s: %v, want %v", r, vars[i].Name, got, want)
				}
			}
		}
	}
}

func FuzzWriter(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 42, 2026} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		vars, rows := randomTable(rand.New(rand.NewPCG(seed, 14)))
		roundTrip(t, vars, rows)
	})
}

func TestEmptyTable(t *testing.T) {
	roundTrip(t, []Var{{Name: "a", Kind: String}, {Name: "b"}}, nil)
}

func TestDateValue(t *testing.T) {
	// SPSS counts seconds from 14 October 1582; 1 January 1970 is day 141,428.
	if got := DateValue(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)); got != 141428*86400 {
		t.Fatalf("got %v", got)
	}
}

func TestRefusals(t *testing.T) {
	for _, vars := range [][]Var{{{Name: "1a"}}, {{Name: "a"}, {Name: "A"}}, {{Name: ""}}, {{Name: strings.Repeat("a", 65)}}} {
		if _, err := NewWriter(&bytes.Buffer{}, "", vars, 0); err == nil {
			t.Errorf("%v accepted", vars)
		}
	}
	w, _ := NewWriter(&bytes.Buffer{}, "", []Var{{Name: "s", Kind: String, Width: 2}}, 1)
	if err := w.Write([]any{"abc"}); err == nil {
		t.Error("a string wider than its variable was accepted")
	}
}

// TestReadersReadIt has PSPP and R's haven read a file with Danish text, a
// very long string, value labels, a date and a missing value.
func TestReadersReadIt(t *testing.T) {
	vars := []Var{
		{Name: "role", Label: "Rolle (liste role)", Labels: []Label{{1, "initiativtager"}, {2, "vært"}}},
		{Name: "date", Label: "Dato", Kind: Date},
		{Name: "text", Label: "Tekst æøå", Kind: String, Width: len(readers.LongText)},
		{Name: "minutes", Label: "Minutter"},
	}
	path := filepath.Join(t.TempDir(), "t.sav")
	os.WriteFile(path, writeSAV(t, vars, readers.LabelRows()), 0o600)
	csv := readers.PSPPConvert(t, path, "-O", "csv", "--labels")
	if !strings.Contains(csv, "vært,03/14/2026,"+readers.LongText+",90") || !strings.Contains(csv, "initiativtager,12/31/2016,Ærø,") {
		t.Errorf("PSPP read:\n%.400s", csv)
	}
	if out := readers.R(t, readers.LabelScript("read_sav", path)); strings.TrimSpace(out) != readers.LabelWant {
		t.Errorf("haven read %q, want %q", out, readers.LabelWant)
	}
}
