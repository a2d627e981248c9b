package search_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// writeFiles writes a built site's files into a new folder.
func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBrowserDefaultSiteResults searches the default curriculum, built and
// opened from disk, as a new user does: a word of a card gives the card
// alone, a lesson result opens at the section with the word or, for words
// of its title, at the top, and a question's result shows its prompt
// without its choices.
func TestBrowserDefaultSiteResults(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	site := buildSite(t, os.DirFS("../../content"))
	base := "file://" + writeFiles(t, site.Files) + "/"
	ctx := browsertest.New(t, 1280, 900)
	home := func(t *testing.T) {
		t.Helper()
		if err := chromedp.Run(ctx, chromedp.Navigate(base+"index.html"), chromedp.WaitVisible("#search-input", chromedp.ByID)); err != nil {
			t.Fatal(err)
		}
	}
	// open searches for q, clicks the result with the title and kind, and
	// returns the page's location.hash and scroll position once it opened.
	open := func(t *testing.T, q, title, kind, page string) (hash string, scrollY float64) {
		t.Helper()
		home(t)
		_, res := browsertest.Search(t, ctx, q)
		i := -1
		for j, r := range res {
			if r.Title == title && strings.HasPrefix(r.Where, kind) {
				i = j
				break
			}
		}
		if i < 0 {
			t.Fatalf("%s: no %s %q among the results %+v", q, kind, title, res)
		}
		tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, err := chromedp.RunResponse(tctx, chromedp.Click("#search-result-"+strconv.Itoa(i), chromedp.ByID))
		if err == nil {
			var path string
			err = chromedp.Run(tctx, chromedp.Evaluate(`location.pathname`, &path),
				chromedp.Evaluate(`location.hash`, &hash), chromedp.Evaluate(`window.scrollY`, &scrollY))
			if err == nil && !strings.HasSuffix(path, "/"+page) {
				t.Fatalf("%s: clicking %s %q opened %s, want %s", q, kind, title, path, page)
			}
		}
		if err != nil {
			t.Fatalf("%s: opening %s %q (%s): %v", q, kind, title, res[i].Href, err)
		}
		return hash, scrollY
	}

	t.Run("card once", func(t *testing.T) {
		// "humble" is written in the card of lesson 14 and nowhere else.
		home(t)
		status, res := browsertest.Search(t, ctx, "humble")
		if len(res) != 1 || !strings.HasPrefix(status, "1 result") {
			t.Fatalf("humble: %q %+v, want the card alone", status, res)
		}
		if r := res[0]; !strings.HasPrefix(r.Where, "Card") ||
			!strings.HasPrefix(r.Href, base+"benefits/open-minded-listening/index.html?") || !strings.HasSuffix(r.Href, "#card-open-listening") {
			t.Errorf("humble: result %+v, want the card on its lesson, benefits/open-minded-listening/index.html#card-open-listening", r)
		}
	})

	t.Run("section", func(t *testing.T) {
		// "refund" is in the section "What the step is" of Step 1.
		hash, _ := open(t, "refund", "Step 1: Ask for coaching", "Lesson", "five-steps/ask/index.html")
		if hash != "#what" {
			t.Errorf("refund: the lesson opened at %q, want #what", hash)
		}
	})

	t.Run("title", func(t *testing.T) {
		// The words of the title are also the heading of the lesson's card.
		hash, y := open(t, "ask for coaching", "Step 1: Ask for coaching", "Lesson", "five-steps/ask/index.html")
		if hash != "" || y != 0 {
			t.Errorf("ask for coaching: the lesson opened at %q, scrolled %v px, want its top", hash, y)
		}
	})

	t.Run("question", func(t *testing.T) {
		home(t)
		const prompt = "Tessa wants coaching on how to calm upset parents at the school office. Which plan is best?"
		_, res := browsertest.Search(t, ctx, "Tessa")
		if len(res) != 1 || !strings.HasPrefix(res[0].Where, "Question") {
			t.Fatalf("Tessa: %+v, want the question alone", res)
		}
		if s := res[0].Snippet; !strings.Contains(s, prompt) || strings.Contains(s, "Tama") {
			t.Errorf("Tessa: snippet %q, want the prompt %q without the choices", s, prompt)
		}
		if !strings.HasSuffix(res[0].Href, "#q-ask-moment") {
			t.Errorf("Tessa: result links to %s, want #q-ask-moment", res[0].Href)
		}
	})
}
