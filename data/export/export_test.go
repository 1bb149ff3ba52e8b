package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"samspil/data/pgtest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"samspil/data"
	"samspil/data/demo"
)

var testEnd = data.MustDate("2026-11-30")

// demoStore makes a small demo database of the template.
func demoStore(t testing.TB, tpl string) *data.Store {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), tpl+".db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(context.Background(), s, demo.Options{Template: tpl, Years: 2, End: testEnd}); err != nil {
		t.Fatal(err)
	}
	return s
}

// readSheets reads every sheet of a workbook into rows of strings.
func readSheets(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = rows
	}
	return out
}

// periodCounts counts the occasions of the period and their
// participations in the database.
func periodCounts(t *testing.T, s *data.Store, from, to data.Date) (occasions, participations int) {
	t.Helper()
	occasions, participations, err := s.PeriodCounts(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return occasions, participations
}

// participants returns how often each person took part in the period (zero
// dates: ever).
func participants(t *testing.T, s *data.Store, from, to data.Date) map[int64]int {
	t.Helper()
	counts, err := s.ParticipationCounts(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return counts
}

// researchPeople returns every person as the export reads them.
func researchPeople(t *testing.T, s *data.Store) []data.ResearchPerson {
	t.Helper()
	people, err := s.ResearchPeople(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return people
}

func TestWorkbookRoundTrip(t *testing.T) {
	s := demoStore(t, "kulturhus")
	st, _ := s.Settings(context.Background())
	st.NoConsentPolicy = "count"
	if err := s.SaveSettings(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "export.xlsx")
	from, to := data.MustDate("2025-06-01"), data.MustDate("2026-05-31")
	sum, err := Run(context.Background(), s, Options{Recipient: "VIVE", From: from, To: to, WithLogbook: true}, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	sheets := readSheets(t, out)
	want := []string{"README", "codebook", "codes", "people", "group_periods", "activities", "occasions", "participation", "paths", "logbook",
		"indicators", "indicators_yearly", "indicators_monthly", "transitions", "network", "charts"}
	f, _ := excelize.OpenFile(out)
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets = %v", got)
	}
	// Every data sheet has the columns the codebook lists, in order.
	codebook := map[string][]string{}
	for _, r := range sheets["codebook"][1:] {
		if r[1] != "" {
			codebook[r[0]] = append(codebook[r[0]], r[1])
		}
	}
	for _, name := range want[3 : len(want)-1] {
		if got := strings.Join(sheets[name][0], ","); got != strings.Join(codebook[name], ",") {
			t.Errorf("%s header %q, codebook %q", name, got, codebook[name])
		}
	}
	// Counts match the database for the period.
	occ, parts := periodCounts(t, s, from, to)
	if n := len(sheets["participation"]) - 1; n != parts || sum.RowCounts["participation"] != parts {
		t.Errorf("participation rows %d (summary %d), database %d", n, sum.RowCounts["participation"], parts)
	}
	if n := len(sheets["occasions"]) - 1; n != occ {
		t.Errorf("occasions rows %d, database %d", n, occ)
	}
	people := len(participants(t, s, from, to))
	if n := len(sheets["people"]) - 1; n < people {
		t.Errorf("people rows %d, participants %d", n, people)
	}
	logs, err := s.LogEntries(context.Background(), data.LogFilter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sheets["logbook"]) - 1; n != len(logs) {
		t.Errorf("logbook rows %d, database %d", n, len(logs))
	}
	// Dates are real date cells shown as yyyy-mm-dd, numbers are numbers.
	typ, err := f.GetCellType("participation", "C2")
	if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("date cell type %v, %v", typ, err)
	}
	if v, _ := f.GetCellValue("participation", "C2"); !strings.HasPrefix(v, "2025-06") {
		t.Errorf("first date shows as %q", v)
	}
	if v, _ := f.GetCellValue("participation", "F2"); v < "0" || v > "4" {
		t.Errorf("role level %q", v)
	}
	tables, err := f.GetTables("participation")
	if err != nil || len(tables) != 1 {
		t.Errorf("participation tables = %v, %v", tables, err)
	}
	panes, err := f.GetPanes("participation")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	// The indicator sheets: every key figure with its definition, twelve
	// months, and native charts.
	ind := map[string][]string{}
	for _, r := range sheets["indicators"][1:] {
		ind[r[0]] = r
	}
	if len(ind) != 29 || ind["participations"][4] != fmt.Sprint(parts) || ind["reach"][16] == "" {
		t.Errorf("indicators = %v (participations %d)", ind, parts)
	}
	if n := len(sheets["indicators_monthly"]) - 1; n != 12 {
		t.Errorf("monthly rows %d", n)
	}
	if len(sheets["network"]) < 10 || len(sheets["transitions"]) < 2 {
		t.Errorf("network %d rows, transitions %d rows", len(sheets["network"]), len(sheets["transitions"]))
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	chartsFound := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			chartsFound++
		}
	}
	zr.Close()
	if chartsFound != 3 {
		t.Errorf("%d native charts", chartsFound)
	}
	readme := map[string]string{}
	for _, r := range sheets["README"][1:] {
		if len(r) == 2 {
			readme[r[0]] = r[1]
		}
	}
	if readme["pseudonymised"] != "yes" || readme["recipient"] != "VIVE" || readme["rows_participation"] == "" ||
		readme["period"] != "2025-06-01 – 2026-05-31" || readme["audit_log"] == "" {
		t.Errorf("README = %v", readme)
	}
	recs, _ := s.Exports(context.Background())
	if len(recs) != 1 || recs[0].RowCounts["participation"] != parts || !recs[0].Pseudonymised {
		t.Errorf("export log = %+v", recs)
	}
}

func TestPseudonymsAreStablePerRecipientAndUnlinkableAcross(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	a1, a2, b := NewKeyer(secret, "VIVE"), NewKeyer(secret, " vive "), NewKeyer(secret, "RUC")
	if a1.Key(7) != a2.Key(7) {
		t.Fatal("same recipient, different keys")
	}
	if a1.Key(7) == b.Key(7) || a1.Key(7) == a1.Key(8) {
		t.Fatal("keys collide across recipients or people")
	}
	other := NewKeyer([]byte("another secret of thirty-two byt"), "VIVE")
	if other.Key(7) == a1.Key(7) {
		t.Fatal("the key does not depend on the secret")
	}
	if k := a1.Key(7); len(k) != 12 || !strings.HasPrefix(k, "P-") {
		t.Fatalf("key %q", k)
	}
	for _, c := range []struct {
		year int
		want string
	}{{2000, "25-29"}, {2006, "20-24"}, {1930, "80+"}, {0, ""}, {2030, ""}} {
		if got := AgeBand(c.year, testEnd.Time()); got != c.want {
			t.Errorf("AgeBand(%d) = %q, want %q", c.year, got, c.want)
		}
	}
}

func TestConsentPolicy(t *testing.T) {
	s := demoStore(t, "sager")
	ctx := context.Background()
	took := participants(t, s, data.Date{}, data.Date{})
	without := 0
	for _, p := range researchPeople(t, s) {
		if took[p.ID] > 0 && !p.ResearchConsent {
			without++
		}
	}
	if without == 0 {
		t.Fatal("the demo has nobody without research consent")
	}
	_, total, err := s.RegisterSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := Run(ctx, s, Options{Recipient: "R"}, filepath.Join(dir, "x.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Excluded < without || sum.Unkeyed != 0 || sum.RowCounts["participation"] >= total {
		t.Fatalf("exclude: %+v (without consent %d, participations %d)", sum, without, total)
	}
	st, _ := s.Settings(ctx)
	st.NoConsentPolicy = "count"
	s.SaveSettings(ctx, st)
	out := filepath.Join(dir, "y.xlsx")
	sum, err = Run(ctx, s, Options{Recipient: "R"}, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Excluded != 0 || sum.Unkeyed < without || sum.RowCounts["participation"] != total {
		t.Fatalf("count: %+v", sum)
	}
	empty := 0
	for _, r := range readSheets(t, out)["participation"][1:] {
		if r[3] == "" {
			empty++
		}
	}
	if empty == 0 {
		t.Fatal("no participation row without a key")
	}
}

func TestCSVFolderAndZip(t *testing.T) {
	s := demoStore(t, "landsby")
	ctx := context.Background()
	// A logbook text that looks like a formula must stay text.
	if err := s.SaveLogEntry(ctx, &data.LogEntry{Date: testEnd, Text: "=HYPERLINK(\"http://x\")"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	folder := filepath.Join(dir, "csv")
	if _, err := Run(ctx, s, Options{Recipient: "R", Format: "csv", WithLogbook: true}, folder, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(folder, "occasions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "\ufeffoccasion_id;activity_id;date;") {
		t.Fatalf("header = %q", string(raw[:60]))
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) < 10 || !strings.Contains(recs[1][2], "-") {
		t.Fatalf("occasions.csv = %d records, %v", len(recs), err)
	}
	// Every share with decimals has a comma, none a point (a share of 0 or
	// 1 would show neither, so the check needs ones with decimals).
	withComma := 0
	for _, rec := range recs[1:] {
		share := rec[7]
		if strings.Contains(share, ".") {
			t.Fatalf("decimal point in %q; Danish Excel wants a comma", share)
		}
		if strings.Contains(share, ",") {
			withComma++
		}
	}
	if withComma == 0 {
		t.Fatal("no share with decimals in occasions.csv: the decimal comma is not checked")
	}
	logbook, _ := os.ReadFile(filepath.Join(folder, "logbook.csv"))
	if !strings.Contains(string(logbook), "'=HYPERLINK") {
		t.Fatal("formula-looking text was not defused")
	}
	if _, err := Run(ctx, s, Options{Recipient: "R", Format: "csv"}, folder, nil); err == nil {
		t.Fatal("overwrote an existing folder")
	}
	zipped := filepath.Join(dir, "export.zip")
	if _, err := Run(ctx, s, Options{Recipient: "R", Format: "csv"}, zipped, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zipped)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
	}
	for _, n := range []string{"README.csv", "codebook.csv", "codes.csv", "people.csv", "participation.csv"} {
		if !names[n] {
			t.Errorf("zip lacks %s", n)
		}
	}
}

func TestCancelledOrFailedExportLeavesNothing(t *testing.T) {
	s := demoStore(t, "kulturhus")
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Run(ctx, s, Options{Recipient: "R"}, filepath.Join(dir, "x.xlsx"), func(p Progress) {
		if calls++; calls == 3 {
			cancel()
		}
	})
	var de *data.Error
	if !errors.As(err, &de) || de.Code != "err.cancelled" {
		t.Fatalf("err = %v", err)
	}
	if _, err := Run(context.Background(), s, Options{Recipient: ""}, filepath.Join(dir, "y.xlsx"), nil); err == nil {
		t.Fatal("export without a recipient")
	}
	if _, err := Run(context.Background(), s, Options{Recipient: "R"}, filepath.Join(dir, "missing", "z.xlsx"), nil); err == nil {
		t.Fatal("export into a missing folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
	if recs, _ := s.Exports(context.Background()); len(recs) != 0 {
		t.Fatalf("failed exports were recorded: %+v", recs)
	}
}

func TestPlanMatchesTheExport(t *testing.T) {
	s := demoStore(t, "sager")
	opt := Options{Recipient: "R", From: data.MustDate("2025-01-01"), To: data.MustDate("2025-12-31")}
	plan, err := Plan(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Run(context.Background(), s, opt, filepath.Join(t.TempDir(), "x.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"people", "occasions", "participation"} {
		if plan.RowCounts[k] != sum.RowCounts[k] {
			t.Errorf("%s: plan %d, export %d", k, plan.RowCounts[k], sum.RowCounts[k])
		}
	}
	if plan.Excluded != sum.Excluded {
		t.Errorf("excluded: plan %d, export %d", plan.Excluded, sum.Excluded)
	}
}

// ReadSheetNames opens a workbook and lists its sheets (for the crash test).
func ReadSheetNames(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetSheetList(), nil
}
