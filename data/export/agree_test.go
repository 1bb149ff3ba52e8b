package export

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"samspil/data"
)

// TestExportReadsOneMoment registers an occasion while an export is
// writing its first table: the export still shows the register as it was
// when it began (every table and count from one read), and the occasion is
// there afterwards.
func TestExportReadsOneMoment(t *testing.T) {
	s := demoStore(t, "kulturhus")
	ctx := context.Background()
	from, to := data.MustDate("2025-06-01"), data.MustDate("2026-05-31")
	occ, parts := periodCounts(t, s, from, to)
	activities, err := s.ResearchActivities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	roles, err := s.Roles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	people := researchPeople(t, s)
	// A day in the period on which the activity has no occasion yet.
	o := &data.Occasion{ActivityID: activities[0].ID}
	for day := from; ; day = day.AddDays(1) {
		if _, err := s.OccasionOn(ctx, o.ActivityID, day); errors.Is(err, data.ErrNotFound) {
			o.Date = day
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range people[:3] {
		o.Participants = append(o.Participants, data.Participation{PersonID: p.ID, RoleID: roles[0].ID})
	}
	var saved error = errors.New("the export reported no progress")
	progress := func(Progress) {
		if o.ID == 0 {
			saved = s.SaveOccasion(ctx, o)
		}
	}
	sum, err := Run(ctx, s, Options{Recipient: "VIVE", From: from, To: to, Identified: true},
		filepath.Join(t.TempDir(), "x.xlsx"), progress)
	if err != nil {
		t.Fatal(err)
	}
	if saved != nil {
		t.Fatalf("registering during the export: %v", saved)
	}
	if sum.RowCounts["occasions"] != occ || sum.RowCounts["participation"] != parts {
		t.Errorf("export counted %d occasions, %d participations; the register had %d, %d when it began",
			sum.RowCounts["occasions"], sum.RowCounts["participation"], occ, parts)
	}
	if occAfter, partsAfter := periodCounts(t, s, from, to); occAfter != occ+1 || partsAfter != parts+3 {
		t.Errorf("after the export: %d occasions, %d participations; want %d, %d", occAfter, partsAfter, occ+1, parts+3)
	}
}
