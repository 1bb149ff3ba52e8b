package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"samspil/data"
)

// The store is replaced (restore, a demo from the welcome screen) only
// once no background work reads it, and that work's late answer, about
// the old store, is dropped rather than shown on the new one.
func TestStoreIsSwappedOnlyWhenNoBackgroundWorkHoldsIt(t *testing.T) {
	u := newTestUI(t)
	u.inline = false
	next, err := data.Open(filepath.Join(t.TempDir(), "next.db"))
	if err != nil {
		t.Fatal(err)
	}
	old := u.store
	started, release := make(chan struct{}), make(chan struct{})
	var workErr error
	answered := make(chan struct{}, 1)
	u.background(func() error {
		close(started)
		<-release
		_, workErr = old.Settings(context.Background()) // still reading when the swap is asked for
		return workErr
	}, func(error) { answered <- struct{}{} })
	<-started
	swapped := make(chan struct{})
	go func() {
		u.swapStore(next)
		close(swapped)
	}()
	select {
	case <-swapped:
		t.Fatal("the store was replaced (and the old one closed) while a job was still reading it")
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	<-swapped
	if workErr != nil {
		t.Fatalf("the job lost its store under it: %v", workErr)
	}
	if u.store != next {
		t.Fatal("the new store is not in place")
	}
	select {
	case <-answered:
		t.Fatal("the answer about the old store was shown after the swap")
	default:
	}
	if _, err := old.Settings(context.Background()); err == nil {
		t.Fatal("the old store was left open")
	}
}
