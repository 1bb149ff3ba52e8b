package export

import (
	"context"
	"strings"

	"samspil/data"
)

// ScrubbedEntry is a logbook entry as a pseudonymised export writes it.
type ScrubbedEntry struct {
	ID   int64
	Date data.Date
	Text string // scrubbed unless the export is identified
}

// ScrubPreview is what the logbook of an export would contain: the
// scrubbed entries and how many replacements of each kind were made, for
// the coordinator to read before the file is written.
type ScrubPreview struct {
	Entries []ScrubbedEntry
	Counts  map[string]int
}

// PreviewLogbook scrubs the period's logbook as the export would, without
// writing anything.
func PreviewLogbook(ctx context.Context, s *data.Store, opt Options) (ScrubPreview, error) {
	if err := opt.Validate(); err != nil {
		return ScrubPreview{}, err
	}
	var p ScrubPreview
	err := s.Read(ctx, func(view *data.Store) error {
		src, err := loadSource(ctx, view, opt)
		if err != nil {
			return err
		}
		sc, err := src.scrubber(ctx)
		if err != nil {
			return err
		}
		err = src.eachLogEntry(ctx, func(full *data.LogEntry) error {
			p.Entries = append(p.Entries, ScrubbedEntry{full.ID, full.Date, src.scrubText(sc, full)})
			return nil
		})
		p.Counts = sc.Counts()
		return err
	})
	return p, err
}

// scrubber knows every registered person still named in the database (by
// their key in this export, or "[person]" when left out or unkeyed).
func (src *source) scrubber(ctx context.Context) (*Scrubber, error) {
	people := make([]ScrubPerson, 0, len(src.people))
	for _, p := range src.people {
		if p.anonymised {
			continue
		}
		people = append(people, ScrubPerson{ID: p.id, Name: p.name, Key: src.keyOf(p.id)})
	}
	return NewScrubber(people), nil
}

// scrubText is an entry's text as the export writes it.
func (src *source) scrubText(sc *Scrubber, e *data.LogEntry) string {
	if src.opt.Identified {
		return e.Text
	}
	return sc.Scrub(e.Text, e.PersonIDs...)
}

// eachLogEntry calls fn with each of the period's entries, oldest first.
func (src *source) eachLogEntry(ctx context.Context, fn func(*data.LogEntry) error) error {
	entries, err := src.s.LogEntries(ctx, data.LogFilter{From: src.from, To: src.to})
	if err != nil {
		return err
	}
	for i := len(entries) - 1; i >= 0; i-- {
		full, err := src.s.LogEntry(ctx, entries[i].ID)
		if err != nil {
			return err
		}
		if err := fn(full); err != nil {
			return err
		}
	}
	return nil
}

func (e *exporter) logbook(ctx context.Context) error {
	sc, err := e.src.scrubber(ctx)
	if err != nil {
		return err
	}
	_, err = e.writeTable(logbookTable, func(w *rowWriter) error {
		return e.src.eachLogEntry(ctx, func(full *data.LogEntry) error {
			var themes, keys []string
			for _, id := range full.ThemeIDs {
				themes = append(themes, e.src.themes[id].Code)
			}
			for _, id := range full.PersonIDs {
				if k := e.src.keyOf(id); k != "" {
					keys = append(keys, k)
				}
			}
			return w.write(full.ID, full.Date, orNil(full.ActivityID), orNil(full.OccasionID),
				strings.Join(themes, "|"), strings.Join(keys, "|"), e.src.scrubText(sc, full))
		})
	})
	e.scrubCounts = sc.Counts()
	return err
}
