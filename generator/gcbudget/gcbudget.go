// Package gcbudget lets Go's garbage collector use a fixed amount of memory
// before it works harder. By default (GOGC=100) a collection starts when
// the heap has grown to twice what the last one left live. A build of a
// few hundred lessons leaves little live, so it collects often for no
// gain: a tenth of its CPU time went to the collector.
//
// Start sets GOGC again after every collection, so that the next starts
// when the heap reaches the budget or four times what was live, whichever
// is less, and never sooner than by default. A small site collects a
// third as often; a site whose live heap is half the budget or more
// collects exactly as it would without it, so memory stays what it was
// where it is large. Unlike a memory limit (GOMEMLIMIT), the budget never
// makes the collector run more often than by default, however much is
// live.
package gcbudget

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// MaxPercent is the GOGC of a heap much smaller than the budget: the next
// collection starts at four times what was live.
const MaxPercent = 300

// Percent returns the GOGC that makes the next collection start when the
// heap reaches budget bytes, given live bytes live after the last one:
// between 100 (Go's default) and MaxPercent.
func Percent(live, budget uint64) int {
	if live == 0 {
		return MaxPercent
	}
	if budget <= 2*live {
		return 100
	}
	return int(min((budget-live)*100/live, MaxPercent))
}

// Start keeps GOGC set for budget until stop is called, which sets it back.
// It does nothing when the environment sets GOGC or GOMEMLIMIT: the user's
// own setting wins.
func Start(budget uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	t := &tuner{budget: budget, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.prev = debug.SetGCPercent(MaxPercent) // before the first collection little is live
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.stopped {
			t.stopped = true
			debug.SetGCPercent(t.prev)
		}
	}
}

// tuner sets GOGC after each collection, from a finalizer: the runtime
// runs a finalizer once the collection that found its object unreachable
// is done, and each one arms the next.
type tuner struct {
	budget uint64
	prev   int
	// mu makes a finalizer's setting and stop's one after the other: no
	// finalizer sets GOGC once stop has set it back
	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample // used by the finalizer goroutine alone
}

// sentinel is the object whose finalizer runs after a collection. It holds
// a pointer so that it is not a tiny allocation, whose finalizer may never
// run.
type sentinel struct {
	_ *tuner
	_ [16]byte
}

func (t *tuner) arm() {
	runtime.SetFinalizer(new(sentinel), func(*sentinel) {
		t.mu.Lock()
		defer t.mu.Unlock()
		if t.stopped {
			return
		}
		metrics.Read(t.sample)
		live := uint64(0)
		if v := t.sample[0].Value; v.Kind() == metrics.KindUint64 {
			live = v.Uint64()
		}
		debug.SetGCPercent(Percent(live, t.budget))
		t.arm()
	})
}
