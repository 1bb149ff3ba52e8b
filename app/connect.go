package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// Preference keys of the connect form: the server, database, user and CA
// file last connected with — never the password.
const (
	prefServerHost = "server.host"
	prefServerDB   = "server.database"
	prefServerUser = "server.user"
	prefServerCA   = "server.ca_file"
)

// connectForm asks for a shared register on a PostgreSQL server: server
// (host[:port], or a socket folder), database, user, password and an
// optional CA file. The password lives only in the entry and in the URL
// built from it in memory.
type connectForm struct {
	root     fyne.CanvasObject
	fields   *fieldSet
	server   *widget.Entry
	database *widget.Entry
	user     *widget.Entry
	password *widget.Entry
	ca       *widget.Entry
	caButton *widget.Button
}

// newConnectForm builds the form; the CA file's button opens a file
// picker in w.
func newConnectForm(w fyne.Window) *connectForm {
	c := &connectForm{fields: newFieldSet()}
	c.server = c.fields.entry("server", widget.NewEntry())
	c.server.SetPlaceHolder(i18n.T("connect.server_hint"))
	c.database = c.fields.entry("database", widget.NewEntry())
	c.database.SetPlaceHolder(i18n.T("connect.database_hint"))
	c.user = c.fields.entry("user", widget.NewEntry())
	c.password = c.fields.entry("password", widget.NewPasswordEntry())
	c.ca = c.fields.entry("ca_file", widget.NewEntry())
	c.ca.SetPlaceHolder(i18n.T("connect.ca_hint"))
	c.caButton = widget.NewButton(i18n.T("connect.ca_pick"), func() { c.pickCA(w) })
	pgpass := widget.NewLabel(i18n.T("connect.pgpass"))
	pgpass.Wrapping = fyne.TextWrapWord
	c.root = container.NewVBox(widget.NewForm(
		widget.NewFormItem(i18n.T("field.server"), c.server),
		widget.NewFormItem(i18n.T("field.database"), c.database),
		widget.NewFormItem(i18n.T("field.user"), c.user),
		widget.NewFormItem(i18n.T("field.password"), c.password),
		widget.NewFormItem(i18n.T("field.ca_file"), container.NewBorder(nil, nil, nil, c.caButton, c.ca)),
	), pgpass, c.fields.summary)
	return c
}

// pickCA lets the user choose the CA file.
func (c *connectForm) pickCA(w fyne.Window) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		c.ca.SetText(r.URI().Path())
		r.Close()
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pem", ".crt", ".cer"}))
	d.Resize(dialogSize(w, 800, 600))
	d.Show()
}

// recall fills in the server, database, user and CA file last used.
func (c *connectForm) recall(p fyne.Preferences) {
	c.server.SetText(p.String(prefServerHost))
	c.database.SetText(p.String(prefServerDB))
	c.user.SetText(p.String(prefServerUser))
	c.ca.SetText(p.String(prefServerCA))
}

// remember keeps the server, database, user and CA file for next time;
// the password is not kept.
func (c *connectForm) remember(p fyne.Preferences) {
	p.SetString(prefServerHost, strings.TrimSpace(c.server.Text))
	p.SetString(prefServerDB, strings.TrimSpace(c.database.Text))
	p.SetString(prefServerUser, strings.TrimSpace(c.user.Text))
	p.SetString(prefServerCA, strings.TrimSpace(c.ca.Text))
}

// url is the register's address from the form, password included; the
// form shows what is missing or wrong.
func (c *connectForm) url() (string, error) {
	s, err := serverURL(c.server.Text, c.database.Text, c.user.Text, c.password.Text, c.ca.Text)
	c.fields.show(err)
	return s, err
}

// serverURL builds a shared register's postgres:// URL. A server starting
// with "/" is a socket folder, passed as host=. A CA file asks for
// verify-full, so the server's name is checked too; without one the data
// layer still requires TLS. The URL holds the password when one is given:
// keep it in memory only.
func serverURL(server, database, user, password, caFile string) (string, error) {
	server, database, user, caFile = strings.TrimSpace(server), strings.TrimSpace(database), strings.TrimSpace(user), strings.TrimSpace(caFile)
	var es data.Errors
	switch {
	case server == "":
		es = append(es, &data.Error{Code: "err.required", Field: "server"})
	case !strings.HasPrefix(server, "/") && strings.ContainsAny(server, " /?#@\\"):
		es = append(es, &data.Error{Code: "err.server_host", Field: "server"})
	}
	if database == "" {
		es = append(es, &data.Error{Code: "err.required", Field: "database"})
	}
	if len(es) > 0 {
		return "", es
	}
	u := &url.URL{Scheme: "postgres", Path: "/" + database}
	q := url.Values{}
	if strings.HasPrefix(server, "/") {
		q.Set("host", server)
	} else {
		u.Host = server
	}
	switch {
	case user != "" && password != "":
		u.User = url.UserPassword(user, password)
	case user != "":
		u.User = url.User(user)
	}
	if caFile != "" {
		q.Set("sslmode", "verify-full")
		q.Set("sslrootcert", caFile)
	}
	q.Set("connect_timeout", "10")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// showConnect asks for a shared register and opens it in the background
// behind a progress dialog; once it is open the window swaps to it and
// then runs done (the main window), or the welcome first when the
// register is new. A failure is shown in the form, which keeps what was
// typed.
func showConnect(u *UI, done func()) {
	form := newConnectForm(u.win)
	form.recall(u.app.Preferences())
	var d dialog.Dialog
	connect := func() {
		target, err := form.url()
		if err != nil {
			return
		}
		typedPassword := form.password.Text != ""
		wait := dialog.NewCustomWithoutButtons(i18n.T("connect.connecting"), widget.NewProgressBarInfinite(), u.win)
		wait.Show()
		var s *data.Store
		u.spawn(func() error {
			var err error
			s, err = data.Open(target)
			return err
		}, func(err error) {
			wait.Hide()
			if err != nil {
				form.fields.show(err)
				return
			}
			d.Hide()
			prefs := u.app.Preferences()
			form.remember(prefs)
			if !typedPassword { // .pgpass or no password: the next start may open it straight away
				prefs.SetString(prefDatabase, target)
			}
			u.swapStore(s)
			u.connected(done)
		}, true)
	}
	form.password.OnSubmitted = func(string) { connect() }
	connectBtn := widget.NewButton(i18n.T("connect.connect"), connect)
	connectBtn.Importance = widget.HighImportance
	cancelBtn := widget.NewButton(i18n.T("ui.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(i18n.T("connect.title"), container.NewVBox(form.root, container.NewHBox(cancelBtn, connectBtn)), u.win)
	d.Resize(dialogSize(u.win, 640, 460))
	d.Show()
	if form.server.Text == "" {
		u.win.Canvas().Focus(form.server)
	} else {
		u.win.Canvas().Focus(form.password)
	}
}

// connected shows the register just swapped in: the welcome when it is
// new, else done and the day's backup. The screens are made afresh, so
// none shows what it read from the register before (the settings' address
// and backup folder).
func (u *UI) connected(done func()) {
	u.makePages()
	if u.isNew() {
		showWelcome(u, done)
		return
	}
	done()
	u.checkAndBackup()
}
