package app

import "samspil/data"

// day returns the day the overview counts to: u.today when a test set it,
// otherwise the calendar's.
func (u *UI) day() data.Date {
	if u.today != nil {
		return u.today()
	}
	return data.Today()
}
