package i18n

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"samspil/data"
)

func TestNumbersDatesAndSingularsFollowTheLanguage(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { SetLanguage(Danish) })
	if err := SetLanguage(Danish); err != nil {
		t.Fatal(err)
	}
	d := data.MustDate("2026-12-01")
	if Count(10671) != "10.671" || DateText(d) != "01-12-2026" || Percent(0.195) != "20 %" {
		t.Fatalf("Danish: %s, %s, %s", Count(10671), DateText(d), Percent(0.195))
	}
	if Amount("people", 1) == Amount("people", 2) {
		t.Fatalf("one person and two people read alike: %q", Amount("people", 1))
	}
	if err := SetLanguage(English); err != nil {
		t.Fatal(err)
	}
	if Language() != English || Count(10671) != "10,671" || DateText(d) != "2026-12-01" || T("ui.save") != "Save" {
		t.Fatalf("English: %s, %s, %s, %s", Language(), Count(10671), DateText(d), T("ui.save"))
	}
	if SetLanguage("xx"); Language() != Danish {
		t.Fatalf("an unknown language gives %s, want Danish", Language())
	}
}
