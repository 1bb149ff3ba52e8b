package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// CatalogItem is the part that categories, roles and themes share: a stable
// code for exports and a Danish and an English name the coordinator edits.
type CatalogItem struct {
	ID     int64
	Code   string
	NameDA string
	NameEN string
	Sort   int
}

// Name returns the item's name in the language.
func (c CatalogItem) Name(language string) string {
	if language == "en" && c.NameEN != "" {
		return c.NameEN
	}
	return c.NameDA
}

// validate checks the shared fields.
func (c *CatalogItem) validate(es *Errors) {
	if c.Code == "" {
		c.Code = codeFrom(c.NameEN, c.NameDA)
	}
	es.checkName("name_da", c.NameDA)
	if c.NameEN == "" {
		c.NameEN = c.NameDA
	}
	es.checkShort("name_en", c.NameEN)
	if c.Code == "" || strings.IndexFunc(c.Code, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) >= 0 {
		es.add("code", "err.bad_code", map[string]any{"Value": c.Code})
	}
}

// codeFrom derives a stable lower-case code from a name, e.g. "Svagt netværk" → "svagt_netvaerk".
func codeFrom(names ...string) string {
	for _, n := range names {
		var b strings.Builder
		for _, r := range FoldName(n) {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			case unicode.IsSpace(r) || r == '.':
				b.WriteByte('_')
			}
		}
		if code := strings.Trim(b.String(), "_"); code != "" {
			return code
		}
	}
	return ""
}

// Category is a part of the target group the partnership defines.
type Category struct{ CatalogItem }

// Role is what a person does at an occasion. Level orders roles from
// receiving support (1) to hosting and initiating (4); professional roles
// (accompanying staff) are kept out of trajectories.
type Role struct {
	CatalogItem
	Level        int
	Professional bool
}

// Theme is a logbook theme, usually a promoter or inhibitor of participation.
type Theme struct {
	CatalogItem
	Kind string // "", "promoter" or "inhibitor"
}

// Categories returns the target-group categories in display order.
func (s *Store) Categories(ctx context.Context) ([]Category, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, code, name_da, name_en, sort FROM categories ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (Category, error) {
		var c Category
		return c, r.Scan(&c.ID, &c.Code, &c.NameDA, &c.NameEN, &c.Sort)
	})
}

// Roles returns the role catalogue in display order.
func (s *Store) Roles(ctx context.Context) ([]Role, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, code, name_da, name_en, sort, level, professional FROM roles ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (Role, error) {
		var c Role
		return c, r.Scan(&c.ID, &c.Code, &c.NameDA, &c.NameEN, &c.Sort, &c.Level, &c.Professional)
	})
}

// Themes returns the logbook themes in display order.
func (s *Store) Themes(ctx context.Context) ([]Theme, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id, code, name_da, name_en, sort, kind FROM themes ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (Theme, error) {
		var c Theme
		return c, r.Scan(&c.ID, &c.Code, &c.NameDA, &c.NameEN, &c.Sort, &c.Kind)
	})
}

// SaveCategory inserts or updates a category.
func (s *Store) SaveCategory(ctx context.Context, c *Category) error {
	var es Errors
	c.validate(&es)
	if err := es.err(); err != nil {
		return err
	}
	return s.saveCatalogItem(ctx, "categories", &c.CatalogItem, nil)
}

// SaveRole inserts or updates a role.
func (s *Store) SaveRole(ctx context.Context, r *Role) error {
	var es Errors
	r.validate(&es)
	if r.Level < 0 || r.Level > 9 {
		es.add("level", "err.role_level", nil)
	}
	if err := es.err(); err != nil {
		return err
	}
	return s.saveCatalogItem(ctx, "roles", &r.CatalogItem, map[string]any{"level": r.Level, "professional": r.Professional})
}

// SaveTheme inserts or updates a logbook theme.
func (s *Store) SaveTheme(ctx context.Context, t *Theme) error {
	var es Errors
	t.validate(&es)
	if t.Kind != "" {
		es.checkCode("kind", t.Kind, []string{"promoter", "inhibitor"})
	}
	if err := es.err(); err != nil {
		return err
	}
	return s.saveCatalogItem(ctx, "themes", &t.CatalogItem, map[string]any{"kind": t.Kind})
}

// saveCatalogItem writes the shared columns plus extra ones of table.
func (s *Store) saveCatalogItem(ctx context.Context, table string, c *CatalogItem, extra map[string]any) error {
	cols := []string{"code", "name_da", "name_en", "sort"}
	vals := []any{c.Code, strings.TrimSpace(c.NameDA), strings.TrimSpace(c.NameEN), c.Sort}
	for _, k := range []string{"level", "professional", "kind"} {
		if v, ok := extra[k]; ok {
			cols = append(cols, k)
			vals = append(vals, v)
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var clash int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE code = ? AND id != ?", c.Code, c.ID).Scan(&clash)
		if err == nil {
			return &Error{Code: "err.duplicate_code", Field: "code", Args: map[string]any{"Value": c.Code}}
		}
		if err != sql.ErrNoRows {
			return err
		}
		if c.ID == 0 {
			q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(cols, ", "), placeholders(len(cols)))
			var err error
			c.ID, err = insertID(ctx, tx, q, vals...)
			return err
		}
		q := fmt.Sprintf("UPDATE %s SET %s = ? WHERE id = ?", table, strings.Join(cols, " = ?, "))
		res, err := tx.ExecContext(ctx, q, append(vals, c.ID)...)
		if err != nil {
			return err
		}
		return expectOne(res)
	})
}

// DeleteCategory removes a category no period uses.
func (s *Store) DeleteCategory(ctx context.Context, id int64) error {
	return s.deleteCatalogItem(ctx, "categories", id,
		"SELECT count(*) FROM group_period_categories WHERE category_id = ?")
}

// DeleteRole removes a role no participation uses.
func (s *Store) DeleteRole(ctx context.Context, id int64) error {
	return s.deleteCatalogItem(ctx, "roles", id, "SELECT count(*) FROM participations WHERE role_id = ?")
}

// DeleteTheme removes a theme no logbook entry uses.
func (s *Store) DeleteTheme(ctx context.Context, id int64) error {
	return s.deleteCatalogItem(ctx, "themes", id, "SELECT count(*) FROM logbook_themes WHERE theme_id = ?")
}

func (s *Store) deleteCatalogItem(ctx context.Context, table string, id int64, usage string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, usage, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: "err.in_use", Args: map[string]any{"Count": n}}
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
		if err != nil {
			return err
		}
		return expectOne(res)
	})
}
