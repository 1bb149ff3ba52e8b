package glcheck

import (
	"strings"
	"testing"
)

// The message must name the causes, the remedies and the headless
// commands, in the language the app would have used.
func TestMessageNoOpenGL(t *testing.T) {
	const detail = "APIUnavailable: WGL: The driver does not appear to support OpenGL"
	for _, c := range []struct {
		lang  string
		title string
		words []string
	}{
		{"da", "Samspil kan ikke åbne sit vindue", []string{
			"OpenGL", "fjernskrivebord", "virtuel maskine", "3D", "grafikdriver",
			"3D-acceleration", "opdatere grafikdriveren", "Mesa", "opengl32.dll", "Samspil.exe",
			"samspil export", "samspil import", "samspil backup", "data er urørte", detail}},
		{"en", "Samspil cannot open its window", []string{
			"OpenGL", "remote desktop", "virtual machine", "3D", "graphics driver",
			"3D acceleration", "update the graphics driver", "Mesa", "opengl32.dll", "Samspil.exe",
			"samspil export", "samspil import", "samspil backup", "data is untouched", detail}},
	} {
		title, body := Message(NoOpenGL, c.lang, "windows", detail)
		if title != c.title {
			t.Errorf("%s title = %q, want %q", c.lang, title, c.title)
		}
		for _, w := range c.words {
			if !strings.Contains(body, w) {
				t.Errorf("%s body lacks %q:\n%s", c.lang, w, body)
			}
		}
	}
}

// Away from Windows there is no Samspil.exe to put a DLL beside; the
// message points to Mesa's software renderer instead.
func TestMessageNoOpenGLLinux(t *testing.T) {
	for _, lang := range []string{"da", "en"} {
		_, body := Message(NoOpenGL, lang, "linux", "")
		if strings.Contains(body, "Samspil.exe") || strings.Contains(body, "opengl32.dll") {
			t.Errorf("%s: the Linux message speaks of Windows files:\n%s", lang, body)
		}
		for _, w := range []string{"Mesa", "LIBGL_ALWAYS_SOFTWARE=1", "samspil export"} {
			if !strings.Contains(body, w) {
				t.Errorf("%s body lacks %q:\n%s", lang, w, body)
			}
		}
		if strings.Contains(body, "\n\n\n") || strings.HasSuffix(body, "\n") {
			t.Errorf("%s: an empty detail leaves blank lines:\n%q", lang, body)
		}
	}
}

func TestMessageNoDisplay(t *testing.T) {
	for lang, want := range map[string]string{"da": "skærm", "en": "display"} {
		title, body := Message(NoDisplay, lang, "linux", "PlatformError: X11: The DISPLAY environment variable is missing")
		if title == "" || !strings.Contains(body, want) || !strings.Contains(body, "samspil export") {
			t.Errorf("%s: %q\n%s", lang, title, body)
		}
		if strings.Contains(body, "3D") {
			t.Errorf("%s: no display is not an OpenGL problem:\n%s", lang, body)
		}
	}
}

// Any language but English gets Danish, the app's own default.
func TestMessageDefaultsToDanish(t *testing.T) {
	da, _ := Message(NoOpenGL, "da", "windows", "")
	for _, lang := range []string{"", "de", "DA"} {
		if got, _ := Message(NoOpenGL, lang, "windows", ""); got != da {
			t.Errorf("Message(%q) title = %q, want Danish %q", lang, got, da)
		}
	}
	if got, _ := Message(NoOpenGL, "EN", "windows", ""); got == da {
		t.Errorf("EN gave Danish")
	}
}
