package browsertest

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core 4.14.1 from its npm package (MPL-2.0), vendored
// so accessibility checks need no network.
//
//go:embed testdata/axe.min.js
var axeSource string

// Violation is one accessibility rule that failed on a page.
type Violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// Axe runs axe-core on the page loaded in ctx against WCAG 2.1 A and AA and
// returns the violations. selector limits the check to part of the page
// ("" checks the whole document).
func Axe(t testing.TB, ctx context.Context, selector string) []Violation {
	t.Helper()
	return axe(t, ctx, selector, `{type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}`)
}

// AxeContrast is Axe with the colour-contrast rule alone: what a change of
// colours alone (the dark theme) can break, at a fraction of the cost.
func AxeContrast(t testing.TB, ctx context.Context, selector string) []Violation {
	t.Helper()
	return axe(t, ctx, selector, `{type: "rule", values: ["color-contrast"]}`)
}

// axe runs axe-core with the rules runOnly chooses.
func axe(t testing.TB, ctx context.Context, selector, runOnly string) []Violation {
	t.Helper()
	context := "document"
	if selector != "" {
		context = fmt.Sprintf("document.querySelector(%q)", selector)
	}
	script := `(async () => {
  if (!window.axe) { ` + axeSource + `
  }
  const r = await axe.run(` + context + `, {runOnly: ` + runOnly + `, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
    targets: v.nodes.map(n => n.target.join(" "))}));
})()`
	var out []Violation
	if err := chromedp.Run(ctx, chromedp.Evaluate(script, &out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})); err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	return out
}
