//go:build !windows

package glcheck

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// showNative shows the message with the first dialog tool that works:
// osascript on macOS; zenity, kdialog or xmessage where there is a display.
// Best effort: without any, stderr has the message.
func showNative(title, body string) {
	hasDisplay := os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	for _, c := range dialogCommands(runtime.GOOS, hasDisplay, title, body) {
		if _, err := exec.LookPath(c.args[0]); err != nil {
			continue
		}
		cmd := exec.Command(c.args[0], c.args[1:]...)
		if c.stdin != "" {
			cmd.Stdin = strings.NewReader(c.stdin)
		}
		err := cmd.Run()
		var exit *exec.ExitError
		// 0 is OK, 1 the box closed another way; anything else is the
		// tool failing (no display, an unknown option): try the next.
		if err == nil || errors.As(err, &exit) && exit.ExitCode() == 1 {
			return
		}
	}
}

// dialogCommand is a command line and what to give it on stdin.
type dialogCommand struct {
	args  []string
	stdin string
}

// dialogCommands are the dialog tools to try, in order, on goos. The
// texts go as arguments or stdin, never through a shell or markup.
func dialogCommands(goos string, hasDisplay bool, title, body string) []dialogCommand {
	if goos == "darwin" {
		return []dialogCommand{{args: []string{"osascript",
			"-e", "on run argv",
			"-e", "display alert (item 1 of argv) message (item 2 of argv) as critical buttons {\"OK\"} default button \"OK\"",
			"-e", "end run", title, body}}}
	}
	if !hasDisplay {
		return nil
	}
	return []dialogCommand{
		{args: []string{"zenity", "--error", "--no-markup", "--width=520", "--title=" + title, "--text=" + body}},
		{args: []string{"kdialog", "--title", title, "--error", body}},
		{args: []string{"xmessage", "-center", "-title", title, "-buttons", "OK:0", "-default", "OK", "-file", "-"}, stdin: xmessageText(title + "\n\n" + body)},
	}
}

// xmessageText fits a text to xmessage, which neither wraps lines nor reads
// UTF-8 with its default fonts: lines are wrapped at 72 columns and the
// text is turned into Latin-1 (which has æ, ø and å), with a hyphen for
// the bullet and "?" for anything else Latin-1 lacks.
func xmessageText(text string) string {
	const width = 72
	var out []byte
	for _, line := range strings.Split(text, "\n") {
		col := 0
		for i, word := range strings.Fields(line) {
			n := len([]rune(word))
			if i > 0 && col+1+n > width {
				out, col = append(out, '\n', ' ', ' '), 2
			} else if i > 0 {
				out, col = append(out, ' '), col+1
			}
			for _, r := range word {
				switch {
				case r == '•':
					r = '-'
				case r == '…':
					out = append(out, "..."...)
					continue
				case r > 0xff:
					r = '?'
				}
				out = append(out, byte(r))
			}
			col += n
		}
		out = append(out, '\n')
	}
	return string(out)
}
