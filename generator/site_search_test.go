package generator_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// TestSearchDefaultSite types queries into the search box of the built
// default curriculum, from disk and over HTTP under a base path, and checks
// the top result and the section it links to.
func TestSearchDefaultSite(t *testing.T) {
	_, dir := defaultSite(t)
	srv := httptest.NewServer(http.StripPrefix("/some/base/", http.FileServer(http.Dir(dir))))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	tests := []struct{ q, title, anchor string }{
		{"hoohanohano", "Hoʻohanohano", "#hoohanohano"},
		{"Hoohanohano", "Hoʻohanohano", "#hoohanohano"},
		{"ho'ohanohano", "Hoʻohanohano", "#hoohanohano"},
		{"hoʻohanohano", "Hoʻohanohano", "#hoohanohano"},
		{"lokahi", "Lōkahi", "#lokahi"},
		{"kakou", "Kākou", "#kakou"},
		// The glossary entry and the lesson both carry the word in their
		// titles; either first is right, and the lesson must follow close.
		{"recip", "Law of Reciprocity|10. The Law of Reciprocity", ""},
		{"reciprocty", "Law of Reciprocity|10. The Law of Reciprocity", ""},
		{"spaced repetition", "Spaced repetition", "#spaced-repetition"},
		{"silos", "15. Fewer silos", ""},
	}
	for _, base := range []string{"file://" + dir + "/", srv.URL + "/some/base/"} {
		if err := chromedp.Run(ctx, chromedp.Navigate(base+"five-steps/ask/index.html"), chromedp.WaitVisible("#search-input")); err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			status, res := browsertest.Search(t, ctx, tt.q)
			if len(res) == 0 {
				t.Errorf("%s: no results (%q)", tt.q, status)
				continue
			}
			if !slices.Contains(strings.Split(tt.title, "|"), res[0].Title) || !strings.HasPrefix(res[0].Href, base) || !strings.Contains(res[0].Href, tt.anchor) {
				t.Errorf("%s%s: top result %q at %s, want %q ...%s", base, tt.q, res[0].Title, res[0].Href, tt.title, tt.anchor)
			}
			if alts := strings.Split(tt.title, "|"); len(alts) > 1 && !slices.ContainsFunc(res[:min(3, len(res))], func(r browsertest.SearchResult) bool { return r.Title == alts[len(alts)-1] }) {
				t.Errorf("%s: %q is not in the first three results", tt.q, alts[len(alts)-1])
			}
			if !strings.Contains(status, "result") {
				t.Errorf("%s: status %q does not announce the results", tt.q, status)
			}
		}
		// Word forms: the results for "benefits", "coaching" and "listened"
		// show the stem's other forms marked.
		for q, form := range map[string]string{"benefits": "benefit", "coaching": "coach", "listened": "listen"} {
			_, res := browsertest.Search(t, ctx, q)
			found := false
			for _, r := range res {
				for _, m := range r.Marks {
					found = found || strings.EqualFold(m, form)
				}
			}
			if !found {
				t.Errorf("%s: no result marks the form %q", q, form)
			}
		}
	}
}

// TestSearchKeyboard drives the combobox with keys only: / focuses, arrows
// move aria-activedescendant, Enter opens the section with the words marked,
// and Esc clears the marks. axe-core checks the open results list.
func TestSearchKeyboard(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 1280, 900)
	var focused, active, url string
	var marks int
	err := chromedp.Run(ctx,
		chromedp.Navigate("file://"+dir+"/index.html"),
		chromedp.WaitVisible("#search-input"),
		chromedp.KeyEvent("/"),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused != "search-input" {
		t.Fatalf("/ focused %q, want the search box", focused)
	}
	browsertest.Search(t, ctx, "reciprocity")
	for _, v := range browsertest.Axe(t, ctx, "") {
		t.Errorf("open results: %s", v)
	}
	err = chromedp.Run(ctx,
		// axe ran in between: the reader is back in the box, as after typing
		chromedp.Focus("#search-input"),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.AttributeValue("#search-input", "aria-activedescendant", &active, nil),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitReady("main mark"),
		chromedp.Location(&url),
		chromedp.Evaluate(`document.querySelectorAll("main mark").length`, &marks),
	)
	if err != nil {
		t.Fatal(err)
	}
	if active != "search-result-1" {
		t.Errorf("after two ArrowDowns aria-activedescendant = %q, want search-result-1", active)
	}
	if !strings.Contains(url, "highlight=") || marks == 0 {
		t.Errorf("Enter opened %s with %d marks; want the section with the words marked", url, marks)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.body.focus()`, nil),
		chromedp.ActionFunc(func(c context.Context) error {
			return input.DispatchKeyEvent(input.KeyDown).WithKey("Escape").WithCode("Escape").WithWindowsVirtualKeyCode(27).Do(c)
		}),
		chromedp.Evaluate(`document.querySelectorAll("main mark").length`, &marks),
	); err != nil {
		t.Fatal(err)
	}
	if marks != 0 {
		t.Errorf("Esc left %d marks on the page", marks)
	}
}
