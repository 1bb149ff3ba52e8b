package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/data"
)

// TestExportScreenShowsScrubbingAndK: with the logbook chosen, the screen
// says before anything is written how many identifiers of each kind the
// scrubbing replaces, and shows the scrubbed notes on request; the k of
// the k-check is typed in its field and a bad one is refused by name.
func TestExportScreenShowsScrubbingAndK(t *testing.T) {
	u := newTestUI(t)
	_, mia, _, _ := recordFixture(t, u)
	if err := u.store.SaveConsent(u.ctx, &data.Consent{PersonID: mia.ID, Purpose: "research", GivenOn: data.MustDate("2026-01-01")}); err != nil {
		t.Fatal(err)
	}
	note := &data.LogEntry{Date: data.MustDate("2026-11-18"), Text: "Mia ringede fra 22 33 44 55 og skrev fra mia@eksempel.dk", PersonIDs: []int64{mia.ID}}
	if err := u.store.SaveLogEntry(u.ctx, note); err != nil {
		t.Fatal(err)
	}
	e := screenOf[*exportScreen](t, u, "export")
	e.setPeriod(data.MustDate("2026-11-01"), data.MustDate("2026-11-30"))
	if e.privacy.box.Visible() {
		t.Fatal("notes offered without the logbook")
	}
	test.Tap(e.logbook)
	got := e.privacy.scrubbed.Text
	for _, want := range []string{"1 navn", "1 telefonnummer", "1 e-mailadresse"} {
		if !strings.Contains(got, want) {
			t.Fatalf("scrub line %q lacks %q", got, want)
		}
	}
	test.Tap(e.privacy.look)
	shown := ""
	for _, o := range objects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			shown += l.Text + "\n"
		}
	}
	if !strings.Contains(shown, "[telefon]") || strings.Contains(shown, "22 33 44 55") || strings.Contains(shown, "Mia") {
		t.Fatalf("the scrubbed notes shown: %q", shown)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	// k, typed as a person types it.
	kb := keyboard{t, u.win}
	u.win.Canvas().Focus(e.privacy.k)
	e.privacy.k.SetText("")
	kb.typeText("0")
	if !e.exportBtn.Disabled() || !strings.Contains(e.fields.summary.Text, "k") {
		t.Fatalf("k = 0 accepted: summary %q", e.fields.summary.Text)
	}
	kb.press(fyne.KeyBackspace)
	kb.typeText("5")
	opt, err := e.options()
	if err != nil || opt.K != 5 || e.exportBtn.Disabled() {
		t.Fatalf("k = 5: %+v, %v", opt.K, err)
	}
}
