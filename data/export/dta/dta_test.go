package dta

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"samspil/data/export/internal/readers"
	"strings"
	"testing"
	"time"
)

// randomTable makes variables and rows of every kind the writer takes.
func randomTable(rng *rand.Rand) ([]Var, [][]any) {
	text := func(n int) string { return readers.RandomText(rng, n) }
	nv := 1 + rng.IntN(8)
	vars := make([]Var, nv)
	for i := range vars {
		v := Var{Name: "v_" + strings.Repeat("æ", rng.IntN(30)) + string(rune('a'+i)), Label: text(rng.IntN(120)), Kind: Kind(rng.IntN(3))}
		if v.Kind == Numeric && rng.IntN(2) == 0 {
			for c := range rng.IntN(300) {
				v.Labels = append(v.Labels, Label{int32(c + 1), text(1 + rng.IntN(200))})
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
			case v.Kind == String:
				s := text([]int{0, 1, 40, 700, 2045, 3000}[rng.IntN(6)])
				row[i] = s
				vars[i].Width = max(vars[i].Width, len(s))
			case v.Kind == Date:
				row[i] = readers.RandomDay(rng)
			case len(v.Labels) > 0:
				row[i] = rng.IntN(400) - 50
			default:
				row[i] = []float64{float64(rng.IntN(300) - 150), rng.NormFloat64() * 1e9}[rng.IntN(2)]
			}
		}
		rows[r] = row
	}
	return vars, rows
}

// writeDTA writes a table labelled "Prøve æøå" to a file and returns its path.
func writeDTA(t *testing.T, vars []Var, rows [][]any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.dta")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := NewWriter(f, "Prøve æøå", vars, len(rows))
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
	return path
}

// roundTrip writes a table to a file and reads it back with the test's
// own reader, failing on any difference.
func roundTrip(t *testing.T, vars []Var, rows [][]any) {
	path := writeDTA(t, vars, rows)
	b, _ := os.ReadFile(path)
	got, err := readDTA(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.label != "Prøve æøå" || len(got.names) != len(vars) || len(got.rows) != len(rows) {
		t.Fatalf("label %q, %d vars, %d rows", got.label, len(got.names), len(got.rows))
	}
	for i, v := range vars {
		if got.names[i] != v.Name || got.labels[i] != cutRunes(v.Label, 80, 320) {
			t.Fatalf("var %d: %q %q, want %q %q", i, got.names[i], got.labels[i], v.Name, v.Label)
		}
		if v.Kind == String && (v.Width > MaxStr) != (got.types[i] == typeStrL) {
			t.Fatalf("%s: width %d stored as type %d", v.Name, v.Width, got.types[i])
		}
		for _, l := range v.Labels {
			if got.vlabel[v.Name][l.Value] != l.Text {
				t.Fatalf("%s: label of %d is %q, want %q", v.Name, l.Value, got.vlabel[v.Name][l.Value], l.Text)
			}
		}
	}
	for r, row := range rows {
		for i, want := range row {
			g := got.rows[r][i]
			var ok bool
			switch want := want.(type) {
			case nil:
				ok = math.IsNaN(g.(float64))
			case string:
				ok = g == want
			case time.Time:
				ok = g == float64(DateValue(want))
			case int:
				ok = g == float64(want)
			case float64:
				ok = g == want
			}
			if !ok {
				t.Fatalf("row %d %s: %v, want %v", r, vars[i].Name, g, want)
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
	// Stata counts days from 1 January 1960; 1 January 1970 is day 3,653.
	if got := DateValue(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)); got != 3653 {
		t.Fatalf("got %v", got)
	}
}

func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	for i, vars := range [][]Var{{{Name: "1a"}}, {{Name: "a"}, {Name: "a"}}, {{Name: "in"}}, {{Name: strings.Repeat("a", 33)}}} {
		f, _ := os.Create(filepath.Join(dir, string(rune('a'+i))))
		if _, err := NewWriter(f, "", vars, 0); err == nil {
			t.Errorf("%v accepted", vars)
		}
		f.Close()
	}
}

// TestHavenReadsIt has R's haven read a file with Danish text, a strL,
// value labels, a date and a missing value.
func TestHavenReadsIt(t *testing.T) {
	vars := []Var{
		{Name: "role", Label: "Rolle (liste role)", Labels: []Label{{1, "initiativtager"}, {2, "vært"}}},
		{Name: "date", Label: "Dato", Kind: Date},
		{Name: "text", Label: "Tekst æøå", Kind: String, Width: len(readers.LongText)},
		{Name: "minutes", Label: "Minutter"},
	}
	path := writeDTA(t, vars, readers.LabelRows())
	if out := readers.R(t, readers.LabelScript("read_dta", path)); strings.TrimSpace(out) != readers.LabelWant {
		t.Errorf("haven read %q, want %q", out, readers.LabelWant)
	}
}
