package app

import (
	"context"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
	"samspil/data"
)

// progressFunc reports how far a long job has come: a fraction from 0 to 1
// and a line saying what it is doing.
type progressFunc func(fraction float64, status string)

// longJob runs work in the background behind a dialog with a progress bar
// and a cancel button, then done on the UI goroutine with work's error.
// The bar runs to and fro until work reports a fraction. Cancelling ends
// work's context; work must then stop and write nothing, and done gets
// err.cancelled.
func (u *UI) longJob(title, status string, work func(ctx context.Context, progress progressFunc) error, done func(error)) {
	ctx, cancel := context.WithCancel(u.ctx)
	bar, waiting := widget.NewProgressBar(), widget.NewProgressBarInfinite()
	bar.Hide()
	label := widget.NewLabel(status)
	cancelBtn := widget.NewButton(i18n.T("ui.cancel"), func() {
		cancel()
		label.SetText(i18n.T("job.cancelling"))
	})
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(label, container.NewStack(bar, waiting), cancelBtn), u.win)
	d.Resize(dialogSize(u.win, 420, 160))
	d.Show()
	progress := func(fraction float64, status string) {
		fyne.Do(func() {
			if waiting.Visible() {
				waiting.Stop()
				waiting.Hide()
				bar.Show()
			}
			bar.SetValue(fraction)
			label.SetText(status)
		})
	}
	u.spawn(func() error {
		err := work(ctx, progress)
		releaseMemory()
		return err
	}, func(err error) {
		cancelled := ctx.Err() != nil && u.ctx.Err() == nil
		cancel()
		waiting.Stop()
		d.Hide()
		if err != nil && cancelled {
			err = data.ErrCancelled
		}
		done(err)
	}, true)
}

// releaseMemory hands the memory a big job used back to the system. Go
// keeps freed heap pages until a later collection needs them, and an idle
// window makes no garbage, so without this the app would hold a job's peak
// (tens of MiB for ten years of data) for the rest of the day.
func releaseMemory() { debug.FreeOSMemory() }
