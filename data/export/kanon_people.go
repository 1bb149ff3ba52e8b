package export

import (
	"fmt"

	"samspil/data"
)

// peopleQuasi are the people table's descriptive columns the k-check
// covers: what someone who knows a person could look them up by.
var peopleQuasi = []string{"age_band", "birth_year", "gender", "entry_channel", "first_contact", "first_group", "group_at_end"}

// firstContactMonth is the people table's first_contact column as a
// pseudonymised export writes it: the month, not the day.
var firstContactMonth = col("first_contact", kindText,
	"Måned for første kontakt (ÅÅÅÅ-MM; i identificerede udtræk datoen); tom når k-tjekket har skjult den",
	"Month of first contact (YYYY-MM; the date in identified exports); empty when the k-check blanked it")

// monthOf is a date's month as YYYY-MM, nil for no date.
func monthOf(d data.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()[:7]
}

// kAnonymise blanks the rarest descriptive values of the people rows
// (full rows of peopleTable's columns) until every combination covers at
// least k people; it returns the values blanked per column.
func (e *exporter) kAnonymise(rows [][]any) map[string]int {
	at := map[string]int{}
	for i, c := range peopleTable.cols {
		at[c.name] = i
	}
	var cols []string
	for _, c := range columnsFor(peopleTable, e.opt) {
		for _, q := range peopleQuasi {
			if c.name == q {
				cols = append(cols, q)
			}
		}
	}
	values := make([][]string, len(rows))
	for i, r := range rows {
		values[i] = make([]string, len(cols))
		for j, c := range cols {
			if v := r[at[c]]; v != nil && v != "" {
				values[i][j] = fmt.Sprint(v)
			}
		}
	}
	blanked := KAnonymise(values, e.opt.K)
	for i, r := range rows {
		for j, c := range cols {
			if values[i][j] == "" {
				r[at[c]] = nil
			}
		}
	}
	out := map[string]int{}
	for j, c := range cols {
		out[c] = 0
		if blanked != nil { // nil without rows
			out[c] = blanked[j]
		}
	}
	return out
}
