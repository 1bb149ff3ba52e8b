package export

import (
	"strings"

	"samspil/data"
	"samspil/data/indicators"
)

// monthly writes the month-by-month series. Its counts are aggregates:
// in a pseudonymised export those from 1 to 4 are left empty, and so is
// the target group's share when its numerator or denominator is; the
// suppressed column names what was left out of the row.
func (e *exporter) monthly(months []indicators.MonthPoint) error {
	_, err := e.writeTableAt(monthlyTable, func(w *rowWriter) error {
		names := []string{"participations_target", "participations_resourceful", "participations_volunteer",
			"participations_staff", "participations_unknown", "volunteers_and_hosts", "active_activities"}
		for _, m := range months {
			p := m.Participations
			counts := []int{p[data.GroupTarget], p[data.GroupResourceful], p[data.GroupVolunteer],
				p[data.GroupOrgStaff] + p[data.GroupMunicipalStaff], p[data.GroupUnknown], m.Volunteers, m.Activities}
			values := make([]any, 0, len(counts)+3)
			values = append(values, m.Month)
			var hidden []string
			total := 0
			for i, n := range counts {
				if i < 5 {
					total += n
				}
				if e.suppress(float64(n)) {
					hidden = append(hidden, names[i])
					values = append(values, nil)
					continue
				}
				values = append(values, n)
			}
			var share any
			if m.TargetShare != nil {
				share = *m.TargetShare
				if e.suppress(float64(counts[0])) || e.suppress(float64(total)) {
					share = nil
					hidden = append(hidden, "target_share")
				}
			}
			if err := w.write(append(values, share, strings.Join(hidden, "|"))...); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
