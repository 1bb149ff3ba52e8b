package data

import (
	"context"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// changeChannel is the PostgreSQL notification channel the schema's
// triggers announce changed tables on (see migration 0004).
const changeChannel = "samspil_changes"

// changeFeed listens on a server for other coordinators' changes and tells
// the subscribers which table changed. It has its own connection, which it
// makes again after a break.
type changeFeed struct {
	cfg    *pgx.ConnConfig
	cancel context.CancelFunc
	done   chan struct{}

	mu   sync.Mutex
	subs map[int]func(table string)
	next int
}

// startChangeFeed starts listening in the background.
func startChangeFeed(cfg *pgx.ConnConfig) *changeFeed {
	ctx, cancel := context.WithCancel(context.Background())
	f := &changeFeed{cfg: cfg, cancel: cancel, done: make(chan struct{}), subs: map[int]func(string){}}
	go f.run(ctx)
	return f
}

// stop ends the listening and waits for it; nil is a feed that never ran.
func (f *changeFeed) stop() {
	if f == nil {
		return
	}
	f.cancel()
	<-f.done
}

func (f *changeFeed) run(ctx context.Context) {
	defer close(f.done)
	wait := time.Second
	for ctx.Err() == nil {
		listened, err := f.listen(ctx)
		if err == nil || ctx.Err() != nil {
			return
		}
		if listened { // a break after a good while: try again soon
			wait = time.Second
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// listen holds one connection until it breaks or ctx ends. Changes missed
// while there was no connection are announced as "*" once it is back.
// It reports whether it got as far as listening.
func (f *changeFeed) listen(ctx context.Context) (listened bool, err error) {
	conn, err := pgx.ConnectConfig(ctx, f.cfg)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+changeChannel); err != nil {
		return false, err
	}
	f.announce("*")
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return true, err
		}
		f.announce(n.Payload)
	}
}

func (f *changeFeed) announce(table string) {
	f.mu.Lock()
	subs := make([]func(string), 0, len(f.subs))
	for _, fn := range f.subs {
		subs = append(subs, fn)
	}
	f.mu.Unlock()
	for _, fn := range subs {
		fn(table)
	}
}

// OnChange calls fn, from a background goroutine, with the name of each
// table that changed on the server — by any coordinator, this one
// included — or "*" when changes may have been missed. A file has no
// other writers, so there fn is never called. The returned function stops
// the calls.
func (s *Store) OnChange(fn func(table string)) (stop func()) {
	f := s.feed
	if f == nil {
		return func() {}
	}
	f.mu.Lock()
	id := f.next
	f.next++
	f.subs[id] = fn
	f.mu.Unlock()
	return func() {
		f.mu.Lock()
		delete(f.subs, id)
		f.mu.Unlock()
	}
}
