package app

import (
	"strings"
	"testing"

	"samspil/data"
)

// On a shared register the audit log says which login did each thing; a
// file's log has one user and names none.
func TestAuditLineNamesTheLogin(t *testing.T) {
	server := auditLine(data.AuditEntry{At: "2026-12-01T10:00:00Z", Action: "erase_person", Details: "person=4", Login: "anne"})
	if !strings.HasSuffix(server, "— anne") || !strings.HasPrefix(server, "2026-12-01 10:00:00Z") {
		t.Fatalf("server line %q", server)
	}
	if file := auditLine(data.AuditEntry{At: "2026-12-01T10:00:00Z", Action: "erase_person", Details: "person=4"}); strings.Contains(file, "—") {
		t.Fatalf("file line %q names a login", file)
	}
}
