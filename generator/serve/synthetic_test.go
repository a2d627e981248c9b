package serve

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSynthetic writes a curriculum of n lessons into dir: n/100 modules
// (at least one) of up to 100 lessons, each lesson 300-600 words in
// sections with a list, a link to the previous lesson and, in one lesson in
// four, a fenced code block. The folder has Hugo's layout too (an _index.md
// per folder), so Hugo can build the same files for comparison.
func writeSynthetic(t testing.TB, dir string, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 1))
	words := strings.Fields(`coach peer listen question trust story value team goal
		feedback practice respect support learn share plan reflect notice help
		conversation kindness care grow habit open honest time help aloha`)
	fill := strings.Fields(`the of and to a in is that for it as with on be by you
		this are or have not from at but an they we can their more when what`)
	text := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			if rng.IntN(2) == 0 {
				b.WriteString(fill[rng.IntN(len(fill))])
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
			if i%14 == 13 {
				b.WriteString(".")
			}
		}
		return b.String() + "."
	}
	title := func() string {
		w := words[rng.IntN(len(words))]
		return strings.ToUpper(w[:1]) + w[1:] + " " + words[rng.IntN(len(words))]
	}
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("_index.md", "---\ntitle: Synthetic curriculum\n---\n\n"+text(60)+"\n")
	modules := max(1, n/100)
	for m := range modules {
		mdir := fmt.Sprintf("%03d-module-%d", m+1, m+1)
		write(mdir+"/_index.md", fmt.Sprintf("---\ntitle: Module %d %s\nsummary: %s\n---\n\n%s\n", m+1, title(), text(12), text(80)))
		for i := m * n / modules; i < (m+1)*n/modules; i++ {
			write(mdir+"/"+lessonName(i), lesson(i, title(), text, rng, i > m*n/modules))
		}
	}
}

func lessonName(i int) string { return fmt.Sprintf("%05d-lesson-%d.md", i, i) }

func lesson(i int, title string, text func(int) string, rng *rand.Rand, hasPrev bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s %d\nsummary: %s\nduration: %d\n---\n\n", title, i, text(10), 5+rng.IntN(20))
	b.WriteString(text(60) + "\n\n")
	sections := 3 + rng.IntN(3)
	for s := range sections {
		fmt.Fprintf(&b, "## Part %d %s\n\n%s\n\n", s+1, title, text(40+rng.IntN(40)))
		if s == 0 {
			b.WriteString("- " + text(8) + "\n- " + text(8) + "\n- " + text(8) + "\n\n")
		}
		if s == 1 && hasPrev {
			fmt.Fprintf(&b, "See [the previous lesson](%s) before you go on.\n\n", lessonName(i-1))
		}
		if s == 2 && i%4 == 0 {
			b.WriteString("```go\nfunc listen(p Peer) string {\n\treturn p.Story()\n}\n```\n\n")
		}
	}
	return b.String()
}

// TestWriteSynthetic writes the synthetic curriculum for measuring by hand
// (with Hugo too) when P2PC_SYNTHETIC names a folder:
//
//	P2PC_SYNTHETIC=/tmp/synth go test -run TestWriteSynthetic ./generator/serve/
func TestWriteSynthetic(t *testing.T) {
	dir := os.Getenv("P2PC_SYNTHETIC")
	if dir == "" {
		t.Skip("set P2PC_SYNTHETIC=DIR to write the 10,000-lesson curriculum into DIR/content")
	}
	writeSynthetic(t, filepath.Join(dir, "content"), 10000)
}
