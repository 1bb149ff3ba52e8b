package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestRestoreFileVerifiesKeepsAndSwaps(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.SavePerson(ctx, &Person{Name: "Før Backup"}, nil))
	backup := filepath.Join(dir, "b.db")
	must(t, s.Backup(ctx, backup))
	must(t, s.SavePerson(ctx, &Person{Name: "Efter Backup"}, nil))
	s.Close()

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o644)
	if _, err := RestoreFile(ctx, path, junk, filepath.Join(dir, "keep")); err == nil {
		t.Fatal("restored from junk")
	}
	kept, err := RestoreFile(ctx, path, backup, filepath.Join(dir, "keep"))
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.SearchPeople(ctx, PersonFilter{})
	s.Close()
	if len(rows) != 1 || rows[0].Name != "Før Backup" {
		t.Fatalf("after restore: %+v", rows)
	}
	k, err := Open(kept)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if rows, _ := k.SearchPeople(ctx, PersonFilter{}); len(rows) != 2 {
		t.Fatalf("the kept copy has %d people", len(rows))
	}
}
