//go:build !windows

package glcheck

import (
	"slices"
	"strings"
	"testing"
)

// The message reaches each tool verbatim: as an argument or on stdin, with
// zenity's markup off (a "<" or "&" in a GLFW text would break it).
func TestDialogCommands(t *testing.T) {
	const title, body = "Samspil kan ikke åbne sit vindue", "a <b> & \"c\"\nd"
	if got := dialogCommands("linux", false, title, body); got != nil {
		t.Errorf("without a display: %v", got)
	}
	cmds := dialogCommands("linux", true, title, body)
	var names []string
	for _, c := range cmds {
		names = append(names, c.args[0])
	}
	if !slices.Equal(names, []string{"zenity", "kdialog", "xmessage"}) {
		t.Fatalf("tools %v", names)
	}
	if !slices.Contains(cmds[0].args, "--no-markup") || !slices.Contains(cmds[0].args, "--text="+body) {
		t.Errorf("zenity %q", cmds[0].args)
	}
	if !slices.Contains(cmds[1].args, body) || !strings.Contains(cmds[2].stdin, "a <b> & \"c\"\nd") {
		t.Errorf("kdialog %q, xmessage stdin %q", cmds[1].args, cmds[2].stdin)
	}
	mac := dialogCommands("darwin", false, title, body)
	if len(mac) != 1 || mac[0].args[0] != "osascript" || !slices.Equal(mac[0].args[len(mac[0].args)-2:], []string{title, body}) {
		t.Errorf("macOS %q", mac)
	}
}

// xmessage gets short Latin-1 lines: its default fonts show æøå from
// Latin-1 bytes and garble UTF-8, and it does not wrap.
func TestXmessageText(t *testing.T) {
	got := xmessageText("Det sker oftest, når Samspil kører over fjernskrivebord (Remote Desktop, Citrix) eller i en virtuel maskine uden 3D.\n• slå 3D-acceleration til…")
	want := "Det sker oftest, n\xe5r Samspil k\xf8rer over fjernskrivebord (Remote Desktop,\n  Citrix) eller i en virtuel maskine uden 3D.\n- sl\xe5 3D-acceleration til...\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 72 {
			t.Errorf("line of %d columns: %q", len(line), line)
		}
	}
}
