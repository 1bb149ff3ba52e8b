package demotest

import (
	"os"
	"testing"
)

// Main runs a package's tests and benchmarks and then removes the data
// sets generated for them; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}
