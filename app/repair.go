package app

import "samspil/app/i18n"

// offerRepairs looks, off the UI goroutine, for participations that fall
// before their person's first group period — files written before first
// periods followed history have them, and they count under no group — and
// offers to start those periods earlier. The repair is one transaction and
// is logged.
func (u *UI) offerRepairs() {
	st, ctx := u.store, u.ctx
	var people, parts int
	u.background(func() error {
		var err error
		people, parts, err = st.EarlyParticipations(ctx)
		return err
	}, func(err error) {
		if err != nil || parts == 0 || st != u.store {
			return
		}
		args := map[string]any{"Count": parts, "People": people}
		u.confirm(i18n.T("repair.early_title"), i18n.Tf("repair.early_text", args), func() {
			_, _, err := st.RepairEarlyParticipations(ctx)
			if err != nil {
				u.showError(err)
				return
			}
			u.pages[u.current].screen.reload()
		})
	})
}
