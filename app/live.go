package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// follower is a screen that shows other coordinators' changes while it is
// open: lists refresh, and a form being edited is never written over.
type follower interface {
	// othersChanged runs on the UI goroutine with the tables that changed
	// ("*" when changes may have been missed).
	othersChanged(tables map[string]bool)
}

// followGap is the least time between two refreshes for changes on a
// shared register; followGather is how long a first change waits for the
// rest of its burst.
const (
	followGap    = time.Second
	followGather = 150 * time.Millisecond
)

// follow subscribes the window to its store's changes (a shared register
// only; a file has no other writers): a burst of changes becomes one
// refresh of the page shown, at most once a second, on the UI goroutine.
// A subscription of an earlier store is stopped first.
func (u *UI) follow() {
	u.unfollow()
	if u.store == nil || !u.store.OnServer() {
		return
	}
	gen := u.gen.Load()
	var mu sync.Mutex
	pending := map[string]bool{}
	var timer *time.Timer
	var last time.Time
	stopped := false
	flush := func() {
		mu.Lock()
		tables := pending
		pending, timer, last = map[string]bool{}, nil, time.Now()
		mu.Unlock()
		u.onUI(func() {
			if gen == u.gen.Load() && !u.closed {
				u.othersChanged(tables)
			}
		})
	}
	stop := u.store.OnChange(func(table string) {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		pending[table] = true
		if timer == nil {
			timer = time.AfterFunc(max(followGather, time.Until(last.Add(followGap))), flush)
		}
	})
	u.stopFollow = func() {
		stop()
		mu.Lock()
		stopped = true
		if timer != nil {
			timer.Stop()
		}
		mu.Unlock()
	}
}

// unfollow stops the subscription of follow, if any.
func (u *UI) unfollow() {
	if u.stopFollow != nil {
		u.stopFollow()
		u.stopFollow = nil
	}
}

// onUI runs fn on the UI goroutine: through fyne.Do, or a test's queue.
func (u *UI) onUI(fn func()) {
	if u.post != nil {
		u.post(fn)
		return
	}
	fyne.Do(fn)
}

// othersChanged hands changed tables to the page shown; the others read
// afresh when they are opened.
func (u *UI) othersChanged(tables map[string]bool) {
	if u.body == nil || len(u.pages) == 0 {
		return // the welcome screen
	}
	if f, ok := u.pages[u.current].screen.(follower); ok {
		f.othersChanged(tables)
	}
}

// touches reports whether any of the tables changed (or all may have).
func touches(changed map[string]bool, tables ...string) bool {
	if changed["*"] {
		return true
	}
	for _, t := range tables {
		if changed[t] {
			return true
		}
	}
	return false
}

// keepPlace selects row i of a list refreshed for others' changes (-1:
// none) without moving the list: what the user looks at stays in place.
func keepPlace(l *widget.List, i int) {
	offset := l.GetScrollOffset()
	l.UnselectAll()
	if i >= 0 {
		l.Select(i)
	}
	l.ScrollToOffset(offset)
}
