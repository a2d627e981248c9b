package generator_test

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestRightToLeftInBrowser: a book in Persian reads right to left in
// Chromium: nothing sticks out sideways at any width, the sidebar stands
// on the right of the text, the title starts at the text's right edge,
// and the phone menu opens fully on screen and closes.
func TestRightToLeftInBrowser(t *testing.T) {
	mapFS := fstest.MapFS{}
	for name, text := range map[string]string{
		"book.toml":      "[book]\ntitle = \"کتاب\"\nlanguage = \"fa\"\n",
		"src/SUMMARY.md": "# Summary\n\n- [مقدمه](intro.md)\n- [فصل دوم](two.md)\n",
		"src/intro.md":   "# مقدمه\n\nاین یک متن کوتاه است.\n\n> یک نقل قول.\n\n| ستون | مقدار |\n| --- | --- |\n| الف | ۱ |\n",
		"src/two.md":     "# فصل دوم\n\nمتن فصل دوم.\n",
	} {
		mapFS[name] = &fstest.MapFile{Data: []byte(text)}
	}
	dir := writtenSite(t, mapFS)
	for _, width := range []int{1280, 390} {
		ctx := browsertest.New(t, width, 800)
		browsertest.Open(t, ctx, dir, "intro/index.html")
		var got struct {
			Dir                   string
			Overflow              bool
			TitleRight, MainRight float64
			SidebarLeft, MainLeft float64
		}
		browsertest.Run(t, ctx, chromedp.Evaluate(`(() => {
  const h1 = document.querySelector("main h1").getBoundingClientRect(), main = document.querySelector("main").getBoundingClientRect();
  const side = document.getElementById("curriculum").getBoundingClientRect();
  return { Dir: getComputedStyle(document.body).direction,
    Overflow: document.documentElement.scrollWidth > innerWidth,
    TitleRight: h1.right, MainRight: main.right, SidebarLeft: side.left, MainLeft: main.left };
})()`, &got))
		if got.Dir != "rtl" || got.Overflow {
			t.Errorf("width %d: direction %q, sticks out sideways %v; want rtl, no", width, got.Dir, got.Overflow)
		}
		if got.MainRight-got.TitleRight > 40 {
			t.Errorf("width %d: the title ends %.0f px left of the text's right edge", width, got.MainRight-got.TitleRight)
		}
		if width > 800 && got.SidebarLeft < got.MainLeft {
			t.Errorf("width %d: the sidebar stands left of the text (%.0f < %.0f)", width, got.SidebarLeft, got.MainLeft)
		}
		if width > 800 {
			continue
		}
		browsertest.Run(t, ctx, chromedp.Click("#menu-button", chromedp.ByQuery))
		browsertest.WaitFor(t, ctx, `(() => { const d = document.getElementById("curriculum-drawer"), r = d.getBoundingClientRect();
			return getComputedStyle(d).visibility === "visible" && r.left >= 0 && r.right <= innerWidth + 0.5 && r.width > 0 })()`)
		browsertest.Run(t, ctx, chromedp.KeyEvent("\x1b"))
		browsertest.WaitFor(t, ctx, `getComputedStyle(document.getElementById("curriculum-drawer")).visibility === "hidden"`)
		if browsertest.Eval(t, ctx, `document.documentElement.scrollWidth > innerWidth`) != "false" {
			t.Errorf("width %d: the closed drawer makes the page stick out sideways", width)
		}
	}
}
