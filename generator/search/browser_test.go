package search

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"p2pc/generator/browsertest"
)

// testDocs is a small curriculum with the cases the search must get right.
var testDocs = []Document{
	{URL: "values/glossary/index.html", Title: "Hoʻohanohano", Module: "Values", Kind: "glossary",
		Sections: []Section{{Anchor: "hoohanohano", Text: "Hoʻohanohano means to conduct yourself with dignity and to honor others."}}},
	{URL: "values/glossary/index.html", Title: "Lōkahi", Module: "Values", Kind: "glossary",
		Sections: []Section{{Anchor: "lokahi", Text: "Lōkahi is unity: harmony within a team."}}},
	{URL: "values/glossary/index.html", Title: "Kākou", Module: "Values", Kind: "glossary",
		Sections: []Section{{Anchor: "kakou", Text: "Kākou means all of us, together."}}},
	{URL: "benefits/why/index.html", Title: "Why it pays off", Module: "Benefits", Kind: "lesson",
		Sections: []Section{
			{Text: "Peer support helps everyone on a team."},
			{Anchor: "give-and-take", Heading: "Give and take", Text: "Reciprocity is the heart of it: the coach learns as much as the peer."},
			{Anchor: "gains", Heading: "What you gain", Text: "The main benefit is a team that talks. Each worker gets a gain in confidence."},
		}},
	{URL: "five-steps/ask/index.html", Title: "Ask good questions", Module: "The five steps", Kind: "lesson",
		Sections: []Section{
			{Text: "Good questions open a conversation."},
			{Anchor: "listen", Heading: "Then be quiet", Text: "After you ask, listen to the whole answer before you speak."},
		}},
	{URL: "five-steps/cards/index.html", Title: "Card: listen first", Module: "The five steps", Kind: "card",
		Sections: []Section{{Anchor: "listen-first", Text: "Listen before you give advice."}}},
	{URL: "five-steps/check/index.html", Title: "Question 1", Module: "The five steps", Kind: "question",
		Sections: []Section{{Anchor: "q1", Heading: "Check your understanding", Text: "Why should you listen to the whole answer of your peer?"}}},
	{URL: "culture/trust/index.html", Title: "Trust at work", Module: "Culture", Kind: "lesson",
		Sections: []Section{{Text: "How teams build it."}}},
	{URL: "culture/safety/index.html", Title: "Feeling safe", Module: "Culture", Kind: "lesson",
		Sections: []Section{{Text: "Safety first."}, {Anchor: "trust", Heading: "Trust grows slowly", Text: "It takes months."}}},
	{URL: "culture/habits/index.html", Title: "Daily habits", Module: "Culture", Kind: "lesson",
		Sections: []Section{{Text: "Small habits build trust over time, day by day."}}},
	{URL: "culture/alpha/index.html", Title: "Alpha", Module: "Culture", Kind: "lesson",
		Sections: []Section{{Text: "Only one of the words is here."}}},
	{URL: "culture/both/index.html", Title: "Both words", Module: "Culture", Kind: "lesson",
		Sections: []Section{{Text: "Here are alpha and beta together."}}},
	{URL: "about/peer/index.html", Title: "Peers", Module: "", Kind: "page",
		Sections: []Section{{Anchor: "p2p", Heading: "Peer to peer", Text: "We say peer to peer support, not top down."}}},
	{URL: "about/other/index.html", Title: "Order", Module: "", Kind: "page",
		Sections: []Section{{Text: "A peer can help, and to a peer that matters."}}},
	{URL: "about/xss/index.html", Title: `<script>window.pwned=1</script> zebra`, Module: "", Kind: "page",
		Sections: []Section{{Anchor: "x", Heading: `"><img src=x onerror="window.pwned=1">`, Text: `A zebra "><img src=x onerror="window.pwned=1"> <b>bold</b> & more.`}}},
}

func TestBrowserSearch(t *testing.T) {
	ctx := newBrowser(t)
	dir := writeSite(t, testDocs)
	for _, base := range []struct{ name, url string }{
		{"file", "file://" + dir + "/"},
		{"http", serve(t, dir)},
	} {
		t.Run(base.name, func(t *testing.T) {
			open(t, ctx, base.url+"benefits/why/index.html")
			tests := []struct{ q, title, anchor string }{
				{"hoohanohano", "Hoʻohanohano", "#hoohanohano"},
				{"Hoohanohano", "Hoʻohanohano", "#hoohanohano"},
				{"ho'ohanohano", "Hoʻohanohano", "#hoohanohano"},
				{"hoʻohanohano", "Hoʻohanohano", "#hoohanohano"},
				{"lokahi", "Lōkahi", "#lokahi"},
				{"kakou", "Kākou", "#kakou"},
				{"benefits", "Why it pays off", "#gains"},
				{"coaching", "Why it pays off", "#give-and-take"},
				{"listened", "Card: listen first", "#listen-first"},
				{"recip", "Why it pays off", "#give-and-take"},
				{"reciprocty", "Why it pays off", "#give-and-take"},
				{"trust", "Trust at work", ""},
				{"alpha beta", "Both words", ""},
				{`"peer to peer"`, "Peers", "#p2p"},
			}
			for _, tt := range tests {
				status, res := browsertest.Search(t, ctx, tt.q)
				if len(res) == 0 {
					t.Errorf("%s: no results (status %q)", tt.q, status)
					continue
				}
				if res[0].Title != tt.title || !strings.Contains(res[0].Href, "highlight=") ||
					!strings.HasSuffix(res[0].Href, tt.anchor) || tt.anchor == "" && strings.Contains(res[0].Href, "#") {
					t.Errorf("%s: top result %q %s, want %q ...%s", tt.q, res[0].Title, res[0].Href, tt.title, tt.anchor)
				}
				if !strings.HasPrefix(res[0].Href, base.url) {
					t.Errorf("%s: link %s is not under %s", tt.q, res[0].Href, base.url)
				}
			}
		})
	}
}

func TestBrowserRanking(t *testing.T) {
	ctx := newBrowser(t)
	open(t, ctx, "file://"+writeSite(t, testDocs)+"/index.html")
	_, res := browsertest.Search(t, ctx, "trust")
	var titles []string
	for _, r := range res {
		titles = append(titles, r.Title)
	}
	// Title, then heading, then text.
	if got, want := strings.Join(titles, "|"), "Trust at work|Feeling safe|Daily habits"; got != want {
		t.Errorf("trust: %s, want %s", got, want)
	}
	if res[1].Where != "Lesson · Culture › Trust grows slowly" {
		t.Errorf("trust: second result shows %q", res[1].Where)
	}
	_, res = browsertest.Search(t, ctx, "alpha beta")
	if len(res) != 2 || res[0].Title != "Both words" || res[1].Title != "Alpha" {
		t.Errorf("alpha beta: %+v, want Both words (both words) before Alpha (a title match of one)", res)
	}
	status, res := browsertest.Search(t, ctx, `"peer to peer"`)
	if len(res) != 1 || status != `1 result for “"peer to peer"”` {
		t.Errorf(`"peer to peer": %q %+v, want only the page with the phrase`, status, res)
	}
	status, res = browsertest.Search(t, ctx, `peer to peer`)
	if len(res) != 4 || !strings.HasPrefix(status, "4 results") {
		t.Errorf(`peer to peer: %q %+v, want the four pages with "peer"`, status, res)
	}
	_, res = browsertest.Search(t, ctx, "benefits")
	if len(res) == 0 || !strings.Contains(res[0].Snippet, "benefit") || strings.Join(res[0].Marks, ",") != "benefit" {
		t.Errorf("benefits: snippet %q marks %q, want benefit marked", res[0].Snippet, res[0].Marks)
	}
}

func TestBrowserEscaping(t *testing.T) {
	ctx := newBrowser(t)
	open(t, ctx, "file://"+writeSite(t, testDocs)+"/index.html")
	_, res := browsertest.Search(t, ctx, "zebra")
	if len(res) != 1 || res[0].Title != `<script>window.pwned=1</script> zebra` {
		t.Fatalf("zebra: %+v", res)
	}
	if !strings.Contains(res[0].Where, `"><img src=x onerror="window.pwned=1">`) ||
		!strings.Contains(res[0].Snippet, `"><img src=x onerror="window.pwned=1"> <b>bold</b> & more.`) {
		t.Errorf("zebra: markup not shown as text: %+v", res[0])
	}
	var pwned bool
	var imgs int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.pwned !== undefined`, &pwned),
		chromedp.Evaluate(`document.querySelectorAll("#search-results img, #search-results script, #search-results b").length`, &imgs),
	); err != nil {
		t.Fatal(err)
	}
	if pwned || imgs != 0 {
		t.Errorf("content ran as markup: window.pwned set %v, %d elements", pwned, imgs)
	}
}

func TestBrowserFilters(t *testing.T) {
	ctx := newBrowser(t)
	open(t, ctx, "file://"+writeSite(t, testDocs)+"/index.html")
	if _, res := browsertest.Search(t, ctx, "listen"); len(res) != 3 {
		t.Fatalf("listen: %d results, want 3", len(res))
	}
	setSelect := func(sel, label string) {
		t.Helper()
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
			const s = document.querySelector("`+sel+`");
			const o = [...s.options].find(o => o.text === `+jsString(label)+`);
			if (!o) return false;
			s.value = o.value;
			return true })()`, &ok)); err != nil || !ok {
			t.Fatalf("select %s in %s: %v", label, sel, err)
		}
	}
	setSelect(".search-kind", "Card")
	if _, res := browsertest.Search(t, ctx, "listen"); len(res) != 1 || res[0].Title != "Card: listen first" {
		t.Errorf("listen, kind Card: %+v", res)
	}
	setSelect(".search-kind", "All")
	setSelect(".search-module", "Benefits")
	if _, res := browsertest.Search(t, ctx, "team"); len(res) != 1 || res[0].Title != "Why it pays off" {
		t.Errorf("team, module Benefits: %+v", res)
	}
}

func TestBrowserKeyboard(t *testing.T) {
	ctx := newBrowser(t)
	dir := writeSite(t, testDocs)
	open(t, ctx, "file://"+dir+"/index.html")
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var focused, expanded, active, selected, url, status string
	var marks int
	var hiddenLink, hiddenBox bool
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector(".search-browse").hidden`, &hiddenLink),
		chromedp.Evaluate(`document.querySelector(".search-box").hidden`, &hiddenBox),
		// One keyDown with its text, as a keyboard sends it: chromedp.KeyEvent
		// sends the character as a separate event that keydown cannot cancel.
		input.DispatchKeyEvent(input.KeyDown).WithKey("/").WithCode("Slash").WithText("/").WithWindowsVirtualKeyCode(191),
		input.DispatchKeyEvent(input.KeyUp).WithKey("/").WithCode("Slash").WithWindowsVirtualKeyCode(191),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		chromedp.SendKeys("#search-input", "listen", chromedp.ByID),
		chromedp.Poll(`document.querySelectorAll("#search-results [role=option]").length === 3 &&
			document.getElementById("search-status").textContent.includes("listen")`, nil),
		chromedp.Evaluate(`document.getElementById("search-status").textContent`, &status),
		chromedp.Evaluate(`document.getElementById("search-input").getAttribute("aria-expanded")`, &expanded),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowUp),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Evaluate(`document.getElementById("search-input").getAttribute("aria-activedescendant")`, &active),
		chromedp.Evaluate(`document.querySelector("[aria-selected=true] .search-title").textContent`, &selected),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitReady("main mark.search-hit", chromedp.ByQuery),
		chromedp.Location(&url),
		chromedp.Evaluate(`document.querySelectorAll("main mark.search-hit").length`, &marks),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !hiddenLink || hiddenBox {
		t.Errorf("with JavaScript: browse link hidden %v, search box hidden %v; want the box shown instead of the link", hiddenLink, hiddenBox)
	}
	if focused != "search-input" {
		t.Errorf("/ focused %q, want the search box", focused)
	}
	if status != "3 results for “listen”" || expanded != "true" {
		t.Errorf("status %q, aria-expanded %q", status, expanded)
	}
	if active != "search-result-1" {
		t.Errorf("aria-activedescendant = %q after down, down, up, down; want search-result-1", active)
	}
	if !strings.Contains(url, "?highlight=listen#") || marks == 0 {
		t.Errorf("Enter opened %s with %d highlights", url, marks)
	}
	if !strings.Contains(url, strings.ToLower(strings.Fields(selected)[0])) && !strings.Contains(url, "check") {
		t.Logf("selected %q opened %s", selected, url)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.activeElement.blur()`, nil),
		chromedp.KeyEvent(kb.Escape),
		chromedp.Evaluate(`document.querySelectorAll("main mark.search-hit").length`, &marks),
	); err != nil {
		t.Fatal(err)
	}
	if marks != 0 {
		t.Errorf("Esc left %d highlights", marks)
	}
}

// TestNoScript checks the page without JavaScript: the box is hidden and
// the link to the list of lessons is shown.
func TestNoScript(t *testing.T) {
	ctx := newBrowser(t)
	dir := writeSite(t, testDocs)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var href string
	var ok bool
	err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate("file://"+dir+"/five-steps/ask/index.html"),
		chromedp.WaitVisible(".search-browse", chromedp.ByQuery),
		chromedp.WaitNotVisible(".search-box", chromedp.ByQuery),
		chromedp.AttributeValue(".search-browse", "href", &href, &ok, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if href != "../../lessons/index.html" {
		t.Errorf("browse link goes to %q", href)
	}
}

func TestStemJSAgrees(t *testing.T) {
	ctx := newBrowser(t)
	open(t, ctx, "file://"+writeSite(t, testDocs)+"/index.html")
	f, err := os.Open("testdata/stem-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var words []string
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			words = append(words, w)
		}
	}
	if len(words) < 300 {
		t.Fatalf("testdata/stem-words.txt has %d words, want a few hundred", len(words))
	}
	var js [][2]string
	list := make([]string, len(words))
	for i, w := range words {
		list[i] = jsString(w)
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`[`+strings.Join(list, ",")+`].map(w => {
		const n = P2PCSearch.normalize(w); return [n, P2PCSearch.stem(n)] })`, &js)); err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		n := Normalize(w)
		if js[i] != [2]string{n, Stem(n)} {
			t.Errorf("%q: Go normalizes and stems to %q %q, search.js to %q %q", w, n, Stem(n), js[i][0], js[i][1])
		}
	}
}
