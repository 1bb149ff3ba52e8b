package app

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// settingsScreen edits the partnership, its catalogues and the app itself.
type settingsScreen struct {
	u         *UI
	root      fyne.CanvasObject
	fields    *fieldSet
	isDirty   bool
	loading   bool
	name      *widget.Entry
	org       *widget.Entry
	muni      *widget.Entry
	threshold *widget.Entry
	policy    *codeSelect
	retention *widget.Entry
	backups   *widget.Entry
	sizes     *widget.Label
	sizeYear  *widget.Entry
	sizeN     *widget.Entry
	sizeErr   *fieldSet
	editors   []*catalogEditor
	audit     []data.AuditEntry
	auditList *widget.List
}

func newSettingsScreen(u *UI) *settingsScreen {
	s := &settingsScreen{u: u, fields: newFieldSet(), sizeErr: newFieldSet()}
	touch := func(string) {
		if !s.loading {
			s.isDirty = true
		}
	}
	entry := func(field string) *widget.Entry {
		e := s.fields.entry(field, widget.NewEntry())
		e.OnChanged = touch
		return e
	}
	s.name, s.org, s.muni = entry("partnership"), entry("organisation"), entry("municipality")
	s.threshold, s.retention, s.backups = entry("balance_threshold"), entry("retention_months"), entry("backups_kept")
	s.policy = newCodeSelect("policy", []string{"exclude", "count"}, "", touch)
	saveBtn := widget.NewButton(i18n.T("ui.save"), u.saveAgain(s.save))
	saveBtn.Importance = widget.HighImportance
	partnership := container.NewVBox(widget.NewForm(
		widget.NewFormItem(i18n.T("field.partnership"), s.name),
		widget.NewFormItem(i18n.T("field.organisation"), s.org),
		widget.NewFormItem(i18n.T("field.municipality"), s.muni),
		widget.NewFormItem(i18n.T("field.balance_threshold")+" (%)", s.threshold),
		widget.NewFormItem(i18n.T("field.no_consent_policy"), container.NewVBox(s.policy, s.fields.note("no_consent_policy"))),
		widget.NewFormItem(i18n.T("field.retention_months"), s.retention),
		widget.NewFormItem(i18n.T("field.backups_kept"), s.backups),
		widget.NewFormItem(i18n.T("settings.language"), newLanguageSelect(u)),
	), s.fields.summary, container.NewHBox(saveBtn), widget.NewSeparator(), s.buildTargetSizes(), widget.NewSeparator(), s.buildDatabase())
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("settings.tab_partnership"), container.NewVScroll(partnership)),
		container.NewTabItem(i18n.T("settings.tab_categories"), s.categoryEditor().root),
		container.NewTabItem(i18n.T("settings.tab_roles"), s.roleEditor().root),
		container.NewTabItem(i18n.T("settings.tab_themes"), s.themeEditor().root),
		container.NewTabItem(i18n.T("settings.tab_audit"), s.buildAudit()),
	)
	s.root = tabs
	return s
}

func (s *settingsScreen) buildTargetSizes() fyne.CanvasObject {
	s.sizes = widget.NewLabel("")
	s.sizes.Wrapping = fyne.TextWrapWord
	s.sizeYear = s.sizeErr.entry("year", widget.NewEntry())
	s.sizeYear.SetText(strconv.Itoa(data.Today().Year))
	s.sizeN = s.sizeErr.entry("size", widget.NewEntry())
	setBtn := widget.NewButton(i18n.T("settings.set_size"), func() {
		year, err := intOf(s.sizeYear, "year")
		var n int
		if err == nil {
			n, err = intOf(s.sizeN, "size")
		}
		if err == nil {
			err = s.u.store.SetTargetSize(s.u.ctx, year, n)
		}
		s.sizeErr.show(err)
		s.showSizes()
	})
	intro := widget.NewLabel(i18n.T("settings.target_sizes_intro"))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewLabelWithStyle(i18n.T("settings.target_sizes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		intro, s.sizes, widget.NewForm(widget.NewFormItem(i18n.T("field.year"), s.sizeYear),
			widget.NewFormItem(i18n.T("field.size"), s.sizeN)), container.NewHBox(setBtn), s.sizeErr.summary)
}

func (s *settingsScreen) showSizes() {
	sizes, err := s.u.store.TargetSizes(s.u.ctx)
	if err != nil {
		s.u.showError(err)
		return
	}
	years := slices.Sorted(maps.Keys(sizes))
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = fmt.Sprintf("%d: %d", y, sizes[y])
	}
	if len(parts) == 0 {
		parts = []string{i18n.T("settings.no_sizes")}
	}
	s.sizes.SetText(strings.Join(parts, " · "))
}

func (s *settingsScreen) buildDatabase() fyne.CanvasObject {
	path := widget.NewLabel(shownAddress(s.u.store.Path()))
	path.Wrapping = fyne.TextWrapBreak
	backupBtn := widget.NewButton(i18n.T("settings.backup"), s.backup)
	restoreBtn := widget.NewButton(i18n.T("settings.restore"), s.u.restoreBackup)
	warn := widget.NewLabel(i18n.T("settings.db_warning"))
	if s.u.store.OnServer() {
		warn.SetText(i18n.T("settings.db_server"))
	}
	warn.Wrapping = fyne.TextWrapWord
	connectBtn := widget.NewButton(i18n.T("connect.title")+" …", func() {
		s.u.whenSettled(func() { showConnect(s.u, s.u.rebuild) }, nil)
	})
	return container.NewVBox(widget.NewLabelWithStyle(i18n.T("settings.database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		path, warn, container.NewHBox(backupBtn, restoreBtn, connectBtn))
}

// backup asks where to put a copy and writes a verified backup there.
func (s *settingsScreen) backup() {
	s.u.askSavePath(fmt.Sprintf("samspil-%s.db", data.Today()), ".db", func(target string) {
		bar := dialog.NewCustomWithoutButtons(i18n.T("settings.backup_running"), widget.NewProgressBarInfinite(), s.u.win)
		bar.Show()
		s.u.background(func() error { return s.u.store.Backup(s.u.ctx, target) }, func(err error) {
			bar.Hide()
			if err != nil {
				s.u.showError(err)
				return
			}
			dialog.ShowInformation(i18n.T("settings.backup"), i18n.Tf("settings.backup_done", map[string]any{"Path": target}), s.u.win)
		})
	})
}

// buildAudit lists the audit log: deletions, erasures, imports, exports.
func (s *settingsScreen) buildAudit() fyne.CanvasObject {
	s.auditList = textList(func() int { return len(s.audit) }, func(i int) string { return auditLine(s.audit[i]) }, nil)
	where := widget.NewLabel(i18n.Tf("settings.backups_where", map[string]any{"Path": s.u.backupsDir()}))
	where.Wrapping = fyne.TextWrapBreak
	return container.NewBorder(where, nil, nil, nil, s.auditList)
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.root }

// auditLine is one entry of the audit log as the list shows it: when, what,
// the ids, and on a shared register which login did it.
func auditLine(a data.AuditEntry) string {
	line := strings.Replace(a.At, "T", " ", 1) + "  " + i18n.T("audit."+a.Action) + "  " + a.Details
	if a.Login != "" {
		line += "  — " + a.Login
	}
	return line
}

func (s *settingsScreen) reload() {
	s.loading = true
	defer func() { s.loading = false }()
	st := s.u.settings()
	s.fields.clear()
	s.name.SetText(st.Partnership)
	s.org.SetText(st.Organisation)
	s.muni.SetText(st.Municipality)
	s.threshold.SetText(strconv.FormatFloat(st.BalanceThreshold*100, 'f', -1, 64))
	s.policy.SetCode(st.NoConsentPolicy)
	s.retention.SetText(strconv.Itoa(st.RetentionMonths))
	s.backups.SetText(strconv.Itoa(st.BackupsKept))
	s.isDirty = false
	s.showSizes()
	if log, err := s.u.store.AuditLog(s.u.ctx, 500); err == nil {
		s.audit = log
		s.auditList.Refresh()
	}
	for _, e := range s.editors {
		e.reload()
	}
}

func (s *settingsScreen) form() (data.Settings, error) {
	st := s.u.settings()
	st.Partnership, st.Organisation, st.Municipality = s.name.Text, s.org.Text, s.muni.Text
	var es data.Errors
	pct, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s.threshold.Text), ",", "."), 64)
	if err != nil {
		es = append(es, &data.Error{Code: "err.number", Field: "balance_threshold"})
	}
	st.BalanceThreshold = pct / 100
	st.NoConsentPolicy = s.policy.Code()
	if st.RetentionMonths, err = intOf(s.retention, "retention_months"); err != nil {
		es = append(es, err.(*data.Error))
	}
	if st.BackupsKept, err = intOf(s.backups, "backups_kept"); err != nil {
		es = append(es, err.(*data.Error))
	}
	if len(es) > 0 {
		return st, es
	}
	return st, nil
}

func (s *settingsScreen) dirty() bool { return s.isDirty }
func (s *settingsScreen) discard()    { s.reload() }

func (s *settingsScreen) save() error {
	st, err := s.form()
	if err == nil {
		err = s.u.store.SaveSettings(s.u.ctx, st)
	}
	s.fields.show(err)
	if err != nil {
		return err
	}
	s.isDirty = false
	s.u.updateTitle()
	return nil
}
