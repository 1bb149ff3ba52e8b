package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"samspil/data"
)

// BenchmarkImport10kPeople reads an .xlsx of 10,000 people, checks every
// row (and looks for duplicates among 10,000 already registered), and
// imports them in one transaction. Budget: 3 s.
func BenchmarkImport10kPeople(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "people.xlsx")
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
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := data.Open(filepath.Join(dir, fmt.Sprintf("db%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		err = s.Update(ctx, func(tx *data.Tx) error {
			for j := 0; j < 10000; j++ {
				if err := tx.SavePerson(&data.Person{Name: fmt.Sprintf("Registreret %s %d", strings.Repeat("x", j%5), j)}, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
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
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
