package data

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"samspil/data/pgtest"
)

// sharedRegister opens n stores on one register, as n coordinators'
// windows would: n connections to one server database, or n handles on one
// file when the tests run on SQLite.
func sharedRegister(t *testing.T, n int) []*Store {
	t.Helper()
	target := pgtest.Target(t, filepath.Join(t.TempDir(), "shared.db"))
	stores := make([]*Store, n)
	for i := range stores {
		s, err := Open(target)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	return stores
}

// Two coordinators edit the same person: the second save is refused with a
// message saying who changed it and when, what the second typed is still
// in their form, and nothing the first saved is overwritten.
func TestTwoCoordinatorsEditingOnePersonNeverOverwriteEachOther(t *testing.T) {
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	must(t, a.SavePerson(ctx, &Person{Name: "Rasmus Holm"}, &GroupPeriod{Group: GroupVolunteer, Start: MustDate("2026-09-01")}))
	inA, err := a.Person(ctx, 1)
	must(t, err)
	inB, err := b.Person(ctx, 1)
	must(t, err)

	inA.Phone = "20 30 40 50"
	must(t, a.SavePerson(ctx, inA, nil))
	inB.Notes = "vil gerne være vært om torsdagen"
	err = b.SavePerson(ctx, inB, nil)
	if !errors.Is(err, ErrStale) {
		t.Fatalf("second save = %v, want refused as stale", err)
	}
	msg := Message(err, "en")
	if b.OnServer() && !strings.Contains(msg, currentLogin(t, b)) {
		t.Errorf("the refusal does not say who changed it: %q", msg)
	}
	if !strings.Contains(msg, time.Now().Format("02-01-2006")) && b.OnServer() {
		t.Errorf("the refusal does not say when: %q", msg)
	}
	if inB.Notes != "vil gerne være vært om torsdagen" {
		t.Fatal("the refused form lost what was typed")
	}
	stored, err := b.Person(ctx, 1)
	must(t, err)
	if stored.Phone != "20 30 40 50" || stored.Notes != "" {
		t.Fatalf("stored phone %q notes %q: the first save was overwritten or the second half-written", stored.Phone, stored.Notes)
	}
	stored.Notes = inB.Notes // reload, type again, save
	must(t, b.SavePerson(ctx, stored, nil))
}

func currentLogin(t *testing.T, s *Store) string {
	var login string
	must(t, s.db.QueryRow(`SELECT current_user`).Scan(&login))
	return login
}

// Eight coordinators record occasions at once for ten seconds, all of them
// the same activities at the same dates and times. A save that finds the occasion
// taken merges into it (as the window does after asking); a save refused
// as stale loads again and retries. Afterwards every acknowledged
// participation is there, and no activity has two occasions at one date
// and time.
func TestEightCoordinatorsRecordingAtOnceLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ctx := context.Background()
	const coordinators = 8
	st := sharedRegister(t, coordinators)
	var activities []int64
	for _, name := range []string{"Café", "Strikkeklub"} {
		a := &Activity{Name: name, Kind: "recurring", Status: "active"}
		must(t, st[0].SaveActivity(ctx, a))
		activities = append(activities, a.ID)
	}
	people := make([][]int64, coordinators) // each coordinator registers their own people
	for c := range people {
		for i := 0; i < 6; i++ {
			p := &Person{Name: fmt.Sprintf("Deltager %d-%d", c, i)}
			must(t, st[0].SavePerson(ctx, p, nil))
			people[c] = append(people[c], p.ID)
		}
	}
	type key struct {
		activity int64
		day      Date
		start    string
	}
	var mu sync.Mutex
	acked := map[key]map[int64]bool{}
	var retries, taken int
	deadline := time.Now().Add(10 * time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, coordinators)
	for c := 0; c < coordinators; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			s := st[c]
			for n := 0; time.Now().Before(deadline); n++ {
				// Every coordinator walks the same occasions in the same
				// order, ticking each of their people once: they meet at
				// every occasion, and a lost tick is never ticked again.
				at := n / len(people[c])
				k := key{activities[at%2], MustDate("2026-01-01").AddDays(at / 4), []string{"10:00", "14:00"}[(at/2)%2]}
				person := people[c][n%len(people[c])]
				tries, wasTaken, err := recordTick(ctx, s, k.activity, k.day, k.start, person)
				if err != nil {
					errs <- fmt.Errorf("coordinator %d: %w", c, err)
					return
				}
				mu.Lock()
				if acked[k] == nil {
					acked[k] = map[int64]bool{}
				}
				acked[k][person] = true
				retries += tries
				if wasTaken {
					taken++
				}
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	total := 0
	for k, persons := range acked {
		var n int
		must(t, st[0].db.QueryRow(`SELECT count(*) FROM occasions WHERE activity_id = ? AND date = ? AND start_time = ?`,
			k.activity, k.day, k.start).Scan(&n))
		if n != 1 {
			t.Fatalf("%v has %d occasions, want 1", k, n)
		}
		o, err := st[0].OccasionAt(ctx, k.activity, k.day, k.start)
		must(t, err)
		have := map[int64]bool{}
		for _, p := range o.Participants {
			have[p.PersonID] = true
		}
		for p := range persons {
			if !have[p] {
				t.Fatalf("person %d was acknowledged at %v but is not there", p, k)
			}
			total++
		}
	}
	if taken+retries == 0 {
		t.Fatalf("%d taken occasions and %d stale retries: the coordinators never met, the test proves nothing", taken, retries)
	}
	t.Logf("%d acknowledged participations in %d occasions; %d new occasions found taken by another and merged, %d saves retried after a stale refusal",
		total, len(acked), taken, retries)
}

// recordTick ticks the person at the activity's occasion on day at start,
// making the occasion or merging into the one another coordinator made. It
// reports how many stale refusals it retried and whether a new occasion it
// tried to make was taken.
func recordTick(ctx context.Context, s *Store, activity int64, day Date, start string, person int64) (retries int, taken bool, err error) {
	for tries := 0; tries < 200; tries++ {
		o, err := s.OccasionAt(ctx, activity, day, start)
		switch {
		case errors.Is(err, ErrNotFound):
			o = &Occasion{ActivityID: activity, Date: day, StartTime: start}
		case err != nil:
			return retries, taken, err
		}
		has := false
		for _, p := range o.Participants {
			has = has || p.PersonID == person
		}
		if !has {
			o.Participants = append(o.Participants, Participation{PersonID: person, RoleID: 3})
		}
		err = s.SaveOccasion(ctx, o)
		switch {
		case err == nil:
			return retries, taken, nil
		case errors.Is(err, ErrOccasionTaken):
			taken = true
		case errors.Is(err, ErrStale):
			retries++
		default:
			return retries, taken, err
		}
	}
	return retries, taken, errors.New("no save got through in 200 tries")
}

// Two coordinators record the same activity at the same date and start
// time, each from an empty form: the second save is refused as taken (the
// window then merges or asks), and the first one's ticks stand. Another
// start time that day is another occasion.
func TestTheSameOccasionRecordedTwiceIsOneOccasion(t *testing.T) {
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	cafe := &Activity{Name: "Café", Kind: "recurring", Status: "active"}
	must(t, a.SaveActivity(ctx, cafe))
	ann, bo := &Person{Name: "Ann"}, &Person{Name: "Bo"}
	must(t, a.SavePerson(ctx, ann, nil))
	must(t, a.SavePerson(ctx, bo, nil))
	day := MustDate("2026-11-26")
	must(t, a.SaveOccasion(ctx, &Occasion{ActivityID: cafe.ID, Date: day, StartTime: "17:00",
		Participants: []Participation{{PersonID: ann.ID, RoleID: 2}}}))
	second := &Occasion{ActivityID: cafe.ID, Date: day, StartTime: "17:00",
		Participants: []Participation{{PersonID: bo.ID, RoleID: 3}}}
	err := b.SaveOccasion(ctx, second)
	if !errors.Is(err, ErrOccasionTaken) {
		t.Fatalf("second recording = %v, want ErrOccasionTaken", err)
	}
	if second.ID != 0 || len(second.Participants) != 1 {
		t.Fatalf("the refused form changed: %+v", second)
	}
	o, err := b.OccasionAt(ctx, cafe.ID, day, "17:00")
	must(t, err)
	if len(o.Participants) != 1 || o.Participants[0].PersonID != ann.ID {
		t.Fatalf("the first recording's ticks: %+v", o.Participants)
	}
	second.StartTime = "19:00"
	must(t, b.SaveOccasion(ctx, second))
}

// An erasure scrubs the name from a logbook entry while another coordinator
// is saving that entry: their committed text is scrubbed, not overwritten
// with the older text (found in review: on a server the erasure waited for
// their commit, then wrote its scrubbed copy of the old text over it).
func TestAnErasureNeverOverwritesAnotherCoordinatorsEdit(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("PostgreSQL only (SQLite serialises writers)")
	}
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	anna := &Person{Name: "Anna Kjærsgaard"}
	must(t, a.SavePerson(ctx, anna, &GroupPeriod{Group: GroupVolunteer, Start: MustDate("2025-01-01")}))
	e := &LogEntry{Date: MustDate("2025-02-01"), Text: "Anna Kjærsgaard kom i dag.", PersonIDs: []int64{anna.ID}}
	must(t, a.SaveLogEntry(ctx, e))

	commit := holdOpen(b, func(t *Tx) error {
		cur, err := b.LogEntry(ctx, e.ID)
		if err != nil {
			return err
		}
		cur.Text = "Anna Kjærsgaard kom i dag. Husk: ring til kommunen tirsdag om bostøtte."
		cur.PersonIDs = nil // the coordinator also unlinks her
		return t.SaveLogEntry(cur)
	})
	erased := make(chan error, 1)
	go func() { erased <- a.ErasePerson(ctx, anna.ID) }()
	time.Sleep(700 * time.Millisecond) // the erasure reads the old text and waits for the row
	must(t, commit())
	must(t, <-erased)
	got, err := a.LogEntry(ctx, e.ID)
	must(t, err)
	t.Logf("stored text after both committed: %q", got.Text)
	if !strings.Contains(got.Text, "ring til kommunen") {
		t.Fatalf("the coordinator's committed edit was overwritten by the erasure's scrub: %q", got.Text)
	}
}

// Two coordinators add a group period for one person at the same moment:
// the second waits for the first and then closes its open period, so the
// person is never in two groups on one day
// (found in review: each overlap check missed the other's uncommitted
// period on a server).
func TestTwoCoordinatorsCannotPutAPersonInTwoGroupsAtOnce(t *testing.T) {
	if !pgtest.Enabled() {
		t.Skip("PostgreSQL only (SQLite serialises writers)")
	}
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	p := &Person{Name: "Bo Lind"}
	must(t, a.SavePerson(ctx, p, &GroupPeriod{Group: GroupTarget, Start: MustDate("2024-01-01"), End: MustDate("2024-12-31"), CategoryIDs: []int64{1}}))

	commit := holdOpen(a, func(t *Tx) error {
		return t.AddGroupPeriod(&GroupPeriod{PersonID: p.ID, Group: GroupVolunteer, Start: MustDate("2025-01-01")})
	})
	doneB := make(chan error, 1)
	go func() {
		doneB <- b.AddGroupPeriod(ctx, &GroupPeriod{PersonID: p.ID, Group: GroupOrgStaff, Start: MustDate("2025-03-01")})
	}()
	time.Sleep(300 * time.Millisecond) // B checks while A's period is not yet committed
	errA, errB := commit(), <-doneB
	t.Logf("A: %v, B: %v", errA, errB)
	ps, err := a.GroupPeriods(ctx, p.ID)
	must(t, err)
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			x, y := ps[i], ps[j]
			xe, ye := x.End, y.End
			if xe.IsZero() {
				xe = MustDate("2200-12-31")
			}
			if ye.IsZero() {
				ye = MustDate("2200-12-31")
			}
			if !x.Start.After(ye) && !y.Start.After(xe) {
				t.Fatalf("overlapping periods stored: %s %v–%v and %s %v–%v", x.Group, x.Start, x.End, y.Group, y.Start, y.End)
			}
		}
	}
}

// A coordinator deletes a logbook entry or an occasion that another has
// changed since it was shown: nothing is deleted, and the refusal says who
// changed it (found in review: deletes carried no version, so the other's
// just-saved words or ticks went with the row unseen).
func TestADeleteNeverTakesAnotherCoordinatorsChangeWithIt(t *testing.T) {
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	cafe := &Activity{Name: "Café", Kind: "recurring", Status: "active"}
	must(t, a.SaveActivity(ctx, cafe))
	e := &LogEntry{Date: MustDate("2026-11-02"), Text: "stille aften"}
	must(t, a.SaveLogEntry(ctx, e))
	o := &Occasion{ActivityID: cafe.ID, Date: MustDate("2026-11-02")}
	must(t, a.SaveOccasion(ctx, o))
	shownE, shownO := *e, *o // what b's window shows

	e.Text = "stille aften — Karim spurgte efter praktik"
	must(t, a.SaveLogEntry(ctx, e))
	o.AnonymousGuests = 4
	must(t, a.SaveOccasion(ctx, o))

	if err := b.DeleteLogEntry(ctx, shownE.ID, shownE.Version); !errors.Is(err, ErrStale) {
		t.Fatalf("deleting a changed entry = %v, want refused as stale", err)
	}
	if err := b.DeleteOccasion(ctx, shownO.ID, shownO.Version); !errors.Is(err, ErrStale) {
		t.Fatalf("deleting a changed occasion = %v, want refused as stale", err)
	}
	if got, err := b.LogEntry(ctx, e.ID); err != nil || got.Text != e.Text {
		t.Fatalf("entry after the refused delete: %+v, %v", got, err)
	}
	must(t, b.DeleteLogEntry(ctx, e.ID, e.Version)) // after reloading, it goes
	must(t, b.DeleteOccasion(ctx, o.ID, o.Version))
}

// The form that made a record keeps it checked: a person saved as new and
// then changed by another coordinator is not overwritten by the first
// form's next save (its version was left at 0, "not checked", after an
// insert).
func TestANewRecordsNextSaveIsChecked(t *testing.T) {
	ctx := context.Background()
	st := sharedRegister(t, 2)
	a, b := st[0], st[1]
	p := &Person{Name: "Sofie Lund"}
	must(t, a.SavePerson(ctx, p, nil))
	other, err := b.Person(ctx, p.ID)
	must(t, err)
	other.Phone = "30 30 30 30"
	must(t, b.SavePerson(ctx, other, nil))
	p.Notes = "kom med sin søster"
	if err := a.SavePerson(ctx, p, nil); !errors.Is(err, ErrStale) {
		t.Fatalf("the making form's second save = %v, want refused as stale", err)
	}
}

// Two windows on one register make the same day's backup into one folder
// at the same moment: both succeed and the backup is sound (found in a
// walk: they shared one temporary name, and one failed with a raw rename
// error).
func TestTwoWindowsBackingUpAtOnce(t *testing.T) {
	ctx := context.Background()
	st := sharedRegister(t, 2)
	must(t, st[0].SavePerson(ctx, &Person{Name: "Ida"}, nil))
	target := filepath.Join(t.TempDir(), "samspil-2026-12-01.db")
	errs := make(chan error, 2)
	for _, s := range st {
		go func() { errs <- s.Backup(ctx, target) }()
	}
	for range st {
		must(t, <-errs)
	}
	must(t, VerifyBackup(ctx, target))
}

// holdOpen runs write in a transaction of s that stays open, uncommitted,
// until the returned commit is called, as a coordinator's save in the
// middle of its work; commit ends it and returns its error.
func holdOpen(s *Store, write func(*Tx) error) (commit func() error) {
	held, release, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		done <- s.Update(context.Background(), func(t *Tx) error {
			err := write(t)
			close(held)
			if err != nil {
				return err
			}
			<-release
			return nil
		})
	}()
	<-held
	return func() error {
		close(release)
		return <-done
	}
}
