//go:build !linux

package export

import (
	"errors"
	"os"
)

var errNoNameless = errors.New("export: no nameless files on this system")

// openNameless is not available here: files get a temporary name.
func openNameless(string) (*os.File, error) { return nil, errNoNameless }

// linkNameless is never called here (files are named).
func linkNameless(*os.File, string) error { return errNoNameless }
