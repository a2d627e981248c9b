package lessonset

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// allExist is an exists func for which every file is there.
func allExist(string) bool { return true }

func existIn(files ...string) func(string) bool {
	m := map[string]bool{}
	for _, f := range files {
		m[f] = true
	}
	return func(p string) bool { return m[p] }
}

// summaryOutline renders a parse as the home line then the outline.
func summaryOutline(sum summary) string {
	home := "home: -\n"
	if sum.home != nil {
		home = "home: " + sum.home.String() + "\n"
	}
	return home + outline(sum.items)
}

func TestSummaryRules(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"title ignored, first prefix is home",
			"# Summary\n\n[Intro](README.md)\n[Foreword](foreword.md)\n",
			"home: [Intro](src/README.md)\n[Foreword](src/foreword.md)\n"},
		{"no prefix chapter: no home",
			"- [One](one.md)\n- [Two](two.md)\n",
			"home: -\n[One](src/one.md)\n[Two](src/two.md)\n"},
		{"parts hold their chapters",
			"# Summary\n[Intro](README.md)\n# Part A\n- [a](a.md)\n# Part B\n- [b](b.md)\n",
			"home: [Intro](src/README.md)\n# Part A\n  [a](src/a.md)\n# Part B\n  [b](src/b.md)\n"},
		{"closing #s of a part title",
			"# Summary\n# Part A ##\n- [a](a.md)\n# C#\n- [b](b.md)\n",
			"home: -\n# Part A\n  [a](src/a.md)\n# C#\n  [b](src/b.md)\n"},
		{"first heading without a title line is the title, not a part",
			"# Guide\n- [a](a.md)\n",
			"home: -\n[a](src/a.md)\n"},
		{"nesting by indentation",
			"- [a](a.md)\n  - [b](b.md)\n    - [c](c.md)\n  - [d](d.md)\n- [e](e.md)\n",
			"home: -\n[a](src/a.md)\n  [b](src/b.md)\n    [c](src/c.md)\n  [d](src/d.md)\n[e](src/e.md)\n"},
		{"four-space and tab indents",
			"* [a](a.md)\n    * [b](b.md)\n\t* [c](c.md)\n",
			"home: -\n[a](src/a.md)\n  [b](src/b.md)\n  [c](src/c.md)\n"},
		{"one space is not enough to nest under a dash item",
			"- [a](a.md)\n - [b](b.md)\n",
			"home: -\n[a](src/a.md)\n[b](src/b.md)\n"},
		{"ordered list markers",
			"1. [a](a.md)\n   1. [b](b.md)\n2) [c](c.md)\n",
			"home: -\n[a](src/a.md)\n  [b](src/b.md)\n[c](src/c.md)\n"},
		{"draft chapters keep their title",
			"- [a](a.md)\n  - [Later]()\n",
			"home: -\n[a](src/a.md)\n  [Later]()\n"},
		{"separators and suffix chapters",
			"[Intro](README.md)\n---\n# P\n- [a](a.md)\n\n-----\n\n[Thanks](thanks.md)\n",
			"home: [Intro](src/README.md)\n---\n# P\n  [a](src/a.md)\n---\n[Thanks](src/thanks.md)\n"},
		{"separator between chapters of a part stays in the part",
			"# T\n# P\n- [a](a.md)\n---\n- [b](b.md)\n",
			"home: -\n# P\n  [a](src/a.md)\n  ---\n  [b](src/b.md)\n"},
		{"links are cleaned and URL-decoded, anchors dropped",
			"- [a](./x/../my%20file.md)\n- [b](<b c.md>)\n- [c](c.md#part \"Title\")\n",
			"home: -\n[a](src/my file.md)\n[b](src/b c.md)\n[c](src/c.md)\n"},
		{"brackets and escapes in titles",
			"- [The `[x]` syntax](x.md)\n- [a \\] b](y.md)\n",
			"home: -\n[The [x] syntax](src/x.md)\n[a ] b](src/y.md)\n"},
		{"inline Markdown in titles is plain text",
			"# Summary\n# The `Code` *part*\n- [`code` title](c.md)\n- [**Bold** and _em_ &amp; <b>tag</b>]()\n- [1. snake_case_name](s.md)\n",
			"home: -\n# The Code part\n  [code title](src/c.md)\n  [Bold and em & tag]()\n  [1. snake_case_name](src/s.md)\n"},
		{"comments are skipped",
			"<!-- one -->\n- [a](a.md)\n<!--\n- [hidden](h.md)\n-->\n- [b](b.md)\n",
			"home: -\n[a](src/a.md)\n[b](src/b.md)\n"},
		{"CRLF and BOM",
			"\ufeff# Summary\r\n\r\n[Intro](README.md)\r\n- [a](a.md)\r\n",
			"home: [Intro](src/README.md)\n[a](src/a.md)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := parseSummary([]byte(tt.in), "src/SUMMARY.md", "src", allExist, false)
			if got := summaryOutline(sum); got != tt.want {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, p := range sum.problems {
				t.Errorf("unexpected problem %v", p)
			}
		})
	}
}

// TestSummaryTextAfterLink: mdBook takes the first link of a line and
// leaves out the rest; here that is a warning at the text, not a problem.
func TestSummaryTextAfterLink(t *testing.T) {
	tests := []struct {
		name, in, outline, warning string
	}{
		{"prefix chapter",
			"[a](a.md) and more\n",
			"home: [a](src/a.md)\n",
			`src/SUMMARY.md:1:11: text after the chapter link is left out, as mdBook does: "and more"`},
		{"list item with a note",
			"- [A](a.md) (note)\n  - [B](b.md)\n",
			"home: -\n[A](src/a.md)\n  [B](src/b.md)\n",
			`src/SUMMARY.md:1:13: text after the chapter link is left out, as mdBook does: "(note)"`},
		{"listed twice: unlinked the second time",
			"- [a](a.md)\n- [again](a.md)\n",
			"home: -\n[a](src/a.md)\n[again]()\n",
			`src/SUMMARY.md:2:3: "src/a.md" is listed twice (first on line 1): a page has one place in the book, so p2pc lists it here unlinked`},
		{"a second link",
			"- [A](a.md) [B](b.md)\n",
			"home: -\n[A](src/a.md)\n",
			`src/SUMMARY.md:1:13: text after the chapter link is left out, as mdBook does: "[B](b.md)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := parseSummary([]byte(tt.in), "src/SUMMARY.md", "src", allExist, false)
			if got := summaryOutline(sum); got != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", got, tt.outline)
			}
			for _, p := range sum.problems {
				t.Errorf("unexpected problem %v", p)
			}
			if len(sum.warnings) != 1 || sum.warnings[0].Error() != tt.warning {
				t.Errorf("warnings %v, want %s", sum.warnings, tt.warning)
			}
		})
	}
}

func TestSummaryRootIsFSRoot(t *testing.T) {
	sum := parseSummary([]byte("[Intro](README.md)\n- [a](sub/a.md)\n"), "SUMMARY.md", "", allExist, false)
	if got, want := summaryOutline(sum), "home: [Intro](README.md)\n[a](sub/a.md)\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSummaryProblems(t *testing.T) {
	tests := []struct {
		name, in, want, outline string
	}{
		{"missing file",
			"- [a](a.md)\n  - [Gone](gone.md)\n",
			"src/SUMMARY.md:2:5: src/gone.md does not exist; create it, or write [Title]() for a draft",
			"home: -\n[a](src/a.md)\n  [Gone](?)\n"},
		{"link leaves src",
			"- [a](../outside.md)\n",
			`src/SUMMARY.md:1:3: chapter link "../outside.md" leaves the src folder; move the file inside it`,
			"home: -\n[a](?)\n"},
		{"absolute link",
			"[a](/a.md)\n",
			`src/SUMMARY.md:1:1: chapter link "/a.md" starts with /; write it relative to SUMMARY.md`,
			"home: -\n[a](?)\n"},
		{"web link",
			"- [a](https://example.org/a.md)\n",
			`src/SUMMARY.md:1:3: chapter link "https://example.org/a.md" is not a file in the book; link a .md file relative to SUMMARY.md`,
			"home: -\n[a](?)\n"},
		{"list item that is no link becomes a draft holding its children",
			"- Setup\n  - [a](a.md)\n",
			"src/SUMMARY.md:1:3: expected a chapter link: [Title](file.md), or [Title]() for a draft",
			"home: -\n[Setup]()\n  [a](src/a.md)\n"},
		{"unclosed link",
			"- [a](a.md\n",
			"src/SUMMARY.md:1:3: expected a chapter link: [Title](file.md), or [Title]() for a draft",
			"home: -\n[[a](a.md]()\n"},
		{"prose",
			"# Summary\nSome words.\n",
			"src/SUMMARY.md:2:1: unexpected text: SUMMARY.md holds only chapter links ([Title](file.md)), list items (- [Title](file.md)), part titles (# Title) and separators (---)",
			"home: -\n"},
		{"list after suffix",
			"- [a](a.md)\n[s](s.md)\n- [b](b.md)\n",
			"src/SUMMARY.md:3:1: numbered chapter after the suffix chapters: a link without - ends the list",
			"home: -\n[a](src/a.md)\n[s](src/s.md)\n[b](src/b.md)\n"},
		{"part after suffix",
			"- [a](a.md)\n[s](s.md)\n# P\n",
			"src/SUMMARY.md:3:1: part title after the suffix chapters: move the links after the list to the end",
			"home: -\n[a](src/a.md)\n[s](src/s.md)\n# P\n"},
		{"backslash in a path",
			"- [a](dir\\a.md)\n- [b](b\\(1\\).md)\n",
			`src/SUMMARY.md:1:3: chapter link "dir\\a.md" has a backslash; separate folders with /`,
			"home: -\n[a](?)\n[b](src/b(1).md)\n"},
		{"bad escape",
			"- [a](a%zz.md)\n",
			`src/SUMMARY.md:1:3: bad escape in link "a%zz.md": invalid URL escape "%zz"`,
			"home: -\n[a](?)\n"},
		{"continuation text in a list item",
			"- [a](a.md)\n  [b](b.md)\n",
			"src/SUMMARY.md:2:3: text inside a list item: put each chapter on its own line, starting with - ",
			"home: -\n[a](src/a.md)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := parseSummary([]byte(tt.in), "src/SUMMARY.md", "src", func(p string) bool { return p != "src/gone.md" }, false)
			var got []string
			for _, p := range sum.problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			if o := summaryOutline(sum); o != tt.outline {
				t.Errorf("outline:\n%s\nwant:\n%s", o, tt.outline)
			}
		})
	}
}

// bigSummary returns a SUMMARY.md of n list items whose depth climbs to
// depth and falls back, over and over.
func bigSummary(n, depth int) string {
	var b strings.Builder
	b.WriteString("# Summary\n\n[Intro](README.md)\n\n# Part\n\n")
	for i := 0; i < n; i++ {
		d := i % (2 * depth)
		if d >= depth {
			d = 2*depth - 1 - d
		}
		fmt.Fprintf(&b, "%s- [Chapter %d](ch/%d.md)\n", strings.Repeat("  ", d), i, i)
	}
	return b.String()
}

func TestSummaryLargeAndDeep(t *testing.T) {
	const n, depth = 10000, 50
	src := []byte(bigSummary(n, depth))
	start := time.Now()
	sum := parseSummary(src, "src/SUMMARY.md", "src", allExist, false)
	elapsed := time.Since(start)
	if len(sum.problems) != 0 {
		t.Fatalf("problems: %v", sum.problems[0])
	}
	count, maxDepth := 0, 0
	var walk func([]*Entry, int)
	walk = func(es []*Entry, d int) {
		for _, e := range es {
			if !e.Part {
				count++
				maxDepth = max(maxDepth, d)
			}
			walk(e.Children, d+1)
		}
	}
	walk(sum.items, 0)
	if count != n || maxDepth != depth {
		t.Errorf("got %d chapters, %d deep; want %d, %d deep", count, maxDepth, n, depth)
	}
	// Linear: ten times the input must not cost a hundred times the time.
	// Each size takes the fastest of three runs: other work on the machine
	// only ever adds time.
	fastest := func(src []byte) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			parseSummary(src, "src/SUMMARY.md", "src", allExist, false)
			best = min(best, time.Since(start))
		}
		return best
	}
	elapsed = min(elapsed, fastest(src))
	big := []byte(bigSummary(10*n, depth))
	if bigElapsed := fastest(big); bigElapsed > 40*elapsed+100*time.Millisecond {
		t.Errorf("10x input took %v, 1x took %v: not linear", bigElapsed, elapsed)
	}
	if elapsed > time.Second {
		t.Errorf("10,000 lines took %v", elapsed)
	}
}

func BenchmarkSummary(b *testing.B) {
	src := []byte(bigSummary(10000, 50))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parseSummary(src, "src/SUMMARY.md", "src", allExist, false)
	}
}

func FuzzSummary(f *testing.F) {
	f.Add("# Summary\n[Intro](README.md)\n# P\n- [a](a.md)\n  - [b]()\n---\n[s](s.md)\n")
	f.Add("- [a](<a b.md> \"t\")\n\t* [c](c%20d.md#x)\n<!--\n-->\n1. [e](../e.md)\n")
	f.Add("[[[]]](((\\\n- \n#\n####  x ##\n")
	f.Fuzz(func(t *testing.T, in string) {
		sum := parseSummary([]byte(in), "src/SUMMARY.md", "src", existIn("src/a.md"), false)
		lines := strings.Count(in, "\n") + 1
		for _, p := range sum.problems {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("problem at a place outside the input: %v", p)
			}
		}
		seen := map[string]bool{}
		if sum.home != nil {
			seen[sum.home.Source] = true
		}
		walkEntries(sum.items, func(e *Entry) {
			if e.Source == "" {
				return
			}
			if e.Source != "src/a.md" {
				t.Fatalf("source %q does not exist", e.Source)
			}
			if seen[e.Source] {
				t.Fatalf("source %q twice", e.Source)
			}
			seen[e.Source] = true
		})
	})
}

// TestSummaryDeeperHeading: mdBook skips a ## heading in SUMMARY.md, and
// the chapters around it stay as they are; it is a warning, not an error.
func TestSummaryDeeperHeading(t *testing.T) {
	sum := parseSummary([]byte("# Summary\n\n- [a](a.md)\n\n## Getting started\n\n- [b](b.md)\n"), "src/SUMMARY.md", "src", allExist, false)
	if len(sum.problems) != 0 || len(sum.warnings) != 1 || !strings.Contains(sum.warnings[0].Error(), "src/SUMMARY.md:5:1: a level-2 heading is left out") {
		t.Errorf("problems %v, warnings %v; want one warning at 5:1", sum.problems, sum.warnings)
	}
	if o, want := summaryOutline(sum), "home: -\n[a](src/a.md)\n[b](src/b.md)\n"; o != want {
		t.Errorf("outline:\n%s\nwant:\n%s", o, want)
	}
}
