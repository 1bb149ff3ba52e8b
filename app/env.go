package app

import (
	"context"

	"samspil/data"
)

// env is what a screen or a tab needs of the application: the open store
// (asked for each time, since a restore or the welcome screen replaces
// it) and the ways to tell and ask the user. Parts built on env can be
// made and tested without the whole window.
type env interface {
	db() *data.Store
	context() context.Context
	showError(err error)
	confirm(title, msg string, yes func())
}

// db returns the store open now.
func (u *UI) db() *data.Store { return u.store }

// context returns the context the UI's work runs under.
func (u *UI) context() context.Context { return u.ctx }
