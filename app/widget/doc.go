// Package widget holds Samspil's own small widgets, each a Fyne widget
// extended for one job, one per file with its test beside it, as Fyne's
// own widget package is laid out. It knows nothing of the app's screens.
package widget
