package export

import (
	"context"
	"math"
	"path/filepath"
	"samspil/data/pgtest"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
)

// tinyPartnership is a partnership small enough to work out by hand:
//
//	P1 target, municipal   P2 target, host   R1 resourceful, network
//	V1 volunteer, self     N1 resourceful, network, no research consent
//
// A (recurring) starts 15 Dec 2025, started by P1; B (event) started 2024
// by V1.
//
//	20 Dec 2025  A  P1, R1, N1 + 1 guest
//	10 Jan 2026  B  P2, V1 (host)
//	17 Jan 2026  A  P1, P2, R1, N1 + 2 guests
//
// The municipality's target group is 8 people in 2026; the threshold 20 %.
func tinyPartnership(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(pgtest.Target(t, filepath.Join(t.TempDir(), "tiny.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.Settings(ctx)
	must(err)
	st.Partnership, st.BalanceThreshold, st.NoConsentPolicy = "Tiny", 0.2, "exclude"
	must(s.SaveSettings(ctx, st))
	roles := map[string]int64{}
	rs, _ := s.Roles(ctx)
	for _, r := range rs {
		roles[r.Code] = r.ID
	}
	since := data.MustDate("2025-01-01")
	person := func(name, entry string, g data.Group, consent bool) int64 {
		p := &data.Person{Name: name, EntryChannel: entry}
		gp := &data.GroupPeriod{Group: g, Start: since}
		if g == data.GroupTarget {
			gp.CategoryIDs = []int64{1}
		}
		must(s.SavePerson(ctx, p, gp))
		if consent {
			must(s.SaveConsent(ctx, &data.Consent{PersonID: p.ID, Purpose: "research", GivenOn: since, Method: "skriftligt"}))
		}
		return p.ID
	}
	p1 := person("Pia Et", "municipal", data.GroupTarget, true)
	p2 := person("Per To", "host", data.GroupTarget, true)
	r1 := person("Rie Tre", "network", data.GroupResourceful, true)
	v1 := person("Vagn Fire", "self", data.GroupVolunteer, true)
	n1 := person("Nis Fem", "network", data.GroupResourceful, false)
	a := &data.Activity{Name: "A", Kind: "recurring", Status: "active", Start: data.MustDate("2025-12-15"), InitiatorID: p1}
	b := &data.Activity{Name: "B", Kind: "event", Status: "active", Start: data.MustDate("2024-01-01"), InitiatorID: v1}
	must(s.SaveActivity(ctx, a))
	must(s.SaveActivity(ctx, b))
	occ := func(act *data.Activity, day string, guests int, people ...int64) {
		o := &data.Occasion{ActivityID: act.ID, Date: data.MustDate(day), AnonymousGuests: guests}
		for _, id := range people {
			role := "active"
			if id == v1 {
				role = "host"
			}
			o.Participants = append(o.Participants, data.Participation{PersonID: id, RoleID: roles[role]})
		}
		must(s.SaveOccasion(ctx, o))
	}
	occ(a, "2025-12-20", 1, p1, r1, n1)
	occ(b, "2026-01-10", 0, p2, v1)
	occ(a, "2026-01-17", 2, p1, p2, r1, n1)
	must(s.SetTargetSize(ctx, 2026, 8))
	return s
}

// tinyExport exports December 2025 and January 2026 of the tiny
// partnership, pseudonymised, with or without small-count suppression.
func tinyExport(t *testing.T, suppress bool) map[string][][]string {
	t.Helper()
	s := tinyPartnership(t)
	out := filepath.Join(t.TempDir(), "tiny.xlsx")
	opt := Options{Recipient: "VIVE", From: data.MustDate("2025-12-01"), To: data.MustDate("2026-01-31"), SuppressSmall: &suppress}
	if _, err := Run(context.Background(), s, opt, out, nil); err != nil {
		t.Fatal(err)
	}
	return readSheets(t, out)
}

// sameCells compares cells as numbers where both are numbers (a reader
// shows 15 significant digits), otherwise as text.
func sameCells(got, want []string) bool {
	for i := range got {
		g, errG := strconv.ParseFloat(got[i], 64)
		w, errW := strconv.ParseFloat(want[i], 64)
		if errG == nil && errW == nil {
			if math.Abs(g-w) > 1e-12 {
				return false
			}
		} else if got[i] != want[i] {
			return false
		}
	}
	return true
}

// byHeader indexes a sheet's rows by the value in its first column, each
// row as a map from header to cell.
func byHeader(rows [][]string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out[r[0]] = m
	}
	return out
}

// TestIndicatorSheetByHand: without N1 (no research consent, left out of
// the tables, and so of the figures): 7 participations of P1, P2, R1, V1;
// newcomers P1, R1 (December), P2, V1 (January); sizes 3 (2 + 1 guest), 2,
// 5 (3 + 2 guests).
func TestIndicatorSheetByHand(t *testing.T) {
	sheets := tinyExport(t, false)
	ind := byHeader(sheets["indicators"])
	want := map[string][3]string{ // value, numerator, denominator
		"participations":               {"7", "", ""},
		"participants":                 {"4", "", ""},
		"target_share_of_participants": {"0.5", "2", "4"},
		"target_share":                 {strconv.FormatFloat(4.0/7, 'g', -1, 64), "4", "7"},
		"reach":                        {"0.25", "2", "8"},
		"size_min":                     {"2", "", ""},
		"size_max":                     {"5", "", ""},
		"median_size":                  {"3", "", ""},
		"newcomers":                    {"4", "", ""},
		"entry_network":                {"0.25", "1", "4"},
		"entry_host":                   {"0.25", "1", "4"},
		"entry_municipal":              {"0.25", "1", "4"},
		"entry_self":                   {"0.25", "1", "4"},
		"entry_other":                  {"0", "0", "4"},
		"started_by_target":            {"1", "", ""},
		"started_by_citizen":           {"0", "", ""},
		"started_by_staff":             {"0", "", ""},
		"started_by_unknown":           {"0", "", ""},
		"citizen_initiated":            {"1", "1", "1"},
		"volunteers":                   {"1", "", ""},
		"active_activities":            {"2", "", ""},
		"activities_with_target":       {"2", "", ""},
		"coverage":                     {"1", "2", "2"},
		"over_threshold":               {"3", "", ""},
		"ties":                         {"1", "2", "2"},
	}
	for key, w := range want {
		r := ind[key]
		if r == nil {
			t.Errorf("no row %s", key)
			continue
		}
		if got := [3]string{r["value"], r["numerator"], r["denominator"]}; !sameCells(got[:], w[:]) {
			t.Errorf("%s = %v, want %v", key, got, w)
		}
		if r["value_suppressed"] != "0" || r["previous_from"] != "2025-10-01" || r["previous_to"] != "2025-11-30" {
			t.Errorf("%s: suppressed %q, previous %q–%q", key, r["value_suppressed"], r["previous_from"], r["previous_to"])
		}
	}
	// Nobody came in October and November: counts 0, shares unknown.
	if r := ind["participations"]; r["previous"] != "0" {
		t.Errorf("previous participations %q", r["previous"])
	}
	if r := ind["entry_network"]; r["previous"] != "" || r["previous_numerator"] != "0" || r["previous_denominator"] != "0" {
		t.Errorf("previous entry_network %v", r)
	}
	// The yearly series: December 2025 and January 2026.
	years := byHeader(sheets["indicators_yearly"])
	dec, jan := years["2025"], years["2026"]
	if len(years) != 2 || dec == nil || jan == nil || dec["from"] != "2025-12-01" || dec["to"] != "2025-12-31" ||
		jan["from"] != "2026-01-01" || jan["to"] != "2026-01-31" {
		t.Fatalf("yearly rows %v", years)
	}
	wantYear := map[string][2]string{ // 2025, 2026
		"participations":    {"2", "5"},
		"newcomers":         {"2", "2"},
		"entry_municipal":   {"0.5", "0"},
		"entry_host":        {"0", "0.5"},
		"size_min":          {"3", "2"},
		"size_max":          {"3", "5"},
		"median_size":       {"3", "3.5"},
		"started_by_target": {"1", "0"},
		"reach":             {"", "0.25"},
		"volunteers":        {"0", "1"},
	}
	for key, w := range wantYear {
		if got := [2]string{dec[key], jan[key]}; got != w {
			t.Errorf("yearly %s = %v, want %v", key, got, w)
		}
	}
}

// TestSuppressionKeepsColumnsNumeric: with suppression (the default for
// pseudonymised exports) counts from 1 to 4 and shares whose numerator or
// denominator is from 1 to 4 are left empty, numerator and denominator
// too, and flagged; the value columns hold only numbers.
func TestSuppressionKeepsColumnsNumeric(t *testing.T) {
	sheets := tinyExport(t, true)
	ind := byHeader(sheets["indicators"])
	cases := map[string][4]string{ // value, numerator, denominator, suppressed
		"participations":    {"7", "", "", "0"},
		"participants":      {"", "", "", "1"},
		"size_max":          {"5", "", "", "0"},
		"size_min":          {"", "", "", "1"},
		"entry_network":     {"", "", "", "1"},
		"target_share":      {"", "", "", "1"},
		"entry_other":       {"", "", "", "1"}, // 0 of 4: the 4 newcomers are a small count
		"started_by_staff":  {"0", "", "", "0"},
		"started_by_target": {"", "", "", "1"},
	}
	for key, w := range cases {
		r := ind[key]
		if got := [4]string{r["value"], r["numerator"], r["denominator"], r["value_suppressed"]}; got != w {
			t.Errorf("%s = %v, want %v", key, got, w)
		}
	}
	for _, sheet := range []string{"indicators", "indicators_yearly", "transitions"} {
		for _, r := range sheets[sheet][1:] {
			for _, c := range r {
				if strings.Contains(c, "<5") {
					t.Errorf("%s holds %q in a row %v", sheet, c, r)
				}
			}
		}
	}
	years := byHeader(sheets["indicators_yearly"])
	if jan := years["2026"]; jan["participations"] != "5" || jan["participants"] != "" || !strings.Contains(jan["suppressed"], "participants") {
		t.Errorf("2026 = %v", jan)
	}
}

// TestReadmeStatesTheBasisAndParameters: the README sheet says that the
// figures leave out the people the tables leave out (N1 with two
// participations), the threshold, the target-group size per year and the
// previous period; the people sheet has each person's first participation
// ever.
func TestReadmeStatesTheBasisAndParameters(t *testing.T) {
	sheets := tinyExport(t, false)
	readme := map[string]string{}
	for _, r := range sheets["README"][1:] {
		if len(r) == 2 {
			readme[r[0]] = r[1]
		}
	}
	for k, want := range map[string]string{
		"people_left_out": "1", "participations_left_out": "2", "balance_threshold": "0.2",
		"target_size_2026": "8", "target_size_2025": "unknown", "previous_period": "2025-10-01 – 2025-11-30",
	} {
		if readme[k] != want {
			t.Errorf("README %s = %q, want %q", k, readme[k], want)
		}
	}
	if !strings.Contains(readme["figures_basis"], "1") || !strings.Contains(readme["figures_basis"], "2") {
		t.Errorf("figures_basis = %q", readme["figures_basis"])
	}
	people := sheets["people"]
	col := -1
	for i, h := range people[0] {
		if h == "first_participation_ever" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("people header %v", people[0])
	}
	firsts := map[string]int{}
	for _, r := range people[1:] {
		firsts[r[col]]++
	}
	if firsts["2025-12-20"] != 2 || firsts["2026-01-10"] != 2 || len(people) != 5 {
		t.Errorf("first participations %v in %d rows", firsts, len(people)-1)
	}
	documented := map[string]bool{}
	for _, r := range sheets["codebook"][1:] {
		documented[r[0]+"."+r[1]] = true
	}
	for _, k := range []string{"charts.", "indicators_yearly.year", "indicators.numerator", "indicators.value_suppressed", "people.first_participation_ever"} {
		if !documented[k] {
			t.Errorf("codebook lacks %s", k)
		}
	}
}
