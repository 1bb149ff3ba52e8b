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

// BenchmarkImport10kPeople times what the import screen does with a file
// of 10,000 people: the backup it makes first, reading the .xlsx, checking
// every row (and looking for look-alikes among the people registered and
// the file's earlier rows), and the import in one transaction, into a
// fresh copy of each data set. The names are realistic Danish names, so
// the duplicate search has real work (and finds look-alikes, which the
// coordinator chooses to create). Budget: 3 s.
func BenchmarkImport10kPeople(b *testing.B) {
	path := filepath.Join(b.TempDir(), "people.xlsx")
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"Fornavn", "Efternavn", "Fødselsår", "Telefon", "E-mail", "Gruppe"})
	first := []string{"Anna", "Bo", "Carl", "Dorte", "Emil", "Frida", "Gustav", "Hanne", "Ida", "Jens",
		"Åse", "Søren", "Karen", "Lars", "Mette", "Niels", "Olga", "Per", "Rikke", "Tove"}
	middle := []string{"", "Marie", "Juul", "Kragh", "Ulrik", "Sofie", "Bech", "Wind", "Lykke", "Storm"}
	last := []string{"Holm", "Berg", "Lund", "Dahl", "Skov", "Bak", "Ravn", "Friis", "Møller", "Kjær",
		"Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
		"Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Knudsen", "Mortensen", "Møller-Bak",
		"Winther", "Vestergaard", "Toft", "Lauridsen", "Mikkelsen", "Frandsen", "Brandt", "Bruun", "Eriksen", "Clausen",
		"Nørgaard", "Krogh", "Svendsen", "Bang", "Iversen", "Koch", "Mathiesen", "Dam", "Bech-Jensen", "Holst"}
	for i := 0; i < 10000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		given := first[i%len(first)]
		if m := middle[(i/len(first))%len(middle)]; m != "" {
			given += " " + m
		}
		sw.SetRow(cell, []any{given, last[(i/(len(first)*len(middle)))%len(last)], 1950 + i%60,
			fmt.Sprintf("2%07d", i), fmt.Sprintf("p%d@eksempel.dk", i), "Frivillig"})
	}
	sw.Flush()
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	demotest.EachScale(b, func(b *testing.B, demo *data.Store) {
		backups := b.TempDir()
		for b.Loop() {
			b.StopTimer()
			s := demotest.Copy(b, demo)
			b.StartTimer()
			if _, err := s.BackupBefore(ctx, backups, "import", 7); err != nil {
				b.Fatal(err)
			}
			sheet, err := ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := ParsePeople(ctx, s, sheet, PeopleOptions{})
			if err != nil {
				b.Fatal(err)
			}
			similar := 0
			for _, r := range rows {
				if r.Similar() {
					r.Create = true // the coordinator ticks "create anyway"
					similar++
				}
			}
			if n, err := ImportPeople(ctx, s, rows, false); err != nil || n != 10000 {
				b.Fatalf("imported %d (%d look-alikes chosen), %v", n, similar, err)
			}
			b.ReportMetric(float64(similar), "look-alikes")
		}
	})
}
