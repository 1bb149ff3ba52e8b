package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Person is someone who takes part: a vulnerable or resourceful citizen, a
// volunteer, or staff. Only Name is required.
type Person struct {
	ID           int64
	Name         string
	BirthYear    int    // 0 when not given
	Gender       string // "" or one of Genders
	Phone        string
	Email        string
	FirstContact Date
	EntryChannel string // one of EntryChannels
	InvitedBy    int64  // the person who brought them in, or 0
	Notes        string
	Anonymised   bool
	CreatedAt    string
	Version      int64 // as loaded; a save with an older one is refused (ErrStale)
}

// Validate checks every field and returns Errors naming each bad one.
func (p *Person) Validate() error {
	var es Errors
	es.checkName("name", p.Name)
	es.checkBirthYear("birth_year", p.BirthYear)
	if p.Gender != "" {
		es.checkCode("gender", p.Gender, Genders)
	}
	if p.Phone != "" {
		if _, ok := NormalizePhone(p.Phone); !ok {
			es.add("phone", "err.phone", nil)
		}
	}
	if p.Email != "" && !ValidEmail(p.Email) {
		es.add("email", "err.email", nil)
	}
	es.checkPastDate("first_contact", p.FirstContact)
	es.checkCode("entry_channel", p.EntryChannel, EntryChannels)
	if p.InvitedBy != 0 && p.InvitedBy == p.ID {
		es.add("invited_by", "err.invited_self", nil)
	}
	es.checkText("notes", p.Notes)
	return es.err()
}

// normalize trims what a person typed around the values.
func (p *Person) normalize() {
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Phone = strings.TrimSpace(p.Phone)
	p.Email = strings.TrimSpace(p.Email)
	if p.EntryChannel == "" {
		p.EntryChannel = "other"
	}
}

// SavePerson inserts p (when p.ID is 0) or updates it. When first is not
// nil it is added as the person's first group period in the same
// transaction, so a new person never exists without their group.
func (s *Store) SavePerson(ctx context.Context, p *Person, first *GroupPeriod) error {
	return s.Update(ctx, func(t *Tx) error { return t.SavePerson(p, first) })
}

func savePerson(ctx context.Context, tx *sql.Tx, p *Person) error {
	if p.InvitedBy != 0 {
		if err := mustExist(ctx, tx, "people", p.InvitedBy, "invited_by"); err != nil {
			return err
		}
	}
	stamp := now()
	args := []any{p.Name, searchKey(p), nullInt(p.BirthYear), p.Gender, p.Phone, p.Email,
		p.FirstContact, p.EntryChannel, nullID(p.InvitedBy), p.Notes, stamp}
	if p.ID == 0 {
		var err error
		p.ID, err = insertID(ctx, tx, `INSERT INTO people (name, search_key, birth_year, gender, phone, email,
			first_contact, entry_channel, invited_by, notes, updated_at, created_at, changed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, stamp, stamp)...)
		p.CreatedAt = stamp
		p.Version = 1
		return err
	}
	var oldFirst Date
	var erased bool
	if err := tx.QueryRowContext(ctx, `SELECT first_contact, anonymised FROM people WHERE id = ?`, p.ID).Scan(&oldFirst, &erased); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if erased {
		return ErrErased // never write personal data back into an erased person
	}
	if err := followFirstContact(ctx, tx, p.ID, oldFirst, p.FirstContact); err != nil {
		return err
	}
	return updateVersioned(ctx, tx, "people", `name = ?, search_key = ?, birth_year = ?, gender = ?,
		phone = ?, email = ?, first_contact = ?, entry_channel = ?, invited_by = ?, notes = ?, updated_at = ?`,
		args, p.ID, &p.Version, func() []string { return personChanges(ctx, tx, p) })
}

// personChanges names the fields whose stored value differs from p's.
func personChanges(ctx context.Context, tx *sql.Tx, p *Person) []string {
	var cur Person
	var birth, invited sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT name, birth_year, gender, phone, email, first_contact, entry_channel,
		invited_by, notes FROM people WHERE id = ?`, p.ID).Scan(&cur.Name, &birth, &cur.Gender, &cur.Phone,
		&cur.Email, &cur.FirstContact, &cur.EntryChannel, &invited, &cur.Notes)
	if err != nil {
		return nil
	}
	cur.BirthYear, cur.InvitedBy = int(birth.Int64), invited.Int64
	var out []string
	for _, f := range []struct {
		field string
		same  bool
	}{{"name", cur.Name == p.Name}, {"birth_year", cur.BirthYear == p.BirthYear}, {"gender", cur.Gender == p.Gender},
		{"phone", cur.Phone == p.Phone}, {"email", cur.Email == p.Email}, {"first_contact", cur.FirstContact == p.FirstContact},
		{"entry_channel", cur.EntryChannel == p.EntryChannel}, {"invited_by", cur.InvitedBy == p.InvitedBy}, {"notes", cur.Notes == p.Notes}} {
		if !f.same {
			out = append(out, f.field)
		}
	}
	return out
}

// Person returns the person with the id, or ErrNotFound.
func (s *Store) Person(ctx context.Context, id int64) (*Person, error) {
	p := &Person{}
	var birth sql.NullInt64
	var invited sql.NullInt64
	err := s.q.QueryRowContext(ctx, `SELECT id, name, birth_year, gender, phone, email, first_contact,
		entry_channel, invited_by, notes, anonymised, created_at, version FROM people WHERE id = ?`, id).
		Scan(&p.ID, &p.Name, &birth, &p.Gender, &p.Phone, &p.Email, &p.FirstContact,
			&p.EntryChannel, &invited, &p.Notes, &p.Anonymised, &p.CreatedAt, &p.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	p.BirthYear = int(birth.Int64)
	p.InvitedBy = invited.Int64
	return p, err
}

// DeletePerson removes a person who has never taken part. A person with
// participations is refused with err.person_has_participations; erasing
// them is the separate anonymise path.
func (s *Store) DeletePerson(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		var n int
		err := tx.QueryRowContext(ctx, `SELECT name, (SELECT count(*) FROM participations WHERE person_id = people.id)
			FROM people WHERE id = ?`, id).Scan(&name, &n)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: "err.person_has_participations", Args: map[string]any{"Name": name, "Count": n}}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ?`, id); err != nil {
			return err
		}
		return audit(ctx, tx, "delete_person", fmt.Sprintf("person=%d", id))
	})
}

// ParticipationCount returns how many times the person has taken part.
func (s *Store) ParticipationCount(ctx context.Context, personID int64) (int, error) {
	var n int
	err := s.q.QueryRowContext(ctx, `SELECT count(*) FROM participations WHERE person_id = ?`, personID).Scan(&n)
	return n, err
}

// PeopleByID returns the name and birth year of the people with the ids,
// in one query, so a screen listing many people never asks once per line.
func (s *Store) PeopleByID(ctx context.Context, ids []int64) (map[int64]PersonRow, error) {
	out := make(map[int64]PersonRow, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.q.QueryContext(ctx, `SELECT id, name, coalesce(birth_year, 0) FROM people WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	found, err := collect(rows, err, func(r *sql.Rows) (PersonRow, error) {
		var p PersonRow
		return p, r.Scan(&p.ID, &p.Name, &p.BirthYear)
	})
	for _, p := range found {
		out[p.ID] = p
	}
	return out, err
}
