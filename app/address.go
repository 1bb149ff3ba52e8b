package app

import (
	"net/url"
	"strings"

	"samspil/data"
)

// shownAddress is where a register is, as the window shows it: a file's
// path as it is, a server's register as user@host/database — without the
// password and the connection options (?host=…&sslmode=…), which read as
// noise to a coordinator. A server reached through a socket folder on this
// computer is localhost.
func shownAddress(path string) string {
	if !data.IsServerURL(path) {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		return data.RedactURL(path)
	}
	host := u.Host
	if host == "" {
		host = u.Query().Get("host")
	}
	if host == "" || strings.HasPrefix(host, "/") {
		host = "localhost"
	}
	out := host + "/" + strings.TrimPrefix(u.Path, "/")
	if u.User != nil && u.User.Username() != "" {
		out = u.User.Username() + "@" + out
	}
	return out
}
