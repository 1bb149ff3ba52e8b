package glcheck

import "strings"

// The texts live here, not in the app's translation files: they must be
// shown when the window, and everything that draws, has failed.
var texts = map[string]struct {
	title, body, remedyWindows, remedyOther, displayTitle, display, headless, technical string
}{
	"da": {
		title: "Samspil kan ikke åbne sit vindue",
		body: "Samspil tegner sit vindue med OpenGL, og der er ingen OpenGL på denne pc, som Samspil kan bruge.\n\n" +
			"Det sker oftest, når Samspil kører over fjernskrivebord (Remote Desktop, Citrix) eller i en virtuel maskine uden 3D, eller når grafikdriveren er gammel.\n\n" +
			"Det kan hjælpe at:\n" +
			"• slå 3D-acceleration til i den virtuelle maskine\n",
		remedyWindows: "• opdatere grafikdriveren (spørg jeres it-afdeling)\n" +
			"• lægge Mesas software-OpenGL (opengl32.dll og libgallium_wgl.dll) i samme mappe som Samspil.exe",
		remedyOther: "• opdatere grafikdriveren eller installere Mesa\n" +
			"• starte Samspil med Mesas software-OpenGL: LIBGL_ALWAYS_SOFTWARE=1 samspil",
		displayTitle: "Samspil fandt ingen skærm",
		display:      "Samspil kan ikke åbne sit vindue, fordi der ingen skærm er at vise det på (fx i en ssh-session eller en tjeneste uden skrivebord). Start Samspil fra skrivebordet.",
		headless:     "Dine data er urørte. Kommandoerne uden vindue virker stadig, fx samspil export, samspil import og samspil backup (se README).",
		technical:    "Teknisk: ",
	},
	"en": {
		title: "Samspil cannot open its window",
		body: "Samspil draws its window with OpenGL, and this PC has no OpenGL that Samspil can use.\n\n" +
			"This usually happens when Samspil runs over remote desktop (Remote Desktop, Citrix) or in a virtual machine without 3D, or when the graphics driver is old.\n\n" +
			"What helps:\n" +
			"• turn on 3D acceleration in the virtual machine\n",
		remedyWindows: "• update the graphics driver (ask your IT department)\n" +
			"• place Mesa's software OpenGL (opengl32.dll and libgallium_wgl.dll) in the same folder as Samspil.exe",
		remedyOther: "• update the graphics driver or install Mesa\n" +
			"• start Samspil with Mesa's software OpenGL: LIBGL_ALWAYS_SOFTWARE=1 samspil",
		displayTitle: "Samspil found no display",
		display:      "Samspil cannot open its window because there is no display to show it on (for example in an ssh session or a service without a desktop). Start Samspil from the desktop.",
		headless:     "Your data is untouched. The commands without a window still work, e.g. samspil export, samspil import and samspil backup (see the README).",
		technical:    "Technical: ",
	},
}

// Message is the title and text that explain a window that cannot be
// opened, in English for lang "en" and otherwise in Danish (the app's
// default), with the remedies for goos ("windows", "linux", "darwin") and
// the technical detail, shortened, at the end when there is one.
func Message(kind Kind, lang, goos, detail string) (title, body string) {
	tx, ok := texts[strings.ToLower(lang)]
	if !ok {
		tx = texts["da"]
	}
	var b strings.Builder
	if kind == NoDisplay {
		title = tx.displayTitle
		b.WriteString(tx.display)
	} else {
		title = tx.title
		b.WriteString(tx.body)
		if goos == "windows" {
			b.WriteString(tx.remedyWindows)
		} else {
			b.WriteString(tx.remedyOther)
		}
	}
	b.WriteString("\n\n" + tx.headless)
	if d := shorten(detail); d != "" {
		b.WriteString("\n\n" + tx.technical + d)
	}
	return title, b.String()
}

// shorten keeps the first lines of a technical detail (a shader's compile
// log can run to pages) and drops empty ones.
func shorten(detail string) string {
	const maxLines, maxLen = 4, 400
	var lines []string
	for _, l := range strings.Split(detail, "\n") {
		if l = strings.TrimSpace(l); l != "" && len(lines) < maxLines {
			lines = append(lines, l)
		}
	}
	d := strings.Join(lines, "\n")
	if r := []rune(d); len(r) > maxLen {
		d = string(r[:maxLen]) + "…"
	}
	return d
}
