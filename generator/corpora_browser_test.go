package generator_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"p2pc/generator/browsertest"
)

// TestWorkbenchInBrowser builds The Carpentries' shell lesson, unchanged,
// and reads an episode as a learner and as a trainer printing it: the
// instructor notes are in the page but not in what a learner sees, and
// they are in the trainer print; a challenge and its solution pass axe in
// both themes.
func TestWorkbenchInBrowser(t *testing.T) {
	src := "../../shared/corpora/shell-novice"
	if _, err := os.Stat(src); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := writtenSite(t, os.DirFS(src))
	ctx := browsertest.New(t, 1280, 900)
	var note, learner, trainer string
	var notes int
	err := chromedp.Run(ctx,
		chromedp.Navigate("file://"+dir+"/episodes/filedir/index.html"),
		chromedp.WaitReady("body"),
		chromedp.Evaluate(`document.querySelectorAll("aside.trainer-note").length`, &notes),
		chromedp.Evaluate(`(document.querySelector("aside.trainer-note p:not(.box-title)")||{}).textContent||""`, &note),
		chromedp.Evaluate(`document.body.innerText`, &learner),
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(`document.documentElement.classList.add("print-trainer-notes")`, nil),
		chromedp.Evaluate(`document.body.innerText`, &trainer),
		emulation.SetEmulatedMedia().WithMedia(""),
	)
	if err != nil {
		t.Fatal(err)
	}
	snippet := strings.Join(strings.Fields(note), " ")
	snippet = snippet[:min(len(snippet), 40)]
	if notes == 0 || snippet == "" {
		t.Fatalf("episodes/filedir has %d trainer notes (text %q), want its instructor note", notes, note)
	}
	if strings.Contains(strings.Join(strings.Fields(learner), " "), snippet) {
		t.Errorf("a learner sees the instructor note %q", snippet)
	}
	if !strings.Contains(strings.Join(strings.Fields(trainer), " "), snippet) {
		t.Errorf("the trainer print lacks the instructor note %q", snippet)
	}
	for _, theme := range []string{"light", "dark"} {
		if err := chromedp.Run(ctx,
			chromedp.Navigate("file://"+dir+"/episodes/create/index.html"),
			chromedp.WaitReady("body"),
			chromedp.Evaluate(fmt.Sprintf(`document.documentElement.setAttribute("data-theme", %q); document.querySelectorAll("details").forEach(d => d.open = true)`, theme), nil),
			chromedp.Sleep(50*time.Millisecond),
		); err != nil {
			t.Fatal(err)
		}
		for _, v := range browsertest.Axe(t, ctx, "") {
			t.Errorf("episodes/create (%s theme): %s", theme, v)
		}
	}
}
