package markdown

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// growthShape is a page that grows with n: its bytes grow about linearly
// with n unless the shape itself needs more (lines that get longer).
type growthShape struct {
	name string
	n    int // the small size; the large one is 10n
	page func(n int) string
	// deep is true for shapes that nest beyond the limits: the page must
	// report a problem and its tree must stay within them.
	deep bool
}

func repeat(n int, s string) string { return strings.Repeat(s, n) }

func lines(n int, line func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(line(i))
	}
	return b.String()
}

func growthShapes() []growthShape {
	return []growthShape{
		{"nested divs, same colons", 200, func(n int) string {
			return repeat(n, ":::: x\n") + "text\n" + repeat(n, "::::\n")
		}, true},
		{"nested divs, more colons each", 100, func(n int) string {
			return lines(n, func(i int) string { return strings.Repeat(":", 3+i) + " x\n" }) + "text\n" +
				lines(n, func(i int) string { return strings.Repeat(":", 2+n-i) + "\n" })
		}, true},
		{"nested divs with ids", 200, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("::: x {#d%d .c k=v}\n", i) }) + repeat(n, ":::\n")
		}, true},
		{"nested divs, text between fences", 200, func(n int) string {
			return repeat(n, "::: x\nSome text.\n\n") + repeat(n, ":::\n\nMore text.\n\n")
		}, true},
		{"sibling divs", 500, func(n int) string { return repeat(n, "::: x\ny\n:::\n\n") }, false},
		{"sibling divs with ids", 500, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("::: x {#d%d .c k=v}\ny\n:::\n\n", i) })
		}, false},
		{"sibling divs, one id", 500, func(n int) string { return repeat(n, "::: x {#same}\ny\n:::\n\n") }, false},
		{"unclosed divs", 500, func(n int) string { return repeat(n, "::: x\ny\n\n") }, true},
		{"stray closing fences", 500, func(n int) string { return repeat(n, ":::\n") }, false},
		{"distinct footnotes", 500, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("Text[^n%d].\n\n", i) }) +
				lines(n, func(i int) string { return fmt.Sprintf("[^n%d]: Note %d.\n", i, i) })
		}, false},
		{"same heading", 500, func(n int) string { return repeat(n, "## Same\n\n") }, false},
		{"same heading, numbered ones taken", 500, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("## Same %d\n\n", i+1) }) + repeat(n, "## Same\n\n")
		}, false},
		{"same heading id attribute", 500, func(n int) string { return repeat(n, "## A {#a}\n\n## A\n\n") }, false},
		{"heading id attributes", 500, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("## A {#a-%d}\n\n", i) }) + repeat(n, "## A\n\n")
		}, false},
		{"nested quotes", 1000, func(n int) string { return repeat(n, "> ") + "a\n" }, true},
		{"nested quotes, no spaces", 1000, func(n int) string { return repeat(n, ">") + "a\n" }, true},
		{"nested quotes, a line each", 60, func(n int) string {
			return lines(n, func(i int) string { return repeat(i+1, "> ") + "a\n" })
		}, true},
		{"deep quote lines", 50, func(n int) string { return repeat(n, repeat(200, ">")+" a\n") }, true},
		{"nested lists", 1000, func(n int) string { return repeat(n, "- ") + "a\n" }, true},
		{"nested ordered lists", 1000, func(n int) string { return repeat(n, "1. ") + "a\n" }, true},
		{"nested lists, a line each", 40, func(n int) string {
			return lines(n, func(i int) string { return repeat(i, "  ") + "- a\n" })
		}, true},
		{"quotes in lists", 500, func(n int) string { return repeat(n, "- > ") + "a\n" }, true},
		{"divs in quotes", 200, func(n int) string {
			return lines(n, func(i int) string { return repeat(i, "> ") + "::: x\n" })
		}, true},
		{"definitions", 500, func(n int) string { return "a\n" + repeat(n, ": ") + "b\n" }, false},
		{"links on one line", 1000, func(n int) string { return repeat(n, "[a](b) ") + "\n" }, false},
		{"long line", 2000, func(n int) string { return repeat(n, "word *em* `code` ") + "\n" }, false},
		{"spans on one line", 1000, func(n int) string { return repeat(n, "[a]{#b} ") + "\n" }, false},
		{"spans with ids", 1000, func(n int) string {
			return lines(n, func(i int) string { return fmt.Sprintf("[a]{#b%d .c} ", i) }) + "\n"
		}, false},
		{"spans, a line each", 1000, func(n int) string { return repeat(n, "[a]{#b}\n\n") }, false},
		{"list items", 1000, func(n int) string { return repeat(n, "- item\n") }, false},
		{"quote lines", 1000, func(n int) string { return repeat(n, "> line\n") }, false},
	}
}

// work measures what parsing and rendering src costs, in allocations and
// allocated bytes: counts that, unlike time, do not change with the load
// of the machine.
func work(t *testing.T, m *Markdown, src string) (mallocs, bytes uint64, doc ast.Node) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc = m.Parse([]byte(src))
	if _, err := m.Render([]byte(src), doc); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, doc
}

// TestGrowthLinear: for every shape, a page ten times the size costs at
// most about ten times as much to parse and render (15× is allowed); a
// cost that grows with the square of the input would be 100×. Shapes whose
// lines grow with n are held to their growth in bytes instead.
func TestGrowthLinear(t *testing.T) {
	m := New(false, nil)
	for _, s := range growthShapes() {
		t.Run(s.name, func(t *testing.T) {
			small, large := s.page(s.n), s.page(10*s.n)
			work(t, m, small) // warm up: first uses set up tables
			sm, sb, _ := work(t, m, small)
			lm, lb, doc := work(t, m, large)
			ratio := 15 * float64(len(large)) / float64(len(small)) / 10
			t.Logf("%d→%d bytes: %d→%d allocations (×%.1f), %d→%d bytes allocated (×%.1f)",
				len(small), len(large), sm, lm, float64(lm)/float64(sm), sb, lb, float64(lb)/float64(sb))
			if float64(lm) > ratio*float64(sm) {
				t.Errorf("allocations grew ×%.1f from %d to %d bytes of input, want at most ×%.1f",
					float64(lm)/float64(sm), len(small), len(large), ratio)
			}
			if float64(lb) > ratio*float64(sb) {
				t.Errorf("allocated bytes grew ×%.1f from %d to %d bytes of input, want at most ×%.1f",
					float64(lb)/float64(sb), len(small), len(large), ratio)
			}
			if d := treeDepth(doc); d > 2*MaxBlockDepth+2 {
				t.Errorf("tree is %d blocks deep, want at most %d", d, 2*MaxBlockDepth+2)
			}
			if got := len(Problems(doc)) > 0; got != s.deep {
				t.Errorf("problems reported: %v, want %v: %v", got, s.deep, Problems(doc))
			}
		})
	}
}

// treeDepth is how deep blocks nest in the tree of n.
func treeDepth(n ast.Node) int {
	d := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			d = max(d, treeDepth(c))
		}
	}
	return d + 1
}

// TestNestingLimits: a fenced div deeper than MaxDivDepth is reported at
// its opening fence and left out with its closing fence, its content kept
// in the enclosing div; a quote marker beyond MaxBlockDepth is reported and
// the rest of its line is text.
func TestNestingLimits(t *testing.T) {
	m := New(false, nil)
	src := repeat(MaxDivDepth+1, "::: x\n") + "inner\n" + repeat(MaxDivDepth+1, ":::\n") + "after\n"
	doc := m.Parse([]byte(src))
	out, err := m.Render([]byte(src), doc)
	if err != nil {
		t.Fatal(err)
	}
	ps := Problems(doc)
	if len(ps) != 1 {
		t.Fatalf("problems %v, want one", ps)
	}
	line, col := Position([]byte(src), ps[0].Offset)
	want := "fenced divs nest 65 deep here; the limit is 64: close some before opening more"
	if line != MaxDivDepth+1 || col != 1 || ps[0].Msg != want {
		t.Errorf("problem at %d:%d %q, want at %d:1 %q", line, col, ps[0].Msg, MaxDivDepth+1, want)
	}
	if n := strings.Count(string(out), "<div"); n != MaxDivDepth {
		t.Errorf("%d divs, want %d", n, MaxDivDepth)
	}
	if !strings.Contains(string(out), "<p>inner</p>\n</div>") || !strings.HasSuffix(string(out), "</div>\n<p>after</p>\n") {
		t.Errorf("output does not keep the inner text in the deepest div and the rest after:\n%s", out)
	}

	src = repeat(MaxBlockDepth+2, "> ") + "a\n"
	doc = m.Parse([]byte(src))
	out, _ = m.Render([]byte(src), doc)
	if ps := Problems(doc); len(ps) != 1 || ps[0].Offset != 2*MaxBlockDepth {
		t.Errorf("problems %v, want one at offset %d", ps, 2*MaxBlockDepth)
	}
	if !strings.Contains(string(out), "<p>&gt; &gt; a</p>") {
		t.Errorf("the markers beyond the limit are not text:\n%s", out[max(0, len(out)-200):])
	}
}
