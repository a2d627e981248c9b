package gcbudget

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, budget uint64
		want         int
	}{
		{0, 200 * mb, MaxPercent},
		{10 * mb, 200 * mb, MaxPercent}, // 4x live is under the budget
		{50 * mb, 200 * mb, MaxPercent}, // exactly 4x
		{80 * mb, 200 * mb, 150},        // the budget: 200 = 80 * 2.5
		{100 * mb, 200 * mb, 100},       // twice live: the default
		{400 * mb, 200 * mb, 100},       // over the budget: never below the default
		{10 * mb, 0, 100},               // no budget
	} {
		if got := Percent(c.live, c.budget); got != c.want {
			t.Errorf("Percent(%d MB, %d MB) = %d, want %d", c.live/mb, c.budget/mb, got, c.want)
		}
	}
}

// TestStart checks that GOGC follows the budget after each collection, and
// that stop sets it back.
func TestStart(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	stop := Start(1) // a budget of a byte: the default after a collection
	waitPercent(t, 100)
	stop()
	if got := gcPercent(); got != 100 {
		t.Fatalf("after stop GOGC = %d, want 100 (as before Start)", got)
	}

	stop = Start(1 << 40)   // a budget far above what a test holds
	debug.SetGCPercent(100) // as if set by someone else: the next collection's tuning undoes it
	waitPercent(t, MaxPercent)
	debug.SetGCPercent(100) // and again: each collection's finalizer arms the next
	waitPercent(t, MaxPercent)
	stop()
	if got := gcPercent(); got != 100 {
		t.Errorf("after stop GOGC = %d, want 100", got)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	if got := gcPercent(); got != 100 {
		t.Errorf("a collection after stop set GOGC to %d", got)
	}
}

// TestStartLeavesUserSetting checks that GOGC from the environment wins.
func TestStartLeavesUserSetting(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	stop := Start(1 << 40)
	defer stop()
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := gcPercent(); got != 150 {
		t.Errorf("GOGC = %d with GOGC=150 in the environment, want 150", got)
	}
}

// waitPercent collects until GOGC is want, or fails after a while.
func waitPercent(t *testing.T, want int) {
	t.Helper()
	got := 0
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond) // the finalizer runs on its own goroutine
		if got = gcPercent(); got == want {
			return
		}
	}
	t.Fatalf("GOGC = %d after collections, want %d", got, want)
}

// gcPercent returns GOGC as it is.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
