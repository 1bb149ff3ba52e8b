package export

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
	"samspil/data/indicators"
)

// smallCells lists the cells of the summary sheets that show a count from
// 1 to 4, or the numerator or denominator of a share when from 1 to 4.
func smallCells(sheets map[string][][]string) []string {
	isShare := map[string]bool{}
	for _, d := range indicators.Definitions {
		isShare[d.Key] = d.Share
	}
	small := func(v string) bool {
		n, err := strconv.ParseFloat(v, 64)
		return err == nil && n > 0 && n < 5
	}
	var hits []string
	hit := func(sheet, col, v string) { hits = append(hits, sheet+"."+col+"="+v) }
	for _, sheet := range []string{"indicators", "indicators_yearly", "indicators_monthly", "transitions"} {
		rows := sheets[sheet]
		if len(rows) < 2 {
			continue
		}
		head := rows[0]
		for _, r := range rows[1:] {
			for i, v := range r {
				col := head[i]
				switch {
				case sheet == "indicators" && (col == "numerator" || col == "denominator" || col == "previous_numerator" || col == "previous_denominator"):
				case sheet == "indicators" && (col == "value" || col == "previous"):
					if isShare[r[0]] {
						continue
					}
				case sheet == "indicators_yearly":
					if isShare[col] || col == "year" || col == "from" || col == "to" || col == "suppressed" {
						continue
					}
				case sheet == "indicators_monthly":
					if col == "month" || col == "target_share" || col == "suppressed" {
						continue
					}
				case sheet == "transitions":
					if col != "people" {
						continue
					}
				default:
					continue
				}
				if small(v) {
					hit(sheet, col, v)
				}
			}
		}
	}
	return hits
}

// TestSmallCountsAreSuppressed exports the village's last year, where
// small counts are everywhere: the pseudonymised workbook shows none in
// any summary sheet (the monthly series too), and says in its README that
// the record-level sheets (network's shared occasions among them) are not
// suppressed; without suppression the same scan finds them.
func TestSmallCountsAreSuppressed(t *testing.T) {
	s := demoStore(t, "landsby")
	from := data.MustDate("2025-11-01")
	dir := t.TempDir()
	write := func(name string, suppress bool) map[string][][]string {
		out := filepath.Join(dir, name)
		if _, err := Run(context.Background(), s, Options{Recipient: "R", From: from, To: testEnd, SuppressSmall: &suppress}, out, nil); err != nil {
			t.Fatal(err)
		}
		return readSheets(t, out)
	}
	raw := write("raw.xlsx", false)
	shown := smallCells(raw)
	sheetsWithSmall := map[string]bool{}
	for _, h := range shown {
		sheetsWithSmall[strings.SplitN(h, ".", 2)[0]] = true
	}
	for _, sheet := range []string{"indicators", "indicators_monthly"} {
		if !sheetsWithSmall[sheet] {
			t.Fatalf("without suppression no small count in %s: the scan cannot see it (%v)", sheet, shown)
		}
	}
	sup := write("sup.xlsx", true)
	if hits := smallCells(sup); len(hits) > 0 {
		t.Fatalf("small counts shown: %v", hits)
	}
	flagged := 0
	for _, r := range sup["indicators_monthly"][1:] {
		if r[len(r)-1] != "" && r[len(r)-1] != "0" {
			flagged++
		}
	}
	if flagged == 0 {
		t.Fatal("no monthly row flagged as suppressed")
	}
	readme := ""
	for _, r := range sup["README"] {
		if r[0] == "small_counts" {
			readme = r[1]
		}
	}
	if !strings.Contains(readme, "network") || !strings.Contains(readme, "record-level") {
		t.Fatalf("README does not say which sheets are not suppressed: %q", readme)
	}
}
