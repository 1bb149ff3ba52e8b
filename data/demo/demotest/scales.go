package demotest

import (
	"bufio"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"samspil/data"
)

// Scales are the data sets every benchmark runs on, so the README can show
// how cost grows with data: scale 10 is ten years of a busy house.
var Scales = []int{1, 3, 10}

// EachScale runs fn as a sub-benchmark on the data set of each scale.
func EachScale(b *testing.B, fn func(b *testing.B, s *data.Store)) {
	for _, sc := range Scales {
		b.Run(fmt.Sprintf("scale=%d", sc), func(b *testing.B) {
			s := Store(b, sc)
			b.ReportAllocs()
			b.ResetTimer()
			fn(b, s)
		})
	}
}

// PeakRSS runs fn and reports the process's peak resident memory while it
// ran, in MiB, as the metric "peak-MiB". It needs Linux (the peak is reset
// through /proc/self/clear_refs); elsewhere it only runs fn. The figure
// includes what the test binary itself holds.
func PeakRSS(b *testing.B, fn func()) {
	debug.FreeOSMemory() // what generating the data sets left behind
	if os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) != nil {
		fn()
		return
	}
	fn()
	if kib, ok := statusKiB("VmHWM"); ok {
		b.ReportMetric(float64(kib)/1024, "peak-MiB")
	}
}

// statusKiB reads a "kB" line of /proc/self/status.
func statusKiB(field string) (int, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n, err == nil
		}
	}
	return 0, false
}
