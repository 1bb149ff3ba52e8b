package data_test

import (
	"context"
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
		var id int64
		s.DB().QueryRow(`SELECT person_id FROM participations GROUP BY person_id ORDER BY count(*) DESC LIMIT 1`).Scan(&id)
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
		var ps []data.Participation
		rows, _ := s.DB().Query(`SELECT id FROM people ORDER BY id LIMIT 30`)
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ps = append(ps, data.Participation{PersonID: id, RoleID: 3})
		}
		rows.Close()
		day := data.MustDate("2030-01-01")
		b.ResetTimer()
		i := 0
		for b.Loop() {
			o := &data.Occasion{ActivityID: 1, Date: day.AddDays(i), Participants: ps}
			if err := s.SaveOccasion(ctx, o); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkRegulars loads the regulars of the busiest activity, as the
// registration screen does when it opens an occasion.
func BenchmarkRegulars(b *testing.B) {
	demotest.EachScale(b, func(b *testing.B, s *data.Store) {
		var id int64
		s.DB().QueryRow(`SELECT o.activity_id FROM occasions o JOIN participations pa ON pa.occasion_id = o.id
			GROUP BY o.activity_id ORDER BY count(*) DESC LIMIT 1`).Scan(&id)
		b.ResetTimer()
		for b.Loop() {
			if _, err := s.Regulars(context.Background(), id, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
