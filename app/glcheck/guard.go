package glcheck

import (
	"fmt"
	"io"
	"log"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
)

// Guard watches the making of the window. Fyne 2.7.1 reports a missing
// OpenGL in three ways, all before the first frame:
//   - a log line: glfw.CreateWindow's error is logged as "window creation
//     error" and Fyne then runs on with no window at all (the coordinator
//     sees nothing) or, once running, exits; gl.Init's error is logged as
//     "failed to initialise OpenGL" and drawing then crashes;
//   - a log line from go-gl/glfw itself for a GLFW platform error
//     ("PlatformError: WGL: …"), after which the next GLFW call may crash;
//   - a panic on the main goroutine: go-gl/glfw panics with NotInitialized
//     after a failed glfwInit, FormatUnavailable from glfwCreateWindow, and
//     Fyne's painter with "failed to compile OpenGL shader".
//
// So the Guard is the standard logger's writer (every line still goes on
// to where it went before) and runs the window's creation under Do, which
// recovers such panics. On the first sign it shows the message and exits 1.
// Done ends the watch once the window is up.
type Guard struct {
	lang, goos string
	show       func(title, body string)
	exit       func(code int)

	mu           sync.Mutex
	out, prev    io.Writer
	installed    bool
	stopped      bool
	failed       bool
	pending      string // a Fyne reason line whose cause comes next
	pendingKind  Kind
	lastPlatform string // the last GLFW platform error that was not itself fatal
}

// newGuard returns a guard that writes log lines on to out.
func newGuard(lang string, out io.Writer) *Guard {
	return &Guard{lang: lang, goos: runtime.GOOS, show: Show, exit: os.Exit, out: out}
}

// Install makes a guard the standard logger's writer, speaking lang ("da"
// or "en"), and returns it. Call it before the first window is made.
func Install(lang string) *Guard {
	g := newGuard(lang, log.Writer())
	g.prev, g.installed = g.out, true
	log.SetOutput(g)
	return g
}

// logStamp is the date and time the standard logger puts before a line.
var logStamp = regexp.MustCompile(`^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(\.\d+)? `)

// Write passes p on and looks at it for a sign that the window failed.
func (g *Guard) Write(p []byte) (int, error) {
	n, err := g.out.Write(p)
	g.mu.Lock()
	if g.stopped || g.failed {
		g.mu.Unlock()
		return n, err
	}
	line := strings.TrimSpace(logStamp.ReplaceAllString(strings.TrimRight(string(p), "\n"), ""))
	kind := Classify(line)
	switch {
	case g.pending != "":
		// The line after Fyne's reason is its cause; its "At:" file is noise.
		detail := g.pending
		if !strings.HasPrefix(line, "At:") {
			detail += "\n" + line
		}
		g.fail(max(kind, g.pendingKind), detail) // unlocks
		return n, err
	case kind != None && strings.Contains(line, "Fyne error:"):
		// fyne.LogError writes the reason, then "Cause: …", then "At: …",
		// and only then does the driver exit or crash: wait for the cause.
		g.pending, g.pendingKind = strings.TrimSpace(strings.TrimPrefix(line, "Fyne error:")), kind
	case kind != None:
		g.fail(kind, line) // unlocks
		return n, err
	case strings.Contains(line, "PlatformError"):
		g.lastPlatform = line
	}
	g.mu.Unlock()
	return n, err
}

// Do runs fn, a step in making the window (a.NewWindow, w.Show), and
// explains a panic that means the window cannot be made. Any other panic
// goes on as it was.
func (g *Guard) Do(fn func()) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		text := fmt.Sprint(v)
		g.mu.Lock()
		kind := max(Classify(text), g.pendingKind)
		if g.stopped || g.failed || kind == None {
			g.mu.Unlock()
			panic(v)
		}
		detail := strings.TrimSpace(strings.Join([]string{g.lastPlatform, g.pending, text}, "\n"))
		g.fail(kind, detail) // unlocks
	}()
	fn()
}

// Done ends the watch once the window is shown and gives the logger back
// its writer. A failure logged without its cause is reported now.
func (g *Guard) Done() {
	g.mu.Lock()
	if g.installed && log.Writer() == g {
		log.SetOutput(g.prev)
	}
	if g.pending != "" && !g.stopped && !g.failed {
		g.fail(g.pendingKind, g.pending) // unlocks
		return
	}
	g.stopped = true
	g.mu.Unlock()
}

// fail shows the message for kind once and exits 1. It is called with g.mu
// held and releases it before showing, which waits for the user.
func (g *Guard) fail(kind Kind, detail string) {
	g.failed = true
	g.pending, g.pendingKind = "", None
	g.mu.Unlock()
	title, body := Message(kind, g.lang, g.goos, detail)
	g.show(title, body)
	g.exit(1)
}
