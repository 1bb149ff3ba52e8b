package data_test

import (
	"context"
	"sync/atomic"
	"testing"

	"samspil/data"
	"samspil/data/demo/demotest"
)

func TestMain(m *testing.M) { demotest.Main(m) }

// BenchmarkOpen opens the database and checks its schema.
func BenchmarkOpen(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		for b.Loop() {
			t, err := data.Open(s.Path())
			if err != nil {
				b.Fatal(err)
			}
			t.Close()
		}
	})
}

// BenchmarkPeopleList loads the whole people list.
func BenchmarkPeopleList(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		for b.Loop() {
			if _, err := s.SearchPeople(context.Background(), data.PersonFilter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkPeopleSearch is one keystroke of the people list's search: the
// query grows a letter at a time. (The registration screen's search is
// app's BenchmarkSearchKeystroke.)
func BenchmarkPeopleSearch(b *testing.B) {
	queries := []string{"a", "an", "ann", "anna", "anna h", "anna ha", "s", "so", "sor", "søren"}
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		i := 0
		for b.Loop() {
			if _, err := s.SearchPeople(context.Background(), data.PersonFilter{Query: queries[i%len(queries)]}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkTimeline loads the full timeline of the person who took part
// most. Budget: 50 ms.
func BenchmarkTimeline(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		id := mostActivePerson(b, s)
		b.ResetTimer()
		for b.Loop() {
			if _, err := s.Timeline(context.Background(), id); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSaveOccasion30 records an occasion with 30 participants in one
// transaction. Budget: 20 ms.
func BenchmarkSaveOccasion30(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		ctx := context.Background()
		people, err := s.SearchPeople(ctx, data.PersonFilter{})
		if err != nil || len(people) < 30 {
			b.Fatalf("%d people, %v", len(people), err)
		}
		var ps []data.Participation
		for _, p := range people[:30] {
			ps = append(ps, data.Participation{PersonID: p.ID, RoleID: 3})
		}
		day := data.MustDate("2030-01-01")
		b.ResetTimer()
		for b.Loop() {
			// a day of its own each time, however often the benchmark runs on this data set
			o := &data.Occasion{ActivityID: 1, Date: day.AddDays(int(savedDays.Add(1))), Participants: ps}
			if err := s.SaveOccasion(ctx, o); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRegulars loads the regulars of the busiest activity, as the
// registration screen does when it opens an occasion.
func BenchmarkRegulars(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		id := busiestActivity(b, s)
		b.ResetTimer()
		for b.Loop() {
			if _, err := s.Regulars(context.Background(), id, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// savedDays numbers the days BenchmarkSaveOccasion30 records on.
var savedDays atomic.Int64

// mostActivePerson is the person with the most participations.
func mostActivePerson(b *testing.B, s *data.Store) int64 {
	counts, err := s.ParticipationCounts(context.Background(), data.Date{}, data.Date{})
	if err != nil {
		b.Fatal(err)
	}
	var id int64
	for p, n := range counts {
		if n > counts[id] || (n == counts[id] && p < id) {
			id = p
		}
	}
	return id
}

// busiestActivity is the activity with the most occasions.
func busiestActivity(b *testing.B, s *data.Store) int64 {
	acts, err := s.Activities(context.Background(), "")
	if err != nil {
		b.Fatal(err)
	}
	var id int64
	most := -1
	for _, a := range acts {
		if a.Occasions > most {
			id, most = a.ID, a.Occasions
		}
	}
	return id
}
