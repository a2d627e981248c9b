package generator_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// termPage is a lesson whose prose names glossary terms.
const termPage = "culture/use-it-in-teamwork/index.html"

// tipState is what a reader can tell about the focused glossary term.
type tipState struct {
	Focused, Role, Described, Text, Name string
	Shown                                bool
	Left, Right, Width                   float64
}

const tipStateJS = `(() => {
  const a = document.activeElement;
  if (!a || !a.classList.contains("term-link")) return {Focused: a ? a.tagName : ""};
  const tip = document.getElementById(a.getAttribute("aria-describedby"));
  const r = tip.getBoundingClientRect(), cs = getComputedStyle(tip);
  return {Focused: "term", Role: tip.getAttribute("role"), Described: tip.id, Text: tip.textContent, Name: a.textContent,
    Shown: cs.display !== "none" && r.width > 0, Left: r.left, Right: r.right, Width: document.documentElement.clientWidth};
})()`

func readTip(t *testing.T, ctx context.Context) tipState {
	t.Helper()
	var s tipState
	if err := chromedp.Run(ctx, chromedp.Evaluate(tipStateJS, &s)); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGlossaryTooltip reaches a glossary term with the keyboard alone, at a
// phone's width and a laptop's: its definition shows as a tooltip inside
// the screen while the link has the focus, Escape hides it, the pointer
// shows it again, and axe finds nothing wrong with it shown.
func TestGlossaryTooltip(t *testing.T) {
	_, dir := defaultSite(t)
	for _, w := range []int64{320, 1280} {
		ctx := browsertest.New(t, int(w), 800)
		if err := chromedp.Run(ctx, chromedp.Navigate("file://"+dir+"/"+termPage), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		var s tipState
		for range 80 {
			press(t, ctx, kb.Tab)
			if s = readTip(t, ctx); s.Focused == "term" {
				break
			}
		}
		if s.Focused != "term" {
			t.Fatalf("at %d px: Tab never reached a glossary term", w)
		}
		if !s.Shown || s.Role != "tooltip" || !strings.HasPrefix(s.Described, "term-tip-") || len(s.Text) < 10 {
			t.Errorf("at %d px: focus on %q shows no tooltip describing it: %+v", w, s.Name, s)
		}
		for _, theme := range []string{"light", "dark"} {
			if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.documentElement.dataset.theme = %q`, theme), nil)); err != nil {
				t.Fatal(err)
			}
			for _, v := range browsertest.Axe(t, ctx, "") {
				t.Errorf("at %d px, %s theme, tooltip shown: %s", w, theme, v)
			}
		}
		press(t, ctx, kb.Escape)
		if s := readTip(t, ctx); s.Focused != "term" || s.Shown {
			t.Errorf("at %d px: Escape leaves the tooltip shown (or moves the focus): %+v", w, s)
		}
		// Every term's tooltip fits the screen when focused.
		var off []string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.activeElement.blur(), [...document.querySelectorAll(".term-link")].flatMap(a => {
			a.focus();
			const r = document.getElementById(a.getAttribute("aria-describedby")).getBoundingClientRect();
			return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth ? [] : [a.textContent + " " + r.left + ".." + r.right];
		})`, &off)); err != nil {
			t.Fatal(err)
		}
		if len(off) > 0 {
			t.Errorf("at %d px, tooltips off screen or not shown on focus: %q", w, off)
		}
		var box struct{ X, Y float64 }
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(`document.activeElement.blur(); (() => { const a = document.querySelector(".term-link"); a.scrollIntoView({block: "center"}); const r = a.getClientRects()[0]; return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, &box),
			chromedp.ActionFunc(func(ctx context.Context) error {
				return input.DispatchMouseEvent(input.MouseMoved, box.X, box.Y).Do(ctx)
			}),
		); err != nil {
			t.Fatal(err)
		}
		var hovered bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(`getComputedStyle(document.querySelector(".term-tip")).display !== "none"`, &hovered)); err != nil {
			t.Fatal(err)
		}
		if !hovered {
			t.Errorf("at %d px: the pointer over a term does not show its tooltip", w)
		}
	}
}
