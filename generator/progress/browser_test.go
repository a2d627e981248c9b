package progress_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

const (
	first  = "basics/first/index.html"
	second = "basics/second/index.html"
	third  = "basics/third/index.html"
)

// toggle is the "Mark as done" button's pressed state.
func toggle(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval(t, ctx, `document.querySelector("button.pg-toggle").getAttribute("aria-pressed")`)
}

// marked lists the texts of the links that carry a done tick.
func marked(t *testing.T, ctx context.Context, scope string) string {
	t.Helper()
	return eval(t, ctx, `[...document.querySelectorAll("`+scope+` a.pg-done")].map(a => a.textContent.trim()).join("|")`)
}

func TestBrowser(t *testing.T) {
	b := browsertest.New(t, 1100, 900)

	t.Run("mark done, reload, ticks and counts", func(t *testing.T) {
		dir := publish(t, course("Mark test"))
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelector("header .course-start a.start-course").textContent`); got != "Start the course" {
			t.Errorf("before any lesson, the home page's button is %q", got)
		}
		open(t, ctx, dir, first)
		if got := toggle(t, ctx); got != "false" {
			t.Fatalf("a new lesson is pressed=%s", got)
		}
		if got := eval(t, ctx, `document.querySelector(".pg-mark").previousElementSibling.className`); got != "content" {
			t.Errorf("the Mark as done box follows %q, want the lesson's content", got)
		}
		run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery))
		want(t, "status", eval(t, ctx, `document.querySelector(".pg-note").textContent`), "Marked as done.")
		open(t, ctx, dir, third)
		run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery), chromedp.Reload())
		waitFor(t, ctx, `document.querySelector("button.pg-toggle")`)
		if got := toggle(t, ctx); got != "true" {
			t.Errorf("after reload, the third lesson is pressed=%s", got)
		}
		if got := marked(t, ctx, "#curriculum"); got != "First lesson✓ (done)|Third lesson✓ (done)" {
			t.Errorf("sidebar ticks: %q", got)
		}
		if got := eval(t, ctx, `document.querySelector("#curriculum a.pg-done .pg-tick").getAttribute("aria-hidden")`); got != "true" {
			t.Error("the tick is not hidden from screen readers (they hear “(done)”)")
		}
		open(t, ctx, dir, "basics/index.html")
		if got := eval(t, ctx, `[...document.querySelectorAll("main p.pg-count")].map(p => p.textContent).join("|")`); got != "2 of 3 lessons done|2 of 3 lessons done" {
			t.Errorf("module page counts (header, lesson list) %q", got)
		}
		open(t, ctx, dir, "more/index.html")
		if got := eval(t, ctx, `document.querySelector("main p.pg-count").textContent`); got != "0 of 2 lessons done" {
			t.Errorf("module page with a nested module: count %q", got)
		}
		open(t, ctx, dir, "index.html")
		waitFor(t, ctx, `document.querySelector(".pg-home")`)
		if got := eval(t, ctx, `document.querySelector(".pg-overall").textContent`); got != "2 of 5 lessons done" {
			t.Errorf("home count %q", got)
		}
		// The last lesson opened (third) is done: continue with the next one not done.
		if got := eval(t, ctx, `document.querySelector("a.pg-continue").getAttribute("href")`); got != "more/fourth/index.html" {
			t.Errorf("Continue leads to %q", got)
		}
		want(t, "Continue link", eval(t, ctx, `document.querySelector("a.pg-continue").textContent`), "Continue where you left off“Fourth lesson”")
		open(t, ctx, dir, second)
		open(t, ctx, dir, "index.html")
		waitFor(t, ctx, `document.querySelector("a.pg-continue")`)
		if got := eval(t, ctx, `document.querySelector("a.pg-continue").getAttribute("href")`); got != "basics/second/index.html" {
			t.Errorf("after opening the second lesson, Continue leads to %q", got)
		}
		open(t, ctx, dir, first)
		run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery))
		if got := toggle(t, ctx); got != "false" {
			t.Error("a second press did not undo the mark")
		}
		if got := marked(t, ctx, "#curriculum"); got != "Third lesson✓ (done)" {
			t.Errorf("after undoing, sidebar ticks: %q", got)
		}
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("checking a worksheet marks its lesson", func(t *testing.T) {
		dir := publish(t, course("Worksheet test"))
		ctx := tab(t, b)
		open(t, ctx, dir, second)
		waitFor(t, ctx, `document.querySelector(".ws-toolbar:not([hidden])")`)
		if got := toggle(t, ctx); got != "false" {
			t.Fatalf("pressed=%s before checking", got)
		}
		run(t, ctx, chromedp.Click(`label[for="q-t-c2"]`, chromedp.ByQuery), chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))
		if got := toggle(t, ctx); got != "true" {
			t.Fatal("checking the worksheet (even with a wrong answer) did not mark the lesson done")
		}
		want(t, "status", eval(t, ctx, `document.querySelector(".pg-note").textContent`), "you checked this lesson's worksheet")
		run(t, ctx, chromedp.Reload())
		waitFor(t, ctx, `document.querySelector("button.pg-toggle")`)
		if got := toggle(t, ctx); got != "true" {
			t.Error("after reload the lesson is not done")
		}
	})

	t.Run("save to a file, reset, load it back", func(t *testing.T) {
		dir := publish(t, course("Export test"))
		downloads := t.TempDir()
		ctx := tab(t, b)
		run(t, ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads))
		for _, p := range []string{first, third} {
			open(t, ctx, dir, p)
			run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery))
		}
		open(t, ctx, dir, "progress/index.html")
		waitFor(t, ctx, `!document.querySelector(".pg-summary").hidden`)
		if got := eval(t, ctx, `document.querySelector(".pg-overall").textContent`); got != "2 of 5 lessons done" {
			t.Errorf("progress page count %q", got)
		}
		if got := marked(t, ctx, ".pg-course"); got != "First lesson✓ (done)|Third lesson✓ (done)" {
			t.Errorf("progress page ticks: %q", got)
		}
		run(t, ctx, chromedp.Click("button.pg-export", chromedp.ByQuery))
		name, data := waitFile(t, filepath.Join(downloads, "p2pc-progress-*.json"))
		var saved struct {
			Format  string            `json:"format"`
			Version int               `json:"version"`
			Site    string            `json:"site"`
			Done    map[string]string `json:"done"`
		}
		if err := json.Unmarshal(data, &saved); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, data)
		}
		if saved.Format != "p2pc-progress" || saved.Version != 1 || saved.Site == "" || len(saved.Done) != 2 ||
			saved.Done["basics/first/"] == "" || saved.Done["basics/third/"] == "" {
			t.Errorf("saved file: %+v", saved)
		}

		run(t, ctx, chromedp.Click("button.pg-reset", chromedp.ByQuery))
		if got := eval(t, ctx, `!document.querySelector(".pg-confirm").hidden && document.activeElement.className`); got != "pg-confirm-no" {
			t.Fatalf("Reset did not ask first (focus on %q)", got)
		}
		run(t, ctx, chromedp.KeyEvent(kb.Escape))
		if got := eval(t, ctx, `document.querySelector(".pg-confirm").hidden + " " + document.activeElement.className`); got != "true pg-reset" {
			t.Errorf("Escape should close the question and return to Reset: %q", got)
		}
		run(t, ctx, chromedp.Click("button.pg-reset", chromedp.ByQuery), chromedp.Click("button.pg-confirm-no", chromedp.ByQuery))
		if got := eval(t, ctx, `document.querySelector(".pg-overall").textContent`); got != "2 of 5 lessons done" {
			t.Errorf("after Keep my progress, the count is %q", got)
		}
		run(t, ctx, chromedp.Click("button.pg-reset", chromedp.ByQuery), chromedp.Click("button.pg-confirm-yes", chromedp.ByQuery))
		if got := eval(t, ctx, `document.querySelector(".pg-overall").textContent + "|" + document.querySelectorAll("a.pg-done").length`); got != "0 of 5 lessons done|0" {
			t.Errorf("after reset: %q", got)
		}
		want(t, "message", eval(t, ctx, `document.querySelector(".pg-message").textContent`), "Your progress is reset")

		bad := filepath.Join(t.TempDir(), "notes.json")
		writeFile(t, bad, `{"hello": 1}`)
		run(t, ctx, chromedp.SetUploadFiles("input.pg-import", []string{bad}, chromedp.ByQuery))
		waitFor(t, ctx, `document.querySelector(".pg-message").textContent.includes("not a progress file")`)
		run(t, ctx, chromedp.SetUploadFiles("input.pg-import", []string{name}, chromedp.ByQuery))
		waitFor(t, ctx, `document.querySelector(".pg-message").textContent.includes("Loaded")`)
		want(t, "message", eval(t, ctx, `document.querySelector(".pg-message").textContent`), "Loaded 2 done lessons from the file; 2 new here.")
		if got := eval(t, ctx, `document.querySelector(".pg-overall").textContent`); got != "2 of 5 lessons done" {
			t.Errorf("after loading the file: %q", got)
		}
		open(t, ctx, dir, third)
		if got := toggle(t, ctx); got != "true" {
			t.Error("after loading the file, the third lesson is not done")
		}
	})

	t.Run("storage refused", func(t *testing.T) {
		dir := publish(t, course("Refused test"))
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(`(() => {
  const no = () => { throw new DOMException("The quota has been exceeded.", "QuotaExceededError") };
  Storage.prototype.setItem = no; Storage.prototype.getItem = no; Storage.prototype.removeItem = no;
})()`).Do(ctx)
			return err
		}))
		open(t, ctx, dir, first)
		run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery))
		if got := toggle(t, ctx); got != "true" {
			t.Error("without storage, the button does not mark the lesson for this visit")
		}
		want(t, "note", eval(t, ctx, `document.querySelector(".pg-note").textContent`), "not keeping site data")
		if got := marked(t, ctx, "#curriculum"); got != "First lesson✓ (done)" {
			t.Errorf("sidebar ticks without storage: %q", got)
		}
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelectorAll(".pg-home").length`); got != "0" {
			t.Error("without storage the home page claims progress")
		}
		if got := eval(t, ctx, `document.querySelector("header .course-start a.start-course").textContent`); got != "Start the course" {
			t.Errorf("home page without storage shows %q", got)
		}
		open(t, ctx, dir, "progress/index.html")
		waitFor(t, ctx, `!document.querySelector(".pg-summary").hidden`)
		want(t, "notice", eval(t, ctx, `document.querySelector(".pg-message").textContent`), "not keeping site data")
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		dir := publish(t, course("No JS test"))
		ctx := tab(t, b)
		run(t, ctx, emulation.SetScriptExecutionDisabled(true))
		open(t, ctx, dir, first)
		if got := eval(t, ctx, `document.querySelectorAll(".pg-mark, .pg-tick").length`); got != "0" {
			t.Error("progress marks appear without JavaScript")
		}
		open(t, ctx, dir, "index.html")
		if got := eval(t, ctx, `document.querySelector(".course-start a.start-course").getAttribute("href")`); got != first {
			t.Errorf("Start the course leads to %q", got)
		}
		open(t, ctx, dir, "progress/index.html")
		got := eval(t, ctx, `[...document.querySelectorAll(".pg-course a")].map(a => a.getAttribute("href")).join(" ") + "|" + document.querySelector(".pg-tools").hidden + "|" + document.querySelector(".pg-nojs").hidden`)
		if want := "../basics/index.html ../basics/first/index.html ../basics/second/index.html ../basics/third/index.html ../more/index.html ../more/fourth/index.html ../more/deep/fifth/index.html|true|false"; got != want {
			t.Errorf("progress page without JavaScript:\n got %s\nwant %s", got, want)
		}
	})

	for _, theme := range []string{"light", "dark"} {
		t.Run("axe "+theme, func(t *testing.T) {
			dir := publish(t, course("Axe test "+theme))
			ctx := tab(t, b)
			check := func(label string) {
				t.Helper()
				eval(t, ctx, `document.documentElement.dataset.theme = "`+theme+`"`)
				for _, v := range browsertest.Axe(t, ctx, "") {
					t.Errorf("%s (%s): %s", label, theme, v)
				}
			}
			open(t, ctx, dir, "index.html")
			check("home, not begun")
			open(t, ctx, dir, first)
			check("lesson")
			run(t, ctx, chromedp.Click("button.pg-toggle", chromedp.ByQuery))
			check("lesson marked done")
			open(t, ctx, dir, "index.html")
			waitFor(t, ctx, `document.querySelector(".pg-home")`)
			check("home with Continue")
			open(t, ctx, dir, "basics/index.html")
			check("module page with count")
			open(t, ctx, dir, "progress/index.html")
			waitFor(t, ctx, `!document.querySelector(".pg-summary").hidden`)
			run(t, ctx, chromedp.Click("button.pg-reset", chromedp.ByQuery))
			check("progress page asking to reset")
		})
	}
}
