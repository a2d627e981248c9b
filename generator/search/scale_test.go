package search

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestBrowserScale measures the search of a 10,000-lesson curriculum in
// headless Chromium: the kilobytes of index files the first query loads
// and the time each keystroke's search takes, from the input event to the
// results shown. It runs only with SEARCH_SCALE=1 (and without -short):
//
//	SEARCH_SCALE=1 go test -run TestBrowserScale -v ./generator/search/
func TestBrowserScale(t *testing.T) {
	if os.Getenv("SEARCH_SCALE") == "" {
		t.Skip("set SEARCH_SCALE=1 to measure the search of 10,000 lessons")
	}
	ctx := newBrowser(t)
	docs := syntheticDocs(10000)
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSiteFiles(t, docs, false)
	c := newCorpus(42)
	w := func(rank int) string { return c.content[rank] }
	queries := []string{
		"reciprocity", // the first query, typed on a fresh page
		"coaching peers",
		w(40) + " " + w(400),
		w(3000),
		w(12000) + " " + w(7),
		`"` + w(2) + " " + w(3) + `"`,
		"listened " + w(900)[:len(w(900))-1] + "x", // a typo in the last word
		"benefits",
		w(150) + " " + w(60) + " " + w(25),
	}
	loaded := func() (kb float64, names []string) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`P2PCSearch.loaded`, &names)); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, name := range names {
			n += len(files["search/"+name+".js"])
		}
		return float64(n) / 1000, names
	}
	var times []float64
	typeQuery := func(q string) {
		t.Helper()
		for i := range q {
			var before int
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`P2PCSearch.searches || 0`, &before),
				chromedp.SendKeys("#search-input", q[i:i+1], chromedp.ByID),
			); err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(q[:i+1]) == "" || q[i] == ' ' || q[i] == '"' && i == 0 {
				continue // a space or a lone quote may not change the query
			}
			var ms float64
			wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			err := chromedp.Run(wctx,
				chromedp.Poll(fmt.Sprintf(`(P2PCSearch.searches || 0) > %d`, before), nil, chromedp.WithPollingInterval(time.Millisecond)),
				chromedp.Evaluate(`P2PCSearch.lastMs`, &ms),
			)
			cancel()
			if err != nil {
				t.Fatalf("%q after %q: %v", q, q[:i+1], err)
			}
			times = append(times, ms)
		}
	}
	open(t, ctx, "file://"+dir+"/index.html")
	typeQuery(queries[0])
	firstKB, names := loaded()
	var status string
	chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("search-status").textContent`, &status))
	t.Logf("first query %q typed letter by letter: %.1f KB in %d files; %s", queries[0], firstKB, len(names), status)
	firstTimes := slices.Clone(times)

	// The same query pasted at once, on a fresh page.
	open(t, ctx, "file://"+dir+"/index.html")
	status, res := browsertest.Search(t, ctx, queries[0])
	pastedKB, names := loaded()
	t.Logf("first query %q pasted: %.1f KB in %d files; %s; top %q", queries[0], pastedKB, len(names), status, res[0].Title)

	for _, q := range queries[1:] {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("search-input").value = ""`, nil)); err != nil {
			t.Fatal(err)
		}
		typeQuery(q)
		status, _ := currentStatus(ctx)
		t.Logf("%q: %s", q, status)
	}
	totalKB, names := loaded()
	slices.Sort(times)
	slices.Sort(firstTimes)
	t.Logf("keystrokes: %d, median %.2f ms, 90th percentile %.2f ms, max %.2f ms (first query median %.2f ms); %.0f KB in %d files loaded for all %d queries",
		len(times), times[len(times)/2], times[len(times)*9/10], times[len(times)-1], firstTimes[len(firstTimes)/2], totalKB, len(names), len(queries))
	if firstKB > 150 || pastedKB > 150 {
		t.Errorf("the first query loaded %.1f KB typed, %.1f KB pasted; want at most 150 KB", firstKB, pastedKB)
	}
	if m := times[len(times)/2]; m >= 20 {
		t.Errorf("median keystroke took %.2f ms, want under 20 ms", m)
	}
}

func currentStatus(ctx context.Context) (string, error) {
	var s string
	err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("search-status").textContent`, &s))
	return s, err
}
