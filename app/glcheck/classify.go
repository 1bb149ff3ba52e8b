// Package glcheck tells the user, in a native message box that needs no
// OpenGL, when Samspil's window cannot be opened: no usable OpenGL (remote
// desktop, a virtual machine without 3D, an old graphics driver) or no
// display at all. Fyne reports these only as log lines or panics and then
// hangs without a window or exits; a Guard watches for them while the
// window is made.
package glcheck

import (
	"regexp"
	"strings"
)

// Kind is why the window cannot be opened.
type Kind int

// The kinds, in rising order of precedence: when one failure logs lines of
// two kinds, the higher one is the better explanation.
const (
	// None means the text says nothing about the window failing.
	None Kind = iota
	// NoOpenGL means there is no OpenGL that Fyne can use (at least 2.1).
	NoOpenGL
	// NoDisplay means there is no screen to open a window on at all.
	NoDisplay
)

// String names the kind for test output.
func (k Kind) String() string {
	switch k {
	case NoOpenGL:
		return "NoOpenGL"
	case NoDisplay:
		return "NoDisplay"
	}
	return "None"
}

// noDisplay are lower-case texts of GLFW's X11 and Wayland back ends when
// there is no display to connect to.
var noDisplay = []string{
	"display environment variable is missing",
	"failed to open display",
	"failed to connect to display",
}

// noOpenGL are lower-case texts that mean the OpenGL context, and so the
// window, cannot be made. Sources (Fyne 2.7.1, go-gl/glfw v3.3, GLFW 3.3):
//   - Fyne's driver logs "window creation error" (glfw.CreateWindow failed)
//     and "failed to initialise GLFW"; its painter "failed to initialise
//     OpenGL" (gl.Init) and panics with "failed to compile OpenGL shader" or
//     "failed to link OpenGL program";
//   - go-gl/glfw returns or panics with the GLFW error codes APIUnavailable,
//     VersionUnavailable, FormatUnavailable, NoWindowContext, and
//     NotInitialized once glfwInit has failed;
//   - GLFW's texts: "WGL: The driver does not appear to support OpenGL",
//     "GLX: No GLXFBConfigs returned", "Requested OpenGL version 2.1, got
//     version 1.1", "WGL: Failed to load opengl32.dll".
var noOpenGL = []string{
	"window creation error",
	"failed to initialise glfw",
	"failed to initialize glfw",
	"failed to initialise opengl",
	"failed to initialize opengl",
	"failed to compile opengl shader",
	"failed to link opengl program",
	"apiunavailable",
	"versionunavailable",
	"formatunavailable",
	"nowindowcontext",
	"glfw library is not initialized",
	"does not appear to support opengl",
	"glxfbconfig",
	"requested opengl version",
	"opengl32.dll",
}

// contextAPI matches the prefixes of GLFW's context back ends (WGL on
// Windows, GLX on X11, EGL on Wayland, NSGL on macOS) as whole words.
var contextAPI = regexp.MustCompile(`(?i)(^|[^a-z])(wgl|glx|egl|nsgl):`)

// Classify tells whether a log line, error or panic text from Fyne or GLFW
// means the window cannot be opened, and why.
func Classify(text string) Kind {
	t := strings.ToLower(text)
	for _, s := range noDisplay {
		if strings.Contains(t, s) {
			return NoDisplay
		}
	}
	for _, s := range noOpenGL {
		if strings.Contains(t, s) {
			return NoOpenGL
		}
	}
	if contextAPI.MatchString(text) {
		return NoOpenGL
	}
	return None
}
