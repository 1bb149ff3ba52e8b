package data

import (
	"cmp"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day without a time of day or time zone.
// The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalised the way time.Date normalises.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the current local calendar day.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns noon UTC of d, a time that is on d in every time zone.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns d moved n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved n months, normalised like time.AddDate.
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	default:
		return cmp.Compare(d.Day, e.Day)
	}
}

// DaysUntil returns the number of days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// StartOfWeek returns the Monday on or before d (Danish weeks start on Monday).
func (d Date) StartOfWeek() Date {
	back := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-back)
}

// String returns d in ISO 8601 form, 2026-12-01, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Danish returns d as Danes write it, 01-12-2026, or "" for the zero Date.
func (d Date) Danish() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d-%04d", d.Day, int(d.Month), d.Year)
}

// ParseDate reads a date in ISO form (2026-12-01) or Danish form
// (01-12-2026, 1/12/2026, 1.12.2026). An empty string gives the zero Date.
// A day that does not exist, such as 31-02-2026, is an error.
func ParseDate(s string) (Date, error) {
	if d, ok := parseISO(s); ok {
		return d, nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(strings.NewReplacer("/", "-", ".", "-").Replace(s), "-")
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD or DD-MM-YYYY", s)
	}
	nums := [3]int{}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || p == "" || p[0] == '+' {
			return Date{}, fmt.Errorf("date %q: %q is not a number", s, p)
		}
		nums[i] = n
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4:
		y, m, d = nums[0], nums[1], nums[2]
	case len(parts[2]) == 4:
		d, m, y = nums[0], nums[1], nums[2]
	default:
		return Date{}, fmt.Errorf("date %q: the year must have four digits", s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("date %q: year out of range", s)
	}
	date := NewDate(y, time.Month(m), d)
	if date.Year != y || int(date.Month) != m || date.Day != d {
		return Date{}, fmt.Errorf("date %q: no such day", s)
	}
	return date, nil
}

// parseISO reads exactly YYYY-MM-DD quickly, the form the database stores;
// ok is false for anything else, which ParseDate then reads the slow way.
func parseISO(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	n := func(from, to int) (int, bool) {
		v := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := n(0, 4)
	m, ok2 := n(5, 7)
	d, ok3 := n(8, 10)
	date := Date{y, time.Month(m), d}
	if !ok1 || !ok2 || !ok3 || !date.Valid() {
		return Date{}, false
	}
	return date, true
}

// Valid reports whether d is a day that exists, in the years Samspil
// accepts (1900–2200). The zero Date is not valid.
func (d Date) Valid() bool {
	return d.Year >= 1900 && d.Year <= 2200 && d.Month >= 1 && d.Month <= 12 &&
		d.Day >= 1 && d.Day <= daysIn(d.Month, d.Year)
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// MustDate is ParseDate for constants in code and tests; it panics on error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Value stores d as ISO text, or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads an ISO date column; NULL gives the zero Date.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, err := ParseDate(v)
		*d = p
		return err
	case []byte:
		p, err := ParseDate(string(v))
		*d = p
		return err
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("cannot scan %T into a Date", src)
}
