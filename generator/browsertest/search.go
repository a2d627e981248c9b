package browsertest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// SearchResult is one entry of the search box's result list.
type SearchResult struct {
	Title, Href, Where, Snippet string
	Marks                       []string
}

// Search types q into the page's search box as one input event, waits for
// the search to finish (or for "No results") and returns the status text
// and the results shown.
func Search(t testing.TB, ctx context.Context, q string) (status string, results []SearchResult) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	quoted, _ := json.Marshal(q)
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`(() => {
			const i = document.getElementById("search-input");
			window.__before = window.P2PCSearch ? (P2PCSearch.searches || 0) : 0;
			i.value = `+string(quoted)+`;
			i.dispatchEvent(new Event("input"));
			return true })()`, nil),
		chromedp.Poll(`window.P2PCSearch && (P2PCSearch.searches || 0) > window.__before ||
			document.getElementById("search-status").textContent.startsWith("No results")`, nil,
			chromedp.WithPollingInterval(5*time.Millisecond)),
		chromedp.Evaluate(`document.getElementById("search-status").textContent`, &status),
		chromedp.Evaluate(`[...document.querySelectorAll("#search-results [role=option]")].map(o => ({
			Title: o.querySelector(".search-title").textContent,
			Href: o.href,
			Where: o.querySelector(".search-where").textContent,
			Snippet: (o.querySelector(".search-snippet") || {}).textContent || "",
			Marks: [...o.querySelectorAll("mark")].map(m => m.textContent)}))`, &results),
	)
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return status, results
}
