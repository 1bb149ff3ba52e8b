package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"samspil/data"
	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

// BenchmarkImport10kPeople reads an .xlsx of 10,000 people, checks every
// row (and looks for duplicates among the people already registered), and
// imports them in one transaction, into a fresh copy of each data set.
// Budget: 3 s.
func BenchmarkImport10kPeople(b *testing.B) {
	path := filepath.Join(b.TempDir(), "people.xlsx")
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Fornavn", "Efternavn", "Fødselsår", "Telefon", "E-mail", "Gruppe"})
	first := []string{"Anna", "Bo", "Carl", "Dorte", "Emil", "Frida", "Gustav", "Hanne", "Ida", "Jens", "Åse", "Søren"}
	last := []string{"Holm", "Berg", "Lund", "Dahl", "Skov", "Bak", "Ravn", "Friis", "Møller", "Kjær"}
	for i := 0; i < 10000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{first[i%len(first)], fmt.Sprintf("%s%d", last[i%len(last)], i), 1950 + i%60,
			fmt.Sprintf("2%07d", i), fmt.Sprintf("p%d@eksempel.dk", i), "Frivillig"})
	}
	sw.Flush()
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	demotest.EachScale(b, func(b *testing.B, demo *data.Store) {
		for b.Loop() {
			b.StopTimer()
			s := demotest.Copy(b, demo)
			b.StartTimer()
			sheet, err := ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := ParsePeople(ctx, s, sheet, PeopleOptions{})
			if err != nil {
				b.Fatal(err)
			}
			if n, err := ImportPeople(ctx, s, rows, false); err != nil || n != 10000 {
				b.Fatalf("imported %d, %v", n, err)
			}
		}
	})
}
