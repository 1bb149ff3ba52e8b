package glcheck

import "testing"

// The texts below are what Fyne 2.7.1, go-gl/glfw and GLFW 3.3 write or
// panic with when no window can be made (see guard.go for where each comes
// from), and what they write on an ordinary start.
func TestClassify(t *testing.T) {
	cases := []struct {
		text string
		want Kind
	}{
		// Windows: no OpenGL driver (Remote Desktop, VM without 3D, GDI only).
		{"2026/12/01 09:00:00   Cause: APIUnavailable: WGL: The driver does not appear to support OpenGL", NoOpenGL},
		{"2026/12/01 09:00:00 Fyne error:  window creation error", NoOpenGL},
		{"VersionUnavailable: WGL: Failed to create OpenGL context", NoOpenGL},
		{"Requested OpenGL version 2.1, got version 1.1", NoOpenGL},
		{"FormatUnavailable: WGL: Failed to find a suitable pixel format", NoOpenGL},
		{"2026/12/01 09:00:00 PlatformError: WGL: Failed to create dummy context", NoOpenGL},
		{"PlatformError: WGL: Failed to load opengl32.dll", NoOpenGL},
		// Linux and macOS.
		{"APIUnavailable: GLX: No GLXFBConfigs returned", NoOpenGL},
		{"FormatUnavailable: GLX: Failed to find a suitable GLXFBConfig", NoOpenGL},
		{"PlatformError: GLX: GLX extension not found", NoOpenGL},
		{"APIUnavailable: EGL: Failed to initialize EGL: EGL is not or could not be initialized", NoOpenGL},
		{"PlatformError: NSGL: Failed to find a suitable pixel format", NoOpenGL},
		// Fyne's own reasons and the painter.
		{"Fyne error:  failed to initialise GLFW", NoOpenGL},
		{"Fyne error:  failed to initialise OpenGL", NoOpenGL},
		{"failed to compile OpenGL shader:\n0:1(10): error: GLSL 1.10 is not supported", NoOpenGL},
		{"failed to link OpenGL program; error code: 502", NoOpenGL},
		{"NotInitialized: The GLFW library is not initialized", NoOpenGL},
		{"NoWindowContext: Cannot make current with a window that has no OpenGL or OpenGL ES context", NoOpenGL},
		// No display at all (ssh session, service).
		{"PlatformError: X11: The DISPLAY environment variable is missing", NoDisplay},
		{"PlatformError: X11: Failed to open display :0", NoDisplay},
		{"PlatformError: Wayland: Failed to connect to display", NoDisplay},
		// An ordinary start says these; none of them stops the window.
		{"", None},
		{"2026/12/01 14:06:39 Fyne error:  Error parsing user locale C", None},
		{"2026/12/01 14:06:39   Cause: language: tag is not well-formed", None},
		{"2026/12/01 14:06:39   At: /root/go/pkg/mod/fyne.io/fyne/v2@v2.7.1/lang/locale.go:35", None},
		{"Fyne error:  Failed to set dark mode", None},
		{"Fyne error:  Unable to connect to session D-Bus", None},
		{"Fyne error:  GLFW clipboard set failed", None},
		{"PlatformError: Wayland: The platform does not support setting the window position", None},
		{"*** Error in Fyne call thread, this should have been called in fyne.Do[AndWait] ***", None},
		{"samspil: closing the database: database is locked", None},
		{"runtime error: invalid memory address or nil pointer dereference", None},
		{"the beagle: a dog", None}, // "egl:" inside a word is not EGL
	}
	for _, c := range cases {
		if got := Classify(c.text); got != c.want {
			t.Errorf("Classify(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
