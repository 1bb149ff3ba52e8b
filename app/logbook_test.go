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

// An entry another coordinator writes (a second store on the file, its
// change announcement handed to the window) shows in the list with the
// entry being read still selected, and that entry, untouched, shows the
// other's correction.
func TestLogbookListFollowsOthersChanges(t *testing.T) {
	u := newTestUI(t)
	other, err := data.Open(u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	first := &data.LogEntry{Date: data.MustDate("2026-11-02"), Text: "Første møde"}
	if err := u.store.SaveLogEntry(u.ctx, first); err != nil {
		t.Fatal(err)
	}
	ls := screenOf[*logbookScreen](t, u, "logbook")
	ls.list.Select(0)
	if ls.entry == nil || ls.entry.ID != first.ID {
		t.Fatalf("selecting the entry shows %+v", ls.entry)
	}
	if err := other.SaveLogEntry(u.ctx, &data.LogEntry{Date: data.MustDate("2026-11-09"), Text: "Andet møde"}); err != nil {
		t.Fatal(err)
	}
	fixed, _ := other.LogEntry(u.ctx, first.ID)
	fixed.Text = "Første møde, med kaffe"
	if err := other.SaveLogEntry(u.ctx, fixed); err != nil {
		t.Fatal(err)
	}
	u.othersChanged(map[string]bool{"logbook": true})
	if len(ls.rows) != 2 {
		t.Fatalf("the list has %d entries after the other's, want 2", len(ls.rows))
	}
	if ls.entry.ID != first.ID || ls.text.Text != "Første møde, med kaffe" {
		t.Fatalf("the entry shown: %d, %q", ls.entry.ID, ls.text.Text)
	}
}
