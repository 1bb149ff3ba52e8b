// Package app is Samspil's desktop user interface, built with Fyne. It talks
// to the database only through package data.
package app

import (
	"flag"
	"fmt"
	"io"
	"os"

	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// AppID identifies Samspil to Fyne: preferences and the default database
// live in the user config folder under this id.
const AppID = "dk.samspil.app"

// Main runs the GUI with the command-line args (without the program name)
// and returns the exit code.
func Main(args []string, version string) int {
	fs := flag.NewFlagSet("samspil", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "database file")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(os.Stderr, "samspil:", err)
		return 2
	}
	a := fyneapp.NewWithID(AppID)
	w := a.NewWindow("Samspil")
	w.SetContent(widget.NewLabel("Samspil " + version + " " + *dbPath))
	w.ShowAndRun()
	return 0
}
