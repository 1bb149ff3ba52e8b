package glcheck

import (
	"fmt"
	"os"
)

// Show writes the message to stderr and puts it in the system's own
// message box, which needs no OpenGL; it returns when the user has closed
// the box (or at once where there is none).
func Show(title, body string) {
	fmt.Fprintf(os.Stderr, "samspil: %s\n\n%s\n", title, body)
	showNative(title, body)
}
