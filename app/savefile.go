package app

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// askSavePath asks where to save a file, suggesting name, and calls chosen
// with the path, ext added when the user left it out (Fyne does not add
// it). Fyne's dialog creates the file empty; it is removed at once, so a
// write that fails or is cancelled afterwards leaves nothing behind.
func (u *UI) askSavePath(name, ext string, chosen func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		picked := w.URI().Path()
		w.Close()
		if st, err := os.Stat(picked); err == nil && st.Size() == 0 {
			os.Remove(picked)
		}
		if !strings.HasSuffix(strings.ToLower(picked), ext) {
			picked += ext
		}
		chosen(picked)
	}, u.win)
	d.SetFileName(name)
	d.Resize(dialogSize(u.win, 800, 600))
	d.Show()
}
