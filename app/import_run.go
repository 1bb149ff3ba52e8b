package app

import (
	"context"
	"path/filepath"
	"strings"

	"samspil/data/importer"

	"samspil/app/i18n"
)

// run imports after a confirmation that says what will be written and
// what is skipped. The buttons go as soon as the import starts, so a
// second click cannot import again; the screen then shows the result.
func (s *importScreen) run(validOnly bool) {
	if s.imported || (s.people == nil && s.tick == nil) {
		return
	}
	people, tick, path, opt := s.people, s.tick, s.path, s.attendanceOptions()
	skipped := len(importer.Skipped(people))
	var msg string
	switch {
	case tick != nil:
		msg = s.summary.Text
	default:
		n := 0
		for _, r := range people {
			if r.OK() && !r.Skip() {
				n++
			}
		}
		msg = i18n.Tf("import.confirm_people", map[string]any{"Count": n})
		if skipped > 0 {
			msg += "\n" + i18n.Tf("import.confirm_skipped", map[string]any{"Count": skipped})
		}
	}
	s.u.confirm(i18n.T("import.confirm_title"), msg, func() {
		s.imported = true // no second import of this preview, even while this one runs
		s.seq++           // nor a preview arriving late
		s.update()
		var n int
		var report string
		var reportErr error                                                         // the import stands even when its error report could not be written
		store, dir, kept := s.u.store, s.u.backupsDir(), s.u.settings().BackupsKept // read here: the job must not touch the UI
		s.u.longJob(i18n.T("nav.import"), i18n.T("import.running"), func(ctx context.Context, _ progressFunc) error {
			if _, err := store.BackupBefore(ctx, dir, "import", kept); err != nil {
				return err
			}
			var err error
			if tick != nil {
				n, err = importer.ImportAttendance(ctx, store, tick, opt)
			} else {
				n, err = importer.ImportPeople(ctx, store, people, validOnly)
			}
			if err != nil || !validOnly {
				return err
			}
			report = strings.TrimSuffix(path, filepath.Ext(path)) + "-fejl.csv"
			if reportErr = importer.WriteReport(report, people, i18n.Language()); reportErr != nil {
				report = ""
			}
			return nil
		}, func(err error) {
			if err != nil {
				s.imported = false // nothing was written: the coordinator may try again
				s.u.showError(err)
				s.preview()
				return
			}
			s.showResult(n, skipped, tick, opt.CreateUnknown, report)
			s.u.showError(reportErr)
		})
	})
}

// showResult puts what the import did where the preview was.
func (s *importScreen) showResult(n, skipped int, tick *importer.Attendance, created bool, report string) {
	var lines []string
	if tick != nil {
		lines = append(lines, i18n.Tf("import.done_attendance", map[string]any{"Count": n, "Activity": tick.Activity}))
		if created && len(tick.Unknown) > 0 {
			lines = append(lines, i18n.Tf("import.done_new_people", map[string]any{"Count": len(tick.Unknown)}))
		}
	} else {
		lines = append(lines, i18n.Tf("import.done_people", map[string]any{"Count": n}))
		if skipped > 0 {
			lines = append(lines, i18n.Tf("import.done_skipped", map[string]any{"Count": skipped}))
		}
	}
	if report != "" {
		lines = append(lines, i18n.Tf("import.report", map[string]any{"Path": report}))
	}
	s.summary.SetText(strings.Join(lines, "\n"))
	s.rows = nil // the look-alikes' lines stay, without their checks
	s.update()
}
