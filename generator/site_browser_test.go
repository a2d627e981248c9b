package generator_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// pageTypes are one page of each kind in the default site.
var pageTypes = []string{
	"index.html",                 // home
	"five-steps/index.html",      // module
	"five-steps/ask/index.html",  // lesson
	"values/glossary/index.html", // glossary
	"about/index.html",           // top-level page
	"404.html",                   // not found
	"cards/index.html",           // generated: decks
	"worksheets/index.html",      // generated: worksheets
}

func htmlPages(files map[string][]byte) []string {
	var out []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// TestPagesLoadWithoutErrors opens every page of the default site from disk
// and over HTTP under a base path, and fails on any console error or
// resource that does not load.
func TestPagesLoadWithoutErrors(t *testing.T) {
	site, dir := defaultSite(t)
	srv := httptest.NewServer(http.StripPrefix("/some/base/", http.FileServer(http.Dir(dir))))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	console, err := browsertest.WatchConsole(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, base := range []string{"file://" + dir + "/", srv.URL + "/some/base/"} {
		for _, name := range htmlPages(site.Files) {
			if err := chromedp.Run(ctx, chromedp.Navigate(base+name), chromedp.WaitReady("body")); err != nil {
				t.Fatalf("open %s: %v", base+name, err)
			}
			for _, e := range console.Take() {
				t.Errorf("%s%s: %s", base, name, e)
			}
		}
	}
}

func TestDarkModeToggle(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 1280, 900)
	var before, after, remembered, pressed string
	url := "file://" + dir + "/five-steps/ask/index.html"
	err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible("#theme-toggle"),
		chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &before),
		chromedp.Click("#theme-toggle"),
		chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &after),
		chromedp.AttributeValue("#theme-toggle", "aria-pressed", &pressed, nil),
		chromedp.Reload(),
		chromedp.WaitVisible("#theme-toggle"),
		chromedp.Evaluate(`document.documentElement.dataset.theme + " " + getComputedStyle(document.body).backgroundColor`, &remembered),
	)
	if err != nil {
		t.Fatal(err)
	}
	if before != "rgb(255, 255, 255)" || after == before {
		t.Errorf("background before %s, after toggle %s: want white, then dark", before, after)
	}
	if pressed != "true" {
		t.Errorf("aria-pressed = %q after switching to dark, want true", pressed)
	}
	if remembered != "dark "+after {
		t.Errorf("after reload: %q, want the dark theme remembered (%s)", remembered, after)
	}
}

// TestNarrowScreens loads each page type 320 px wide: nothing may scroll sideways.
func TestNarrowScreens(t *testing.T) {
	site, dir := defaultSite(t)
	ctx := browsertest.New(t, 320, 700)
	for _, name := range pageTypes {
		if _, ok := site.Files[name]; !ok {
			t.Errorf("default site has no %s", name)
			continue
		}
		var scrollWidth, clientWidth int
		if err := chromedp.Run(ctx,
			chromedp.Navigate("file://"+dir+"/"+name),
			chromedp.WaitReady("body"),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
			chromedp.Evaluate(`document.documentElement.clientWidth`, &clientWidth),
		); err != nil {
			t.Fatal(err)
		}
		if clientWidth != 320 || scrollWidth > clientWidth {
			t.Errorf("%s at 320 px: content is %d px wide in a %d px viewport", name, scrollWidth, clientWidth)
		}
	}
	var shot []byte
	if err := chromedp.Run(ctx, chromedp.Navigate("file://"+dir+"/five-steps/ask/index.html"), chromedp.WaitReady("body"), chromedp.CaptureScreenshot(&shot)); err != nil {
		t.Fatal(err)
	}
	if len(shot) < 1000 {
		t.Errorf("screenshot is only %d bytes", len(shot))
	}
}

// TestAccessibility runs axe-core (WCAG 2.1 AA) on every page of the
// default site in the light theme, and its colour-contrast rule in the
// dark theme (which changes colours alone).
func TestAccessibility(t *testing.T) {
	site, dir := defaultSite(t)
	ctx := browsertest.New(t, 1280, 900)
	for _, theme := range []string{"light", "dark"} {
		for _, name := range htmlPages(site.Files) {
			if _, ok := site.Files[name]; !ok {
				t.Errorf("default site has no %s", name)
				continue
			}
			if err := chromedp.Run(ctx,
				chromedp.Navigate("file://"+dir+"/"+name),
				chromedp.WaitReady("body"),
				chromedp.Evaluate(fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q)`, theme), nil),
				chromedp.Sleep(50*time.Millisecond), // let the new colours apply before measuring contrast
			); err != nil {
				t.Fatal(err)
			}
			check := browsertest.Axe
			if theme == "dark" { // the same page in other colours: what colours can break
				check = browsertest.AxeContrast
			}
			for _, v := range check(t, ctx, "") {
				t.Errorf("%s (%s theme): %s", name, theme, v)
			}
		}
	}
}
