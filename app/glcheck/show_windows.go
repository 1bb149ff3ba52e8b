//go:build windows

package glcheck

import (
	"syscall"
	"unsafe"
)

// Flags of MessageBoxW (winuser.h).
const (
	mbOK            = 0x00000000
	mbIconError     = 0x00000010
	mbSetForeground = 0x00010000
	mbTopmost       = 0x00040000
)

// messageBoxW is user32.dll's MessageBoxW, a plain Win32 dialog drawn by
// GDI: it works where OpenGL does not.
var messageBoxW = syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")

// showNative shows an error box with an OK button and waits for it.
func showNative(title, body string) {
	t, err := syscall.UTF16PtrFromString(title)
	if err != nil {
		return
	}
	b, err := syscall.UTF16PtrFromString(body)
	if err != nil {
		return
	}
	if messageBoxW.Find() != nil {
		return
	}
	messageBoxW.Call(0, uintptr(unsafe.Pointer(b)), uintptr(unsafe.Pointer(t)), mbOK|mbIconError|mbSetForeground|mbTopmost)
}
