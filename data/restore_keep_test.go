package data

import (
	"context"
	"path/filepath"
	"testing"
)

// Finding 5: restoring this morning's backup re-applies the erasures made
// since, keeps the audit log and the export register of the file it
// replaces, and leaves no name of the erased in the restored file.
func TestRestoreReappliesErasuresAndKeepsTheRecord(t *testing.T) {
	ctx := context.Background()
	m := newMarianne(t)
	s := m.f.s
	if s.OnServer() {
		t.Skip("restoring a backup over the register is for files; a server register is filled with samspil copy")
	}
	path := s.Path()
	dir := filepath.Dir(path)
	backup := filepath.Join(dir, "morning.db")
	must(t, s.Backup(ctx, backup))
	must(t, s.EraseMany(ctx, []int64{m.id}))
	must(t, s.DeletePersonCompletely(ctx, m.f.karin.ID))
	must(t, s.RecordExport(ctx, &ExportRecord{Recipient: "VIVE", Pseudonymised: true, Format: "xlsx"}))
	before, err := s.AuditLog(ctx, 1000)
	must(t, err)
	must(t, s.Close())

	if _, err := RestoreFile(ctx, path, backup, filepath.Join(dir, "keep")); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path)
	must(t, err)
	defer r.Close()
	got, err := r.Person(ctx, m.id)
	must(t, err)
	if !got.Anonymised || got.Phone != "" {
		t.Errorf("the erased person came back: %+v", got)
	}
	if _, err := r.Person(ctx, m.f.karin.ID); err == nil {
		t.Error("the deleted person came back")
	}
	after, err := r.AuditLog(ctx, 1000)
	must(t, err)
	seen := map[string]bool{}
	for _, a := range after {
		seen[a.At+a.Action+a.Details] = true
	}
	for _, a := range before {
		if !seen[a.At+a.Action+a.Details] {
			t.Errorf("audit line lost by the restore: %+v", a)
		}
	}
	if ex, _ := r.Exports(ctx); len(ex) != 1 || ex[0].Recipient != "VIVE" {
		t.Errorf("export register after restore: %+v", ex)
	}
	var n int
	must(t, r.db.QueryRow(`SELECT count(*) FROM erasures`).Scan(&n))
	if n != 2 {
		t.Errorf("erasure register holds %d entries, want 2", n)
	}
	assertNotInFiles(t, path, m.parts)
}
