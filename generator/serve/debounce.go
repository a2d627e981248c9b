package serve

import (
	"slices"
	"time"
)

// debounce gathers the paths read from in into batches: a batch is sent on
// out once no new path has arrived for the quiet time wait, so a burst of
// events (an editor's save, a checkout, a folder copied in) makes one batch.
// While out is not being read (a rebuild is running) paths keep gathering,
// and the next batch holds them all. When in is closed it drops what it
// holds and closes out.
func debounce(in <-chan string, wait time.Duration, out chan<- []string) {
	defer close(out)
	timer := time.NewTimer(wait)
	timer.Stop()
	pending := map[string]bool{}
	var fire <-chan time.Time
	var send chan<- []string // nil until a batch is ready
	var ready []string
	for {
		select {
		case p, ok := <-in:
			if !ok {
				timer.Stop()
				return
			}
			pending[p] = true
			timer.Reset(wait)
			fire, send = timer.C, nil // hold a ready batch back until the burst is over
		case <-fire:
			fire = nil
			for p := range pending {
				if !slices.Contains(ready, p) {
					ready = append(ready, p)
				}
			}
			clear(pending)
			slices.Sort(ready)
			send = out
		case send <- ready:
			ready, send = nil, nil
		}
	}
}
