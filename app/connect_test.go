package app

import (
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// The connect form builds the register's URL in memory: TLS checked
// against a CA file when one is given, a socket folder as host=, the
// password only in the URL (and out of every preference).
func TestConnectFormBuildsTheURL(t *testing.T) {
	for _, c := range []struct {
		server, db, user, password, ca string
		want                           string
	}{
		{"db.kommune.dk:5433", "samspil", "anna", "hemm@lig/kode", "/home/anna/ca.pem",
			"postgres://anna:hemm%40lig%2Fkode@db.kommune.dk:5433/samspil?connect_timeout=10&sslmode=verify-full&sslrootcert=%2Fhome%2Fanna%2Fca.pem"},
		{" db.kommune.dk ", " samspil ", "anna", "", "",
			"postgres://anna@db.kommune.dk/samspil?connect_timeout=10"},
		{"/tmp/pg/sock", "samspil_demo", "postgres", "", "",
			"postgres://postgres@/samspil_demo?connect_timeout=10&host=%2Ftmp%2Fpg%2Fsock"},
		{"[::1]:5432", "samspil", "", "", "", "postgres://[::1]:5432/samspil?connect_timeout=10"},
	} {
		got, err := serverURL(c.server, c.db, c.user, c.password, c.ca)
		if err != nil || got != c.want {
			t.Errorf("serverURL(%q, %q, %q, …) = %q, %v\nwant %q", c.server, c.db, c.user, got, err, c.want)
			continue
		}
		if !data.IsServerURL(got) {
			t.Errorf("%q is not a server URL to the data layer", got)
		}
		if c.password != "" && strings.Contains(data.RedactURL(got), url.QueryEscape(c.password)) {
			t.Errorf("the redacted URL %q still holds the password", data.RedactURL(got))
		}
	}
	for _, c := range []struct{ server, db, field string }{
		{"", "samspil", "server"},
		{"db.kommune.dk", "", "database"},
		{"db kommune", "samspil", "server"},
		{"anna@db.kommune.dk", "samspil", "server"},
	} {
		_, err := serverURL(c.server, c.db, "", "", "")
		if _, ok := data.FieldErrors(err)[c.field]; !ok {
			t.Errorf("serverURL(%q, %q): %v, want an error at %s", c.server, c.db, err, c.field)
		}
	}
}

// Typed into the form as a person does, the URL comes out the same; what
// is remembered for next time holds no password, and comes back.
func TestConnectFormRemembersAllButThePassword(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("Samspil")
	f := newConnectForm(w)
	w.SetContent(f.root)
	kb := keyboard{t, w}
	w.Canvas().Focus(f.server)
	for _, text := range []string{"db.kommune.dk", "samspil", "anna", "hemmelig"} {
		kb.typeText(text)
		kb.press(fyne.KeyTab)
	}
	got, err := f.url()
	if want := "postgres://anna:hemmelig@db.kommune.dk/samspil?connect_timeout=10"; err != nil || got != want {
		t.Fatalf("typed form gives %q, %v; want %q", got, err, want)
	}
	f.remember(a.Preferences())
	for _, key := range []string{prefServerHost, prefServerDB, prefServerUser, prefServerCA, prefDatabase} {
		if v := a.Preferences().String(key); strings.Contains(v, "hemmelig") {
			t.Fatalf("preference %s holds the password: %q", key, v)
		}
	}
	again := newConnectForm(w)
	again.recall(a.Preferences())
	if again.server.Text != "db.kommune.dk" || again.database.Text != "samspil" || again.user.Text != "anna" || again.password.Text != "" {
		t.Fatalf("recalled %q %q %q, password %q", again.server.Text, again.database.Text, again.user.Text, again.password.Text)
	}
	// Nothing missing is connected to: the form says what is.
	again.database.SetText("")
	if _, err := again.url(); err == nil || !again.fields.summary.Visible() {
		t.Fatalf("a form without a database gave %v", err)
	}
}

// The form's placeholders read as examples, not as values already typed,
// and its help text is not dimmed.
func TestConnectFormPlaceholdersAreExamples(t *testing.T) {
	a := test.NewTempApp(t)
	if err := i18n.SetLanguage(i18n.Danish); err != nil {
		t.Fatal(err)
	}
	f := newConnectForm(a.NewWindow("Samspil"))
	for name, e := range map[string]*widget.Entry{"server": f.server, "database": f.database} {
		if !strings.HasPrefix(e.PlaceHolder, "fx ") {
			t.Errorf("the %s placeholder %q does not read as an example", name, e.PlaceHolder)
		}
	}
	for _, o := range objects(f.root) {
		if l, ok := o.(*widget.Label); ok && l.Text == i18n.T("connect.pgpass") && l.Importance == widget.LowImportance {
			t.Error("the help text is dimmed (low importance)")
		}
	}
}
