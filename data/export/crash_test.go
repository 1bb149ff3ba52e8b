package export

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"samspil/data"
)

// TestKilledExportLeavesNoWorkbook kills an export at different moments:
// the target path never holds a half-written workbook.
func TestKilledExportLeavesNoWorkbook(t *testing.T) {
	if args := os.Getenv("SAMSPIL_CRASH_EXPORT"); args != "" {
		var db, out string
		fmt.Sscan(args, &db, &out)
		s, err := data.Open(db)
		if err != nil {
			os.Exit(1)
		}
		if _, err := Run(context.Background(), s, Options{Recipient: "R", WithLogbook: true}, out, nil); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("short")
	}
	s := demoStore(t, "kulturhus")
	db := s.Path()
	s.Close()
	dir := t.TempDir()
	finished := 0
	for i := 0; i < 10; i++ {
		out := filepath.Join(dir, fmt.Sprintf("x%d.xlsx", i))
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledExportLeavesNoWorkbook$")
		cmd.Env = append(os.Environ(), "SAMSPIL_CRASH_EXPORT="+db+" "+out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+i*40) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if _, statErr := os.Stat(out); statErr == nil {
			if err != nil {
				// The process was killed, yet a file is there: it must be whole.
				if _, rerr := readWorkbook(out); rerr != nil {
					t.Fatalf("kill %d left a broken workbook: %v", i, rerr)
				}
			}
			finished++
		}
	}
	t.Logf("10 kills, %d exports finished before their kill, no broken workbook", finished)
}

func readWorkbook(path string) (int, error) {
	sheets, err := ReadSheetNames(path)
	return len(sheets), err
}
