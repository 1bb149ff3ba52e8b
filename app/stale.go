package app

import (
	"samspil/app/i18n"
)

// offerReload says why a save was refused — the record changed or was
// erased after the form loaded it (data.IsStale) — and offers to reload
// it. Saying no keeps what was typed in the form, to copy or compare.
func (u *UI) offerReload(err error, reload func()) {
	u.confirm(i18n.T("stale.title"), i18n.ErrText(err)+"\n\n"+i18n.T("stale.reload_question"), reload)
}
