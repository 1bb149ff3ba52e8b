package data

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// The reads and deletes the window uses that no other data test reaches,
// with their answers checked, so that each runs on both engines (SQL one
// engine takes and the other refuses shows up here, not on a screen).
func TestScreenReadsAndDeletesOnThisEngine(t *testing.T) {
	f := newFixture(t)
	s := f.s
	ctx := context.Background()
	o := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-02-02"),
		Participants: []Participation{{PersonID: f.mia.ID, RoleID: f.active}, {PersonID: f.jonas.ID, RoleID: f.host}}}
	must(t, s.SaveOccasion(ctx, o))
	later := &Occasion{ActivityID: f.cafe.ID, Date: MustDate("2026-02-09")}
	must(t, s.SaveOccasion(ctx, later))
	if got, err := s.LatestOccasion(ctx, f.cafe.ID); err != nil || got.ID != later.ID {
		t.Fatalf("latest occasion = %+v, %v", got, err)
	}
	byID, err := s.PeopleByID(ctx, []int64{f.mia.ID, f.karin.ID})
	if err != nil || len(byID) != 2 || byID[f.mia.ID].Name != "Mia" {
		t.Fatalf("people by id = %+v, %v", byID, err)
	}
	must(t, s.AddGroupPeriod(ctx, &GroupPeriod{PersonID: f.karin.ID, Group: GroupVolunteer, Start: MustDate("2026-02-01")}))
	groups, err := s.GroupsCounted(ctx, MustDate("2026-02-02"), []int64{f.karin.ID})
	if err != nil || groups[f.karin.ID] != GroupVolunteer {
		t.Fatalf("groups counted = %v, %v", groups, err)
	}
	p := &Path{PersonID: f.mia.ID, Date: MustDate("2026-03-01"), Kind: "job", Description: "køkkenet"}
	must(t, s.SavePath(ctx, p))
	if paths, err := s.Paths(ctx, f.mia.ID); err != nil || len(paths) != 1 || paths[0].Kind != "job" {
		t.Fatalf("paths = %+v, %v", paths, err)
	}
	must(t, s.DeletePath(ctx, p.ID))
	e := &LogEntry{Date: MustDate("2026-02-02"), Text: "godt", OccasionID: o.ID, PersonIDs: []int64{f.mia.ID}}
	must(t, s.SaveLogEntry(ctx, e))
	must(t, s.DeleteLogEntry(ctx, e.ID, e.Version))
	must(t, s.DeleteOccasion(ctx, later.ID, later.Version))
	if _, err := s.Occasion(ctx, later.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted occasion: %v", err)
	}
	if table, err := s.HoldsRegistrations(ctx); err != nil || table == "" {
		t.Fatalf("holds registrations = %q, %v", table, err)
	}
	timeline, err := s.Timeline(ctx, f.mia.ID)
	if err != nil || len(timeline) != 1 {
		t.Fatalf("timeline = %+v, %v", timeline, err)
	}
}

// On a server, a change made through one connection reaches another
// store's OnChange within a few seconds; a file never calls it.
func TestOthersChangesAreAnnouncedOnAServer(t *testing.T) {
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	var mu sync.Mutex
	seen := map[string]bool{}
	stop := b.OnChange(func(table string) {
		mu.Lock()
		seen[table] = true
		mu.Unlock()
	})
	defer stop()
	if b.OnServer() {
		deadline := time.Now().Add(5 * time.Second)
		for { // the listener is ready once it announced "*"
			mu.Lock()
			ready := seen["*"]
			mu.Unlock()
			if ready || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	must(t, a.SavePerson(context.Background(), &Person{Name: "Ny"}, nil))
	wait := 300 * time.Millisecond // a file: long enough for a wrong call to show
	if b.OnServer() {
		wait = 5 * time.Second
	}
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		mu.Lock()
		got := seen["people"]
		mu.Unlock()
		if got {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if b.OnServer() != seen["people"] {
		t.Fatalf("on server %v, announced %v", b.OnServer(), seen)
	}
}
