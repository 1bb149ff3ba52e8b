package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"samspil/app/i18n"
	"samspil/data"
)

func TestWriteLogbookEntryWithThemeAndMention(t *testing.T) {
	u := newTestUI(t)
	cafe, mia, _, _ := recordFixture(t, u)
	l := screenOf[*logbookScreen](t, u, "logbook")
	test.Type(l.author, "Jonas")
	test.Type(l.text, "Mia bød nye velkommen i dag.")
	l.activity.SetID(cafe.ID)
	test.Tap(l.themeBox.checks[1])
	l.people = append(l.people, data.PersonRow{ID: mia.ID, Name: mia.Name})
	test.Tap(l.saveBtn)
	rows, err := u.store.LogEntries(u.ctx, data.LogFilter{PersonID: mia.ID})
	if err != nil || len(rows) != 1 || rows[0].Text != "Mia bød nye velkommen i dag." || len(rows[0].ThemeIDs) != 1 {
		t.Fatalf("entries = %+v, %v", rows, err)
	}
	if len(l.rows) != 1 {
		t.Fatalf("list shows %d entries", len(l.rows))
	}
	// An empty entry is refused with a message at the text.
	test.Tap(l.saveBtn) // saved again unchanged: fine
	l.show(&data.LogEntry{Date: data.Today()})
	test.Tap(l.saveBtn)
	if l.text.Validate() == nil {
		t.Fatal("empty entry accepted")
	}
}

func TestLanguageSwitchRebuildsInEnglish(t *testing.T) {
	u := newTestUI(t)
	t.Cleanup(func() { i18n.SetLanguage(i18n.Danish) })
	if i18n.T("nav.people") != "Personer" {
		t.Fatalf("Danish nav = %q", i18n.T("nav.people"))
	}
	if err := i18n.SetLanguage(i18n.English); err != nil {
		t.Fatal(err)
	}
	u.rebuild()
	if i18n.T("nav.people") != "People" || i18n.DateText(data.MustDate("2026-12-01")) != "2026-12-01" {
		t.Fatalf("English: %q %q", i18n.T("nav.people"), i18n.DateText(data.MustDate("2026-12-01")))
	}
	i18n.SetLanguage(i18n.Danish)
	if i18n.DateText(data.MustDate("2026-12-01")) != "01-12-2026" {
		t.Fatal("Danish date")
	}
}
