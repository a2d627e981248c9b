package generator_test

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// TestTabs opens a Workbench episode with two group-tab boxes and a tab
// box: each becomes a tab list showing one section; choosing Mac in one
// group-tab box chooses it in the other and not in the plain tab box;
// arrow keys move between tabs; a link to a heading in a hidden section
// shows it; a heading with nothing under it (Docsy's disabled tab) is a
// label; printed, every section shows.
func TestTabs(t *testing.T) {
	group := "::: group-tab\n\n### Windows\n\nUse dir.\n\n### Mac\n\nUse ls.\n\n:::\n\n"
	mapFS := fstest.MapFS{
		"config.yaml":        {Data: []byte("title: T\nepisodes:\n- a.md\n")},
		"index.md":           {Data: []byte("Hi.\n")},
		"episodes/a.md":      {Data: []byte("---\ntitle: A\n---\n" + group + group + "::: tab\n\n### Windows\n\nPlain one.\n\n### Mac\n\n#### Deep {#deep}\n\nPlain two.\n\n:::\n\n::: tab\n\n### Files:\n\n### a.toml\n\nx = 1\n\n### a.yaml\n\nx: 1\n\n:::\n")},
		"episodes/other.txt": {Data: []byte("x")},
	}
	dir := writtenSite(t, mapFS)
	ctx := browsertest.New(t, 1100, 900)
	browsertest.Open(t, ctx, dir, "episodes/a/index.html")
	browsertest.WaitFor(t, ctx, `document.querySelectorAll(".tabs-ready").length === 4`)
	shown := func() string {
		return browsertest.Eval(t, ctx, `[...document.querySelectorAll(".tabs")].map(b =>
  [...b.querySelectorAll("[role=tabpanel]")].map(p => getComputedStyle(p).display === "none" ? "-" : p.lastElementChild.textContent.trim()).join("|")).join(" / ")`)
	}
	if got, want := shown(), "Use dir.|- / Use dir.|- / Plain one.|- / x = 1|-"; got != want {
		t.Errorf("at first: %q, want %q", got, want)
	}
	browsertest.Run(t, ctx, chromedp.Click(`.tabs:nth-of-type(1) [role=tab]:nth-child(2)`, chromedp.ByQuery))
	if got, want := shown(), "-|Use ls. / -|Use ls. / Plain one.|- / x = 1|-"; got != want {
		t.Errorf("after choosing Mac in the first group: %q, want %q", got, want)
	}
	roles := browsertest.Eval(t, ctx, `(() => { const t = document.querySelector(".tabs [role=tab][aria-selected=true]");
  return t.textContent + " " + t.getAttribute("aria-controls") + " " + document.getElementById(t.getAttribute("aria-controls")).getAttribute("aria-labelledby") + " " + t.tabIndex })()`)
	if want := "Mac tabs0-1 tabs0-1-tab 0"; roles != want {
		t.Errorf("selected tab: %q, want %q", roles, want)
	}
	browsertest.Run(t, ctx, chromedp.Focus(`.tabs:nth-of-type(1) [role=tab]:nth-child(2)`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight)) // wraps to the first
	if got := browsertest.Eval(t, ctx, `document.activeElement.textContent`); got != "Windows" {
		t.Errorf("after ArrowRight the focus is on %q, want Windows", got)
	}
	if got := browsertest.Eval(t, ctx, `[...document.querySelectorAll(".tabs")[3].querySelector(".tab-list").children].map(c => c.className + ":" + c.textContent).join(" ")`); got != "tab-label:Files: tab:a.toml tab:a.yaml" {
		t.Errorf("a heading with nothing under it is a label of the tab list: %q", got)
	}
	if v := browsertest.Axe(t, ctx, "main"); len(v) > 0 {
		t.Errorf("accessibility: %v", v)
	}
	browsertest.Run(t, ctx, chromedp.Evaluate(`location.hash = "#deep"`, nil))
	browsertest.WaitFor(t, ctx, `getComputedStyle(document.getElementById("deep").closest(".tab-panel")).display !== "none"`)
	browsertest.Run(t, ctx, emulation.SetEmulatedMedia().WithMedia("print"))
	if got := browsertest.Eval(t, ctx, `String([...document.querySelectorAll("[role=tabpanel]")].every(p => getComputedStyle(p).display !== "none") && getComputedStyle(document.querySelector(".tab-list")).display === "none")`); got != "true" {
		t.Error("printed, a section is hidden or the tab list shows")
	}
}
