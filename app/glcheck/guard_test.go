package glcheck

import (
	"bytes"
	"errors"
	"log"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shown records what a guard would have put in the message box.
type shown struct {
	titles, bodies []string
	exits          []int
}

func newTestGuard(t *testing.T, out *bytes.Buffer) (*Guard, *shown) {
	t.Helper()
	s := &shown{}
	g := newGuard("da", out)
	g.goos = "windows"
	g.show = func(title, body string) {
		s.titles = append(s.titles, title)
		s.bodies = append(s.bodies, body)
	}
	g.exit = func(code int) { s.exits = append(s.exits, code) }
	return g, s
}

func writeLines(g *Guard, lines ...string) {
	for _, l := range lines {
		g.Write([]byte("2026/12/01 09:00:00 " + l + "\n"))
	}
}

// An ordinary start logs the odd harmless Fyne error; the guard passes every
// line on unchanged and shows nothing.
func TestGuardOrdinaryStart(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	writeLines(g,
		"Fyne error:  Error parsing user locale C",
		"  Cause: language: tag is not well-formed",
		"  At: /root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go:35",
		"Fyne error:  Failed to set dark mode",
		"PlatformError: Wayland: The platform does not support setting the window position",
	)
	ran := false
	g.Do(func() { ran = true })
	g.Done()
	if !ran || len(s.titles) != 0 || len(s.exits) != 0 {
		t.Fatalf("ran %v, shown %q, exits %v", ran, s.titles, s.exits)
	}
	if n := strings.Count(out.String(), "\n"); n != 5 {
		t.Errorf("passed on %d lines, want 5:\n%s", n, out.String())
	}
}

// Fyne's driver logs "window creation error" and its cause and then carries
// on without a window (or exits, once running): the guard waits for the
// cause, then shows the message once with it and exits 1.
func TestGuardWindowCreationError(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	writeLines(g, "Fyne error:  window creation error")
	if len(s.titles) != 0 {
		t.Fatal("shown before the cause was logged")
	}
	writeLines(g,
		"  Cause: APIUnavailable: WGL: The driver does not appear to support OpenGL",
		"  At: /root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/internal/driver/glfw/window_desktop.go:760",
	)
	g.Do(func() {})
	g.Done()
	if len(s.titles) != 1 || s.titles[0] != "Samspil kan ikke åbne sit vindue" {
		t.Fatalf("titles %q", s.titles)
	}
	if !strings.Contains(s.bodies[0], "window creation error") || !strings.Contains(s.bodies[0], "APIUnavailable: WGL: The driver does not appear to support OpenGL") {
		t.Errorf("body lacks the technical detail:\n%s", s.bodies[0])
	}
	if strings.Contains(s.bodies[0], "2026/12/01") || strings.Contains(s.bodies[0], "window_desktop.go") {
		t.Errorf("body carries log noise:\n%s", s.bodies[0])
	}
	if len(s.exits) != 1 || s.exits[0] != 1 {
		t.Errorf("exits %v, want [1]", s.exits)
	}
	if !strings.Contains(out.String(), "window creation error") {
		t.Error("the log line was swallowed")
	}
}

// go-gl/glfw logs a platform error itself and the next GLFW call may crash:
// the guard acts on that line at once.
func TestGuardPlatformErrorActsAtOnce(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	g.lang = "en"
	writeLines(g, "PlatformError: X11: The DISPLAY environment variable is missing")
	if len(s.titles) != 1 || !strings.Contains(s.bodies[0], "display") {
		t.Fatalf("shown %q %q", s.titles, s.bodies)
	}
	writeLines(g, "PlatformError: WGL: Failed to create dummy context")
	if len(s.titles) != 1 {
		t.Errorf("shown twice: %q", s.titles)
	}
}

type glfwError struct{ text string }

func (e *glfwError) Error() string { return e.text }

// When GLFW's init failed with a platform error that says nothing of
// OpenGL, the next GLFW call panics with NotInitialized: the guard
// recovers, explains, and names the platform error.
func TestGuardRecoversGLFWPanic(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	writeLines(g, "PlatformError: Win32: Failed to register window class")
	if len(s.titles) != 0 {
		t.Fatal("an unrelated platform error was taken as fatal")
	}
	g.Do(func() { panic(&glfwError{"NotInitialized: The GLFW library is not initialized"}) })
	if len(s.titles) != 1 || len(s.exits) != 1 {
		t.Fatalf("shown %q, exits %v", s.titles, s.exits)
	}
	for _, w := range []string{"Win32: Failed to register window class", "NotInitialized"} {
		if !strings.Contains(s.bodies[0], w) {
			t.Errorf("body lacks %q:\n%s", w, s.bodies[0])
		}
	}
}

// A panic that has nothing to do with the window is not hidden.
func TestGuardRepanicsOtherPanics(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	want := errors.New("index out of range")
	defer func() {
		if got := recover(); got != want {
			t.Errorf("recovered %v, want the original panic", got)
		}
		if len(s.titles) != 0 {
			t.Errorf("shown %q", s.titles)
		}
	}()
	g.Do(func() { panic(want) })
	t.Fatal("Do swallowed the panic")
}

// A Fyne reason logged without its cause by the time the window should be
// up still counts.
func TestGuardDoneReportsPending(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	writeLines(g, "Fyne error:  failed to initialise OpenGL")
	g.Done()
	if len(s.titles) != 1 || len(s.exits) != 1 {
		t.Fatalf("shown %q, exits %v", s.titles, s.exits)
	}
}

// Once the window is up the guard stops: a later clipboard
// "FormatUnavailable" must not end the session, and the log writes where it
// wrote before.
func TestInstallAndDone(t *testing.T) {
	orig := log.Writer()
	defer log.SetOutput(orig)
	var before bytes.Buffer
	log.SetOutput(&before)
	g := Install("da")
	s := &shown{}
	g.show = func(title, body string) { s.titles = append(s.titles, title) }
	g.exit = func(code int) { s.exits = append(s.exits, code) }
	if log.Writer() != g {
		t.Fatal("Install did not take the log")
	}
	log.Print("hello")
	g.Done()
	if log.Writer() != &before {
		t.Error("Done did not give the log back")
	}
	g.Write([]byte("FormatUnavailable: X11: Failed to convert selection to string\n"))
	g.Do(func() {})
	if len(s.titles) != 0 || len(s.exits) != 0 {
		t.Errorf("acted after Done: %q %v", s.titles, s.exits)
	}
	if !strings.Contains(before.String(), "hello") {
		t.Errorf("log lost a line: %q", before.String())
	}
}

// The app's start, as app.Main does it, through the guard on Fyne's test
// driver: the window comes up and nothing is shown.
func TestGuardNormalStart(t *testing.T) {
	var out bytes.Buffer
	g, s := newTestGuard(t, &out)
	a := test.NewApp()
	defer a.Quit()
	var w fyne.Window
	g.Do(func() { w = a.NewWindow("Samspil") })
	w.SetContent(widget.NewLabel("Samspil"))
	g.Do(w.Show)
	g.Done()
	if w.Content() == nil || len(s.titles) != 0 || len(s.exits) != 0 {
		t.Fatalf("shown %q, exits %v", s.titles, s.exits)
	}
}
