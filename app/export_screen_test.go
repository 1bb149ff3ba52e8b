package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"samspil/data"
)

func TestExportScreenSaysWhatItWritesAndWritesIt(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, jonas, _ := recordFixture(t, u)
	active := roleByCode(t, u, "active")
	if err := u.store.SaveOccasion(u.ctx, &data.Occasion{ActivityID: cafe.ID, Date: data.MustDate("2026-11-18"),
		Participants: []data.Participation{{PersonID: mia.ID, RoleID: active.ID}, {PersonID: jonas.ID, RoleID: active.ID}}}); err != nil {
		t.Fatal(err)
	}
	if err := u.store.SaveConsent(u.ctx, &data.Consent{PersonID: mia.ID, Purpose: "research", GivenOn: data.MustDate("2026-01-01")}); err != nil {
		t.Fatal(err)
	}
	e := screenOf[*exportScreen](t, u, "export")
	e.setPeriod(data.MustDate("2026-11-01"), data.MustDate("2026-11-30"))
	if !strings.Contains(e.plan.Text, "1 person (med nøgler), 1 gang og 1 deltagelse.") || !strings.Contains(e.plan.Text, "1 person uden forskningssamtykke udelades") {
		t.Fatalf("plan = %q", e.plan.Text)
	}
	test.Tap(e.identified)
	if !e.warning.Visible() || !strings.Contains(e.plan.Text, "MED NAVNE") {
		t.Fatalf("identified: warning %v, plan %q", e.warning.Visible(), e.plan.Text)
	}
	test.Tap(e.identified)
	e.recipient.SetText("")
	if !e.exportBtn.Disabled() {
		t.Fatal("export allowed without a recipient")
	}
	e.recipient.SetText("VIVE")
	opt, err := e.options()
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "vive.xlsx")
	e.run(opt, target)
	if _, err := os.Stat(target); err != nil {
		t.Fatalf("no workbook: %v", err)
	}
	if len(e.history) != 1 || e.history[0].Recipient != "VIVE" {
		t.Fatalf("history = %+v", e.history)
	}
}
