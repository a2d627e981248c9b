package worksheet_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/tools/txtar"

	"p2pc/generator"
	"p2pc/generator/browsertest"
)

// fixture is the content of testdata/browser.txtar, with edit applied to the quiz.
func fixture(t *testing.T, edit func(string) string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/browser.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		data := string(f.Data)
		if strings.HasSuffix(f.Name, "02-quiz.md") && edit != nil {
			data = edit(data)
		}
		fsys[strings.TrimPrefix(f.Name, "content/")] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

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
)

const quiz = "module/quiz/index.html"

// status is the text of a question's feedback area.
func status(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	return eval(t, ctx, `document.getElementById("`+id+`-feedback").textContent`)
}

// choose picks answers with the mouse and keyboard as a learner would.
func choose(t *testing.T, ctx context.Context, labels []string, short string, order map[string]string) {
	t.Helper()
	for _, id := range labels {
		run(t, ctx, chromedp.Click(`label[for="`+id+`"]`, chromedp.ByQuery))
	}
	if short != "" {
		run(t, ctx, chromedp.SendKeys("#q-short-answer", short, chromedp.ByQuery))
	}
	for id, v := range order {
		eval(t, ctx, `(e => { e.value = "`+v+`"; e.dispatchEvent(new Event("change", {bubbles: true})) })(document.getElementById("`+id+`"))`)
	}
}

// orderAnswer maps each select of the order question to its correct position.
func orderAnswer(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, id := range []string{"q-order-c1", "q-order-c2", "q-order-c3"} {
		out[id] = eval(t, ctx, `document.getElementById("`+id+`").dataset.pos`)
	}
	return out
}

func wantContains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s = %q, want it to contain %q", what, got, w)
		}
	}
}

// TestBrowser runs the worksheet in headless Chromium from file:// pages.
func TestBrowser(t *testing.T) {
	b := browsertest.New(t, 1000, 900)

	t.Run("check gives feedback and a score", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		run(t, ctx, chromedp.Navigate(fileURL(dir, quiz)), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		if got := eval(t, ctx, `[...document.querySelectorAll("details.ws-answer")].every(d => d.hidden)`); got != "true" {
			t.Error("with JavaScript, the Show answer details should wait until checking")
		}
		choose(t, ctx, []string{"q-single-c1", "q-multi-c1", "q-multi-c3", "q-tf-c1", "q-scale-s4"}, "Talking  Stóry", nil)
		run(t, ctx, chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))
		wantContains(t, "single feedback", status(t, ctx, "q-single"), "✗", "Not correct.", "Not green: that is the grass.")
		wantContains(t, "multi feedback", status(t, ctx, "q-multi"), "✗", "Not correct.", "You chose 1 of the 2 correct answers and 1 wrong one.", "A carrot is a root.")
		wantContains(t, "truefalse feedback", status(t, ctx, "q-tf"), "✓", "Correct.")
		wantContains(t, "short feedback (case and accents ignored)", status(t, ctx, "q-short"), "✓", "Correct.")
		wantContains(t, "order feedback", status(t, ctx, "q-order"), "○", "Not answered.")
		wantContains(t, "scale feedback", status(t, ctx, "q-scale"), "not graded")
		wantContains(t, "score", eval(t, ctx, `document.querySelector(".ws-score").textContent`), "Your score: 2 out of 5 (40%).", "Not answered: 1.")
		if got := eval(t, ctx, `document.querySelector("#q-single details").open && !document.querySelector("#q-single details").hidden`); got != "true" {
			t.Error("the explanation is not shown after checking")
		}
		wantContains(t, "role of feedback areas", eval(t, ctx, `[...document.querySelectorAll(".ws-feedback, .ws-score")].map(e => e.getAttribute("role")).join()`), "status,status,status,status,status,status,status,status")

		choose(t, ctx, []string{"q-single-c2", "q-multi-c3", "q-multi-c2"}, "", orderAnswer(t, ctx))
		run(t, ctx, chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))
		wantContains(t, "score after fixing", eval(t, ctx, `document.querySelector(".ws-score").textContent`), "Your score: 5 out of 5 (100%).")
		wantContains(t, "single feedback", status(t, ctx, "q-single"), "✓ Correct.", "Yes, blue.")

		run(t, ctx, chromedp.Click(`[data-action="retry"]`, chromedp.ByQuery))
		if got := status(t, ctx, "q-single"); got != "" {
			t.Errorf("after Try again, feedback %q is still shown", got)
		}
		if got := eval(t, ctx, `document.getElementById("q-single-c2").checked`); got != "true" {
			t.Error("Try again lost the answers")
		}
		run(t, ctx, chromedp.Click(`[data-action="clear"]`, chromedp.ByQuery))
		if got := eval(t, ctx, `document.querySelectorAll(".worksheet input:checked").length + document.getElementById("q-short-answer").value`); got != "0" {
			t.Errorf("after Clear my answers, %s answers are left", got)
		}
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("download my answers", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		downloads := t.TempDir()
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		run(t, ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
			chromedp.Navigate(fileURL(dir, quiz)), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		choose(t, ctx, []string{"q-single-c2", "q-multi-c1"}, "talk story", nil)
		run(t, ctx, chromedp.SendKeys("#q-reflect-text", "Ask Sam on Friday.", chromedp.ByQuery),
			chromedp.Click(`[data-action="check"]`, chromedp.ByQuery),
			chromedp.Click(`[data-action="download"]`, chromedp.ByQuery))
		file := filepath.Join(downloads, "ws-test-answers.txt")
		data := waitFile(t, file)
		wantContains(t, "downloaded file", string(data), "Test worksheet", "Question 1: Which colour is the sky on a clear day?",
			"Answer: Blue", "Result: Correct.", "Answer: talk story", "Answer: Ask Sam on Friday.", "Your score:")
	})

	t.Run("answers are restored and stale ones dropped", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		run(t, ctx, chromedp.Navigate(fileURL(dir, quiz)), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		choose(t, ctx, []string{"q-single-c2", "q-multi-c2", "q-tf-c1", "q-scale-s3"}, "talk story", orderAnswer(t, ctx))
		run(t, ctx, chromedp.SendKeys("#q-reflect-text", "Ask Sam.", chromedp.ByQuery),
			chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))

		run(t, ctx, chromedp.Reload(), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		got := eval(t, ctx, `["q-single-c2", "q-multi-c2", "q-scale-s3"].map(id => document.getElementById(id).checked).join() +
			"|" + document.getElementById("q-short-answer").value + "|" + document.getElementById("q-reflect-text").value`)
		if want := "true,true,true|talk story|Ask Sam."; got != want {
			t.Errorf("after reload, answers are %q, want %q", got, want)
		}
		wantContains(t, "feedback after reload", status(t, ctx, "q-single"), "✓ Correct.")
		wantContains(t, "partial credit after reload", status(t, ctx, "q-multi"), "◐ Partly right. You chose 1 of the 2 correct answers.")
		wantContains(t, "score after reload", eval(t, ctx, `document.querySelector(".ws-score").textContent`), "Your score: 4.5 out of 5 (90%).")
		oldKey := eval(t, ctx, `Object.keys(localStorage).filter(k => k.includes("|ws-test|")).join()`)
		if !strings.HasPrefix(oldKey, "p2pc-worksheet|file://") {
			t.Fatalf("saved answers are under %q, want a key naming the site and worksheet", oldKey)
		}

		publish(t, fixture(t, func(s string) string { return strings.Replace(s, "- [ ] Red", "- [ ] Purple", 1) }), dir)
		run(t, ctx, chromedp.Reload(), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		got = eval(t, ctx, `document.querySelectorAll(".worksheet input:checked").length + "|" + document.getElementById("q-short-answer").value + "|" + document.querySelector(".ws-score").textContent`)
		if got != "0||" {
			t.Errorf("after the worksheet changed, the old answers came back: %q", got)
		}
		if keys := eval(t, ctx, `Object.keys(localStorage).filter(k => k.includes("|ws-test|")).join()`); strings.Contains(keys, oldKey) {
			t.Errorf("the stale answers are still stored: %s", keys)
		}
	})

	t.Run("storage refused", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		console, err := browsertest.WatchConsole(ctx)
		if err != nil {
			t.Fatal(err)
		}
		run(t, ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(`Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError") }})`).Do(ctx)
			return err
		}), chromedp.Navigate(fileURL(dir, quiz)), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		choose(t, ctx, []string{"q-single-c2"}, "", nil)
		run(t, ctx, chromedp.Click(`[data-action="check"]`, chromedp.ByQuery))
		wantContains(t, "feedback without storage", status(t, ctx, "q-single"), "✓ Correct.")
		if got := eval(t, ctx, `document.querySelector(".ws-saved").hidden`); got != "true" {
			t.Error(`"Your answers are kept in this browser" shows although nothing can be kept`)
		}
		if errs := console.Take(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})

	t.Run("keyboard only", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		run(t, ctx, chromedp.Navigate(fileURL(dir, quiz)+"#ws-test"), chromedp.WaitVisible(".ws-toolbar", chromedp.ByQuery))
		order := orderAnswer(t, ctx)
		focus := func(want string) {
			t.Helper()
			if got := eval(t, ctx, `document.activeElement.id || document.activeElement.textContent`); got != want {
				t.Fatalf("focus is on %q, want %q", got, want)
			}
		}
		key := func(keys ...string) {
			t.Helper()
			for _, k := range keys {
				run(t, ctx, chromedp.KeyEvent(k))
			}
		}
		key("\t", "\t", "\t", "\t") // the print, key and GIFT links, then the first question
		focus("q-single-c1")
		key(kb.ArrowDown) // moves to Blue and picks it
		focus("q-single-c2")
		key("\t", " ", "\t", " ", "\t") // Apple, Pear, past Carrot
		focus("q-multi-c3")
		key("\t", " ") // True
		key("\t", "talk story", "\t")
		for _, id := range strings.Split(eval(t, ctx, `[...document.querySelectorAll("#q-order select")].map(s => s.id).join()`), ",") {
			focus(id)
			key(order[id], "\t")
		}
		focus("q-scale-s1")
		key(" ", kb.ArrowRight, kb.ArrowRight, "\t", "Ask Sam.", "\t")
		focus("Check my answers")
		key("\r")
		wantContains(t, "score", eval(t, ctx, `document.querySelector(".ws-score").textContent`), "Your score: 5 out of 5 (100%).")
		if got := eval(t, ctx, `document.getElementById("q-scale-s3").checked`); got != "true" {
			t.Error("the arrow keys did not move the scale to 3")
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		publish(t, fixture(t, nil), dir)
		ctx := tab(t, b)
		run(t, ctx, emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(fileURL(dir, quiz)))
		var toolbar, details string
		var summaries []string
		run(t, ctx, chromedp.OuterHTML(".ws-toolbar", &toolbar, chromedp.ByQuery),
			chromedp.OuterHTML("#q-single details", &details, chromedp.ByQuery))
		if !strings.Contains(toolbar, "hidden") {
			t.Error("the toolbar shows without JavaScript")
		}
		if !strings.HasPrefix(details, `<details class="ws-answer">`) || eval(t, ctx, `document.querySelector(".worksheet").className`) != "worksheet" {
			t.Fatal("worksheet.js ran although JavaScript is off")
		}
		wantContains(t, "the single question's details", details, "<summary>Show answer</summary>", "<strong>Correct:</strong> Blue", "Air scatters blue light most.")
		var nodes []string
		run(t, ctx, chromedp.Click("#q-single summary", chromedp.ByQuery),
			chromedp.WaitVisible("#q-single .ws-explanation", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll("fieldset.ws-q")].map(f => f.id + ":" + (f.querySelector("details.ws-answer > summary") || {}).textContent)`, &nodes))
		summaries = nodes
		want := []string{"q-single:Show answer", "q-multi:Show answer", "q-tf:Show answer", "q-short:Show answer", "q-order:Show answer", "q-scale:undefined", "q-reflect:undefined"}
		if fmt.Sprint(summaries) != fmt.Sprint(want) {
			t.Errorf("details per question: %v, want %v", summaries, want)
		}
	})
}

// waitFile waits up to ten seconds for a file to appear and returns it.
func waitFile(t *testing.T, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if data, err := os.ReadFile(name); err == nil && len(data) > 0 {
			return data
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not appear", name)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
