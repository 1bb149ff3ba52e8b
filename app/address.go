package app

import "samspil/data"

// shownAddress is where a register is, as the window shows it: a file's
// path as it is, a server's register as user@host/database — without the
// password and the connection options (?host=…&sslmode=…), which read as
// noise to a coordinator. A server reached through a socket folder on this
// computer is localhost.
func shownAddress(path string) string {
	if !data.IsServerURL(path) {
		return path
	}
	return data.ServerName(path)
}
