package trainer_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/browsertest"
)

// publish builds content into dir, as the build command would.
func publish(t *testing.T, content fs.FS, dir string) {
	t.Helper()
	site, _ := build(t, content)
	if err := generator.Write(dir, site.Files); err != nil {
		t.Fatal(err)
	}
}

// The browser helpers every feature's tests use.
var (
	fileURL = browsertest.FileURL
	tab     = browsertest.Tab
	run     = browsertest.Run
	eval    = browsertest.Eval
	open    = browsertest.Open
)

// state describes the switch and the first trainer note as a reader sees
// them: "pressed/label/note display", or "none" without a switch.
const state = `(() => {
  const b = document.getElementById("trainer-view");
  const n = document.querySelector(".trainer-note");
  const shown = n ? getComputedStyle(n).display : "no-note";
  if (!b) return "none/" + shown;
  return b.getAttribute("aria-pressed") + "/" + b.textContent + "/" + shown;
})()`

// TestTrainerView switches the view on and off in headless Chromium from
// file:// pages: the notes show and hide, the choice holds over a reload
// and on other pages, and the switch sits in the header.
func TestTrainerView(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir := filepath.Join(t.TempDir(), "site")
	publish(t, small, dir)
	ctx := tab(t, b)
	console, err := browsertest.WatchConsole(ctx)
	if err != nil {
		t.Fatal(err)
	}
	step := func(what, want string) {
		t.Helper()
		if got := eval(t, ctx, state); got != want {
			t.Errorf("%s: switch/note = %q, want %q", what, got, want)
		}
	}
	open(t, ctx, dir, "mod/one/index.html")
	step("first visit", "false/Trainer view: off/none")
	if got := eval(t, ctx, `document.querySelector(".header-tools #trainer-view + #theme-toggle") !== null`); got != "true" {
		t.Error("the switch is not in the header, before the theme switch")
	}
	if got := eval(t, ctx, `(b => b.innerText === "Trainer view: off" && b.querySelector("[aria-hidden=true]") !== null)(document.getElementById("trainer-view"))`); got != "true" {
		t.Error("the switch's visible state is not aria-hidden (its name must stay Trainer view)")
	}
	run(t, ctx, chromedp.Click("#trainer-view", chromedp.ByQuery))
	step("switched on", "true/Trainer view: on/block")
	if got := eval(t, ctx, `getComputedStyle(document.querySelector(".trainer-note"), "::before").content`); got != `"For trainers — hidden from learners"` {
		t.Errorf("the note's band says %s", got)
	}
	if got := eval(t, ctx, `localStorage.getItem("p2pc:v1:" + document.body.dataset.site + ":trainer-view")`); got != "on" {
		t.Errorf("stored %q, want on", got)
	}
	run(t, ctx, chromedp.Reload(), chromedp.Poll(`document.readyState === "complete"`, nil))
	step("after a reload", "true/Trainer view: on/block")
	open(t, ctx, dir, "mod/no-notes/index.html")
	step("a page without notes, view on", "true/Trainer view: on/no-note")
	run(t, ctx, chromedp.Click("#trainer-view", chromedp.ByQuery))
	step("switched off there", "false/Trainer view: off/no-note")
	open(t, ctx, dir, "mod/no-notes/index.html")
	step("a page without notes, view off", "none/no-note")
	open(t, ctx, dir, "mod/two/index.html")
	step("another lesson, view off", "false/Trainer view: off/none")
	open(t, ctx, dir, "facilitator-guide/index.html")
	step("the guide", "false/Trainer view: off/no-note")
	if msgs := console.Take(); len(msgs) > 0 {
		t.Errorf("console: %v", msgs)
	}
}

// TestTrainerViewWithoutStorage: where the browser refuses storage the
// switch still works on the page, quietly.
func TestTrainerViewWithoutStorage(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir := filepath.Join(t.TempDir(), "site")
	publish(t, small, dir)
	ctx := tab(t, b)
	console, err := browsertest.WatchConsole(ctx)
	if err != nil {
		t.Fatal(err)
	}
	refuse := `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("refused", "SecurityError"); }});`
	run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(refuse).Do(ctx)
		return err
	}))
	open(t, ctx, dir, "mod/one/index.html")
	run(t, ctx, chromedp.Click("#trainer-view", chromedp.ByQuery))
	if got := eval(t, ctx, state); got != "true/Trainer view: on/block" {
		t.Errorf("without storage, switched on: %q", got)
	}
	open(t, ctx, dir, "mod/one/index.html")
	if got := eval(t, ctx, state); got != "false/Trainer view: off/none" {
		t.Errorf("without storage, after loading again: %q (nothing can be remembered)", got)
	}
	if msgs := console.Take(); len(msgs) > 0 {
		t.Errorf("console: %v", msgs)
	}
}

// TestAxe checks, with axe-core, the facilitator guide of the real
// curriculum and a lesson with the trainer view on, light and dark.
func TestAxe(t *testing.T) {
	b := browsertest.New(t, 1000, 900)
	dir, _, _ := curriculum(t)
	for _, theme := range []string{"light", "dark"} {
		for name, page := range map[string]string{"guide": "facilitator-guide/index.html", "lesson": "five-steps/ask/index.html"} {
			t.Run(name+" "+theme, func(t *testing.T) {
				ctx := tab(t, b)
				open(t, ctx, dir, page)
				eval(t, ctx, `localStorage.setItem("p2pc-theme", "`+theme+`")`)
				eval(t, ctx, `localStorage.setItem("p2pc:v1:" + document.body.dataset.site + ":trainer-view", "on")`)
				open(t, ctx, dir, page)
				if got := eval(t, ctx, `document.documentElement.dataset.theme + " " + document.documentElement.classList.contains("show-trainer")`); got != theme+" true" {
					t.Fatalf("theme and view: %s", got)
				}
				for _, v := range browsertest.Axe(t, ctx, "") {
					t.Errorf("%s %s: %s", name, theme, v)
				}
			})
		}
	}
}
