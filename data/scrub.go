package data

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErasedMark replaces an erased person's name in free text.
const ErasedMark = "[…]"

// freeTexts are the free-text columns a name can be written into. The
// person's own notes are emptied by the erasure itself.
var freeTexts = []struct{ table, column, linked string }{
	{"logbook", "text", "id IN (SELECT entry_id FROM logbook_people WHERE person_id = ?)"},
	{"people", "notes", "false"},
	{"occasions", "notes", "id IN (SELECT occasion_id FROM participations WHERE person_id = ?)"},
	{"activities", "description", "initiator_id = ?"},
	{"paths", "description", "person_id = ?"},
	{"consents", "method", "person_id = ?"},
}

// scrubName replaces the person's name in every free text with ErasedMark,
// inside tx. The full name and every part that no one else still carries
// go everywhere; a part another person shares (a common first name) goes
// from the texts tied to this person (their logbook entries, occasions,
// activities they started), so another Anna's notes keep her name. Each
// changed record's version is raised, so an open form cannot write the
// name back.
func scrubName(ctx context.Context, tx *sql.Tx, personID int64, name string) error {
	own, shared, err := nameParts(ctx, tx, personID, name)
	if err != nil {
		return err
	}
	for _, ft := range freeTexts {
		if err := scrubColumn(ctx, tx, ft.table, ft.column, "true", nil, own); err != nil {
			return err
		}
		if shared != nil && ft.linked != "false" {
			if err := scrubColumn(ctx, tx, ft.table, ft.column, ft.linked, []any{personID}, shared); err != nil {
				return err
			}
		}
	}
	return nil
}

// nameParts splits a name into the parts only this person has (with the
// full name) and those another, not erased, person's name also has.
func nameParts(ctx context.Context, tx *sql.Tx, personID int64, name string) (own, shared *regexp.Regexp, err error) {
	var ownParts, sharedParts []string
	if full := strings.Join(strings.Fields(name), " "); strings.Contains(full, " ") {
		ownParts = append(ownParts, full)
	}
	for _, part := range strings.Fields(name) {
		part = strings.Trim(part, ".,;:()\"'")
		if utf8.RuneCountInString(part) < 2 {
			continue
		}
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id != ? AND anonymised = 0
			AND (' ' || search_key || ' ') LIKE ? ESCAPE '\'`, personID, "% "+escapeLike(FoldName(part))+" %").Scan(&n)
		if err != nil {
			return nil, nil, err
		}
		if n > 0 {
			sharedParts = append(sharedParts, part)
		} else {
			ownParts = append(ownParts, part)
		}
	}
	return namePattern(ownParts), namePattern(sharedParts), nil
}

// namePattern matches any of the parts, longest first, ignoring case.
func namePattern(parts []string) *regexp.Regexp {
	if len(parts) == 0 {
		return nil
	}
	sort.Slice(parts, func(i, j int) bool { return len(parts[i]) > len(parts[j]) })
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?i)(?:` + strings.Join(quoted, "|") + `)(?:'s|s)?`)
}

// scrubColumn rewrites the column of the rows matching where (with args)
// whose text holds a match of re as a whole word.
func scrubColumn(ctx context.Context, tx *sql.Tx, table, column, where string, args []any, re *regexp.Regexp) error {
	if re == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, "+column+" FROM "+table+" WHERE "+column+" != '' AND "+where, args...)
	type change struct {
		id   int64
		text string
	}
	changes, err := collect(rows, err, func(r *sql.Rows) (change, error) {
		var c change
		err := r.Scan(&c.id, &c.text)
		return c, err
	})
	if err != nil {
		return err
	}
	bump := ""
	if versioned[table] {
		bump = ", version = version + 1"
	}
	for _, c := range changes {
		if err := scrubRow(ctx, tx, table, column, bump, c.id, c.text, re); err != nil {
			return err
		}
	}
	return nil
}

// scrubRow writes the scrubbed text of one row, but only over the text it
// was made from: when another coordinator saved the row meanwhile (on a
// server the UPDATE waits for their commit and then finds other text), the
// row is read again and their text scrubbed instead of overwritten.
func scrubRow(ctx context.Context, tx *sql.Tx, table, column, bump string, id int64, text string, re *regexp.Regexp) error {
	for tries := 0; tries < 10; tries++ {
		scrubbed := replaceWords(text, re)
		if scrubbed == text {
			return nil
		}
		res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET "+column+" = ?"+bump+" WHERE id = ? AND "+column+" = ?", scrubbed, id, text)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		err = tx.QueryRowContext(ctx, "SELECT "+column+" FROM "+table+" WHERE id = ?", id).Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // deleted meanwhile: nothing left to scrub
		}
		if err != nil {
			return err
		}
	}
	return ErrStale
}

// versioned are the tables whose rows carry a version.
var versioned = map[string]bool{"people": true, "activities": true, "occasions": true, "logbook": true, "group_periods": true}

// replaceWords replaces the matches of re that stand as whole words (no
// letter or digit on either side) with ErasedMark.
func replaceWords(text string, re *regexp.Regexp) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		if isWordRune(before) || isWordRune(after) {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(ErasedMark)
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
