package generator_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// These tests cover reading on every screen: the phone menu drawer, the
// theme toggle's label and state, and the search panel at every width.

const lessonPage = "five-steps/ask/index.html"

// drawerState is what a reader (and assistive technology) can tell about the
// phone menu at one moment.
type drawerState struct {
	Tag, Expanded, Controls string // the Menu control
	Role, Modal, Label      string // the drawer
	Shown, Hidden           bool   // fully on screen; fully gone
	InDrawer, OnMenu        bool   // where the focus is
	Active                  string // the focused element, described
	MainInert               bool
}

const drawerStateJS = `(() => {
  const b = document.getElementById("menu-button"), d = document.getElementById("curriculum-drawer");
  const a = document.activeElement, r = d.getBoundingClientRect(), cs = getComputedStyle(d);
  return {
    Tag: b.tagName, Expanded: b.getAttribute("aria-expanded") || "", Controls: b.getAttribute("aria-controls") || "",
    Role: d.getAttribute("role") || "", Modal: d.getAttribute("aria-modal") || "", Label: d.getAttribute("aria-label") || "",
    Shown: cs.visibility === "visible" && r.width > 0 && r.left >= 0 && r.right <= innerWidth,
    Hidden: cs.visibility === "hidden" || cs.display === "none",
    InDrawer: d.contains(a), OnMenu: a === b,
    Active: a ? (a.tagName + " " + (a.id || a.textContent.trim().slice(0, 40))) : "",
    MainInert: !!document.getElementById("main").inert,
  };
})()`

func readDrawer(t *testing.T, ctx context.Context) drawerState {
	t.Helper()
	var s drawerState
	if err := chromedp.Run(ctx, chromedp.Evaluate(drawerStateJS, &s)); err != nil {
		t.Fatal(err)
	}
	return s
}

// waitDrawer waits, with a deadline, until the drawer has finished opening
// (open) or closing, and returns its state; the test fails if it never does.
func waitDrawer(t *testing.T, ctx context.Context, open bool) drawerState {
	t.Helper()
	cond := `(() => { const d = document.getElementById("curriculum-drawer"), r = d.getBoundingClientRect(), cs = getComputedStyle(d);
		return cs.visibility === "visible" && r.left >= 0 && r.width > 0 })()`
	if !open {
		cond = `getComputedStyle(document.getElementById("curriculum-drawer")).visibility === "hidden"`
	}
	wctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := chromedp.Run(wctx, chromedp.Poll(cond, nil, chromedp.WithPollingInterval(10*time.Millisecond))); err != nil {
		s := readDrawer(t, ctx)
		t.Fatalf("drawer never finished %s: %+v", map[bool]string{true: "opening", false: "closing"}[open], s)
	}
	return readDrawer(t, ctx)
}

func press(t *testing.T, ctx context.Context, key string, opts ...chromedp.KeyOption) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		t.Fatalf("press %q: %v", key, err)
	}
}

// openLesson loads the lesson page and waits until drawer.js has made the
// Menu link a button.
func openLesson(t *testing.T, ctx context.Context, dir string) {
	t.Helper()
	if err := chromedp.Run(ctx,
		chromedp.Navigate("file://"+dir+"/"+lessonPage),
		chromedp.WaitReady("body"),
		chromedp.Poll(`document.getElementById("menu-button").tagName === "BUTTON"`, nil, chromedp.WithPollingInterval(10*time.Millisecond)),
	); err != nil {
		t.Fatalf("open %s: %v", lessonPage, err)
	}
}

func wantOpen(t *testing.T, s drawerState, how string) {
	t.Helper()
	if !s.Shown || s.Expanded != "true" || s.Role != "dialog" || s.Modal != "true" || s.Label == "" || !s.InDrawer || !s.MainInert {
		t.Errorf("after %s: want an open, labelled modal dialog with the focus inside and the page inert, got %+v", how, s)
	}
}

func wantClosed(t *testing.T, s drawerState, how string) {
	t.Helper()
	if !s.Hidden || s.Expanded != "false" || s.Role != "" || !s.OnMenu || s.MainInert {
		t.Errorf("after %s: want the drawer closed, the page live again and the focus back on Menu, got %+v", how, s)
	}
}

// TestDrawerKeyboard works the phone menu with the keyboard alone: Tab to
// Menu, open it with Enter, Tab and Shift+Tab stay inside, Esc closes and
// returns the focus; Space opens it; a click outside and the Close button
// close it; a click inside does not.
func TestDrawerKeyboard(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 390, 844)
	openLesson(t, ctx, dir)

	s := readDrawer(t, ctx)
	if s.Tag != "BUTTON" || s.Expanded != "false" || s.Controls != "curriculum-drawer" || !s.Hidden {
		t.Fatalf("before opening: want a Menu button (aria-expanded=false, aria-controls=curriculum-drawer) and no drawer on screen, got %+v", s)
	}

	for i := 0; !readDrawer(t, ctx).OnMenu; i++ {
		if i == 20 {
			t.Fatalf("20 presses of Tab never reached the Menu button (focus on %s)", readDrawer(t, ctx).Active)
		}
		press(t, ctx, kb.Tab)
	}
	press(t, ctx, kb.Enter)
	s = waitDrawer(t, ctx, true)
	wantOpen(t, s, "Enter on Menu")
	first := s.Active

	// Tab visits every link and button in the drawer once, then wraps.
	var n int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.getElementById("curriculum-drawer").querySelectorAll("a[href], button")].filter(e => e.getClientRects().length).length`, &n)); err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("the drawer has %d links and buttons, want the curriculum's", n)
	}
	seen := map[string]bool{}
	var last string
	for i := 0; i < n; i++ {
		press(t, ctx, kb.Tab)
		s = readDrawer(t, ctx)
		if !s.InDrawer {
			t.Fatalf("Tab %d of %d left the drawer: focus on %s", i+1, n, s.Active)
		}
		seen[s.Active] = true
		if i == n-2 {
			last = s.Active
		}
	}
	if s.Active != first || len(seen) != n {
		t.Errorf("%d presses of Tab reached %d elements and ended on %s, want all %d and back to %s", n, len(seen), s.Active, n, first)
	}
	press(t, ctx, kb.Tab, chromedp.KeyModifiers(input.ModifierShift))
	if s = readDrawer(t, ctx); !s.InDrawer || s.Active != last {
		t.Errorf("Shift+Tab from the first element: focus on %s, want the last one, %s", s.Active, last)
	}

	press(t, ctx, kb.Escape)
	wantClosed(t, waitDrawer(t, ctx, false), "Esc")

	press(t, ctx, " ")
	wantOpen(t, waitDrawer(t, ctx, true), "Space on Menu")

	// A click on the drawer itself (its bar, left of Close) leaves it open.
	if err := chromedp.Run(ctx, chromedp.MouseClickXY(8, 20)); err != nil {
		t.Fatal(err)
	}
	if s = readDrawer(t, ctx); !s.Shown || s.Expanded != "true" {
		t.Errorf("a click inside the drawer closed it: %+v", s)
	}

	if err := chromedp.Run(ctx, chromedp.MouseClickXY(380, 600)); err != nil {
		t.Fatal(err)
	}
	wantClosed(t, waitDrawer(t, ctx, false), "a click outside")

	press(t, ctx, kb.Enter)
	s = waitDrawer(t, ctx, true)
	wantOpen(t, s, "Enter on Menu again")
	if s.Active != "BUTTON Close" {
		t.Errorf("focus on %s when the drawer opens, want its Close button", s.Active)
	}
	press(t, ctx, kb.Enter)
	wantClosed(t, waitDrawer(t, ctx, false), "Enter on Close")
}

// TestDrawerWithoutJavaScript: with scripts off, Menu is a link to the
// curriculum below the page, and following it shows the curriculum; with
// scripts on, a page opened at that link opens the drawer.
func TestDrawerWithoutJavaScript(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 390, 844)
	var got struct {
		Tag, Href                   string
		MenuShown, NavShown, Scroll bool
		Hash                        string
	}
	err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate("file://"+dir+"/"+lessonPage),
		chromedp.WaitReady("body"),
		chromedp.Click("#menu-button"),
		chromedp.Sleep(100*time.Millisecond), // a jump to an anchor; no script to wait on
		emulation.SetScriptExecutionDisabled(false),
		chromedp.Evaluate(`(() => {
			const m = document.getElementById("menu-button"), n = document.getElementById("curriculum"), r = n.getBoundingClientRect();
			return {Tag: m.tagName, Href: m.getAttribute("href"), MenuShown: m.getClientRects().length > 0,
				NavShown: getComputedStyle(n).visibility === "visible" && r.height > 0,
				Scroll: r.top >= 0 && r.top < innerHeight && scrollY > 0, Hash: location.hash}
		})()`, &got),
	)
	if err != nil {
		t.Fatal(err)
	}
	if got.Tag != "A" || got.Href != "#curriculum" || !got.MenuShown {
		t.Errorf("without JavaScript the Menu control is %s href=%q shown=%v, want a visible link to #curriculum", got.Tag, got.Href, got.MenuShown)
	}
	if !got.NavShown || !got.Scroll || got.Hash != "#curriculum" {
		t.Errorf("following Menu without JavaScript: curriculum shown=%v, scrolled to it=%v, hash %q", got.NavShown, got.Scroll, got.Hash)
	}

	// Scripts back on, the page at #curriculum (Menu followed before
	// drawer.js ran) opens with the drawer open.
	if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	s := waitDrawer(t, ctx, true)
	if s.Expanded != "true" || s.Role != "dialog" || !s.InDrawer {
		t.Errorf("loaded at #curriculum with JavaScript: %+v, want the drawer open", s)
	}
}

// TestDrawerWideScreen: on a laptop the curriculum is an ordinary sidebar,
// not a dialog, and there is no Menu button.
func TestDrawerWideScreen(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 1366, 768)
	openLesson(t, ctx, dir)
	var got struct {
		MenuShown, SidebarShown bool
		Role                    string
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const d = document.getElementById("curriculum-drawer"), r = d.getBoundingClientRect();
		return {MenuShown: document.getElementById("menu-button").getClientRects().length > 0,
			SidebarShown: getComputedStyle(d).visibility === "visible" && r.left >= 0 && r.width > 100 && r.top < innerHeight,
			Role: d.getAttribute("role") || ""}
	})()`, &got)); err != nil {
		t.Fatal(err)
	}
	if got.MenuShown || !got.SidebarShown || got.Role != "" {
		t.Errorf("at 1366 px: Menu shown=%v, sidebar shown=%v, role %q; want no Menu and a plain sidebar", got.MenuShown, got.SidebarShown, got.Role)
	}
}

// TestDrawerReducedMotion: the drawer slides in, unless the reader asked for
// less motion.
func TestDrawerReducedMotion(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 390, 844)
	for _, motion := range []string{"no-preference", "reduce"} {
		var durations string
		if err := chromedp.Run(ctx,
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: motion}}),
		); err != nil {
			t.Fatal(err)
		}
		openLesson(t, ctx, dir)
		if err := chromedp.Run(ctx,
			chromedp.Click("#menu-button"),
			chromedp.Evaluate(`[document.getElementById("curriculum-drawer"), document.querySelector(".drawer-backdrop")].map(e => getComputedStyle(e).transitionDuration).join(",")`, &durations),
		); err != nil {
			t.Fatal(err)
		}
		waitDrawer(t, ctx, true)
		moves := false
		for _, d := range []byte(durations) {
			if d >= '1' && d <= '9' {
				moves = true
			}
		}
		if moves != (motion == "no-preference") {
			t.Errorf("prefers-reduced-motion: %s: transition durations %s", motion, durations)
		}
	}
}

// axNode returns the accessible name and pressed state Chromium computes for
// the element sel.
func axNode(t *testing.T, ctx context.Context, sel string) (name, pressed string) {
	t.Helper()
	var nodes []*cdp.Node
	var ax []*accessibility.Node
	err := chromedp.Run(ctx,
		chromedp.Nodes(sel, &nodes, chromedp.ByQuery),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			ax, err = accessibility.GetPartialAXTree().WithBackendNodeID(nodes[0].BackendNodeID).WithFetchRelatives(false).Do(ctx)
			return err
		}),
	)
	if err != nil || len(ax) == 0 {
		t.Fatalf("accessibility tree of %s: %v", sel, err)
	}
	str := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		var s any
		_ = json.Unmarshal(v.Value, &s)
		return fmt.Sprint(s)
	}
	name = str(ax[0].Name)
	for _, p := range ax[0].Properties {
		if p.Name == accessibility.PropertyNamePressed {
			pressed = str(p.Value)
		}
	}
	return name, pressed
}

// TestThemeToggleLabel: the toggle's visible label is its accessible name,
// "Dark mode", and its state (aria-pressed, shown by a switch) follows the
// theme in use: the system's, then the reader's choice.
func TestThemeToggleLabel(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 1280, 900)
	type look struct {
		Text, Theme, Switch string
	}
	read := func() (look, string, string) {
		var l look
		if err := chromedp.Run(ctx, chromedp.WaitVisible("#theme-toggle"), chromedp.Evaluate(`(() => {
			const b = document.getElementById("theme-toggle");
			return {Text: b.innerText.trim(), Theme: document.documentElement.dataset.theme,
				Switch: getComputedStyle(b, "::before").backgroundImage + " " + getComputedStyle(b, "::before").backgroundColor}
		})()`, &l)); err != nil {
			t.Fatal(err)
		}
		name, pressed := axNode(t, ctx, "#theme-toggle")
		return l, name, pressed
	}
	for _, system := range []string{"light", "dark"} {
		t.Run("system "+system, func(t *testing.T) {
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: system}}),
				chromedp.Navigate("file://"+dir+"/"+lessonPage),
				chromedp.Evaluate(`localStorage.removeItem("p2pc-theme")`, nil),
				chromedp.Reload(),
			); err != nil {
				t.Fatal(err)
			}
			switches := map[string]string{}
			theme := system
			for step := 0; step < 3; step++ {
				l, name, pressed := read()
				want := map[string]string{"light": "false", "dark": "true"}[theme]
				if l.Theme != theme || l.Text != "Dark mode" || name != "Dark mode" || pressed != want {
					t.Errorf("step %d: theme %s, label %q, accessible name %q, pressed %q; want theme %s, label and name \"Dark mode\", pressed %s",
						step, l.Theme, l.Text, name, pressed, theme, want)
				}
				if prev, ok := switches[pressed]; ok && prev != l.Switch {
					t.Errorf("the switch looks different for the same state %s: %s, then %s", pressed, prev, l.Switch)
				}
				switches[pressed] = l.Switch
				if err := chromedp.Run(ctx, chromedp.Click("#theme-toggle")); err != nil {
					t.Fatal(err)
				}
				theme = map[string]string{"light": "dark", "dark": "light"}[theme]
			}
			if switches["true"] == switches["false"] {
				t.Errorf("the switch looks the same pressed and not pressed: %s", switches["true"])
			}
		})
	}
}

// TestSearchPanelInViewport types a query at each width and checks that the
// results panel lies inside the viewport and its first result can be seen.
func TestSearchPanelInViewport(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 1280, 800)
	for _, w := range []int64{320, 500, 600, 768, 1024, 1920} {
		var box struct {
			Left, Right, Top, Bottom, Viewport float64
			Above                              float64 // bottom of the input and status line
			Shown, FirstSeen                   bool
		}
		if err := chromedp.Run(ctx,
			chromedp.EmulateViewport(w, 800),
			chromedp.Navigate("file://"+dir+"/"+lessonPage),
			chromedp.WaitVisible("#search-input"),
		); err != nil {
			t.Fatal(err)
		}
		_, results := browsertest.Search(t, ctx, "coaching")
		if len(results) == 0 {
			t.Fatalf("at %d px: no results for \"coaching\"", w)
		}
		if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
			const p = document.querySelector(".search-panel"), r = p.getBoundingClientRect();
			const o = document.querySelector("#search-results [role=option]"), q = o.getBoundingClientRect();
			const hit = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
			const above = Math.max(...["#search-input", "#search-status"].map(s => document.querySelector(s).getBoundingClientRect().bottom));
			return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Viewport: document.documentElement.clientWidth, Above: above,
				Shown: !p.hidden && r.width > 0 && r.height > 0, FirstSeen: !!hit && o.contains(hit)}
		})()`, &box)); err != nil {
			t.Fatal(err)
		}
		t.Logf("%4d px: panel spans %.1f to %.1f (top %.1f, bottom %.1f) in a %.0f px viewport", w, box.Left, box.Right, box.Top, box.Bottom, box.Viewport)
		if !box.Shown || box.Left < 0 || box.Right > box.Viewport || box.Top < 0 {
			t.Errorf("at %d px the results panel spans %.1f to %.1f (top %.1f), want inside [0, %.0f]", w, box.Left, box.Right, box.Top, box.Viewport)
		}
		if box.Top < box.Above {
			t.Errorf("at %d px the results panel (top %.1f) covers the search input or its status line (bottom %.1f)", w, box.Top, box.Above)
		}
		if !box.FirstSeen {
			t.Errorf("at %d px the first result is covered or off screen", w)
		}
	}
}

// TestDrawerAccessibility runs axe-core on a phone-sized lesson with the
// drawer open, in the light and the dark theme.
func TestDrawerAccessibility(t *testing.T) {
	_, dir := defaultSite(t)
	ctx := browsertest.New(t, 390, 844)
	for _, theme := range []string{"light", "dark"} {
		if err := chromedp.Run(ctx,
			chromedp.Navigate("file://"+dir+"/"+lessonPage),
			chromedp.Evaluate(fmt.Sprintf(`localStorage.setItem("p2pc-theme", %q)`, theme), nil),
		); err != nil {
			t.Fatal(err)
		}
		openLesson(t, ctx, dir)
		if err := chromedp.Run(ctx, chromedp.Click("#menu-button")); err != nil {
			t.Fatal(err)
		}
		s := waitDrawer(t, ctx, true)
		wantOpen(t, s, "a click on Menu ("+theme+")")
		var got string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.documentElement.dataset.theme`, &got)); err != nil {
			t.Fatal(err)
		}
		if got != theme {
			t.Fatalf("theme %q, want %q", got, theme)
		}
		for _, v := range browsertest.Axe(t, ctx, "") {
			t.Errorf("%s theme, drawer open: %s", theme, v)
		}
	}
}
