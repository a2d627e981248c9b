package serve

import (
	"slices"
	"testing"
	"time"
)

// TestDebounceHoldsDuringRebuild: paths that arrive while the previous batch
// is being rebuilt (out not read) gather into one next batch.
func TestDebounceHoldsDuringRebuild(t *testing.T) {
	in := make(chan string)
	out := make(chan []string)
	go debounce(in, 10*time.Millisecond, out)
	in <- "a"
	in <- "b"
	in <- "a"
	if got := <-out; !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("first batch %q, want [a b]", got)
	}
	// "Rebuilding": out is not read while more paths come, some of them
	// after the quiet time has passed.
	in <- "c"
	time.Sleep(30 * time.Millisecond) // longer than the quiet time: c's batch is ready and held
	in <- "d"
	if got := <-out; !slices.Equal(got, []string{"c", "d"}) {
		t.Fatalf("second batch %q, want [c d]", got)
	}
	close(in)
	if _, ok := <-out; ok {
		t.Fatal("out not closed after in")
	}
}

// TestDebounceWaitsForQuiet: a batch is not sent while events keep coming.
func TestDebounceWaitsForQuiet(t *testing.T) {
	in := make(chan string)
	out := make(chan []string, 1)
	go debounce(in, 200*time.Millisecond, out)
	defer close(in)
	var last time.Time
	for i := range 10 {
		if i > 0 {
			time.Sleep(2 * time.Millisecond) // each event well inside the quiet time of the one before
		}
		in <- string(rune('a' + i))
		last = time.Now()
	}
	got := <-out
	if len(got) != 10 {
		t.Fatalf("batch %q, want all 10 paths", got)
	}
	if d := time.Since(last); d < 200*time.Millisecond {
		t.Errorf("batch %v after the last event, before the quiet time passed", d)
	}
}
