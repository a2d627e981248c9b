// Package synthetic writes a large made-up curriculum for benchmarks: many
// modules of lessons with front matter, headings, lists, links and code, so
// that builds, search and rebuilds can be measured at scale. Files gives
// prose lessons; Technical gives lessons like real programming lessons
// (shell sessions, output blocks, long listings).
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var words = strings.Fields(`coach peer ask listen habit follow check month clarity thank open mind
feedback trust respect team manager shift guest patient ward warehouse kitchen desk code review
deploy schedule practice improve question answer example reflect learn growth value culture
vocabulary project leader silo knowledge library buddy reciprocity initiative accountability
people production task conversation focus group engagement behaviour delegation dignity story`)

// Files returns the Markdown files of a curriculum of about n lessons in
// modules of 50, keyed by slash-separated path, all links valid.
func Files(n int) map[string]string {
	r := rand.New(rand.NewPCG(1, 2))
	files := map[string]string{"_index.md": "---\ntitle: Synthetic curriculum\nsummary: Made up for benchmarks.\n---\nWelcome.\n"}
	perModule := 50
	for i := 0; i < n; i++ {
		m, l := i/perModule, i%perModule
		dir := fmt.Sprintf("%03d-module-%d", m+1, m+1)
		if l == 0 {
			files[dir+"/_index.md"] = fmt.Sprintf("---\ntitle: Module %d\nsummary: %s.\n---\n%s.\n", m+1, sentence(r, 8), sentence(r, 30))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Lesson %d %s\nsummary: %s.\nobjectives:\n  - %s\n  - %s\nduration: %d\n---\n",
			i+1, words[r.IntN(len(words))], sentence(r, 10), sentence(r, 5), sentence(r, 5), 5+r.IntN(20))
		for s := 0; s < 5; s++ {
			fmt.Fprintf(&b, "\n## Section %d about %s {#s%d}\n\n%s.\n\n%s.\n", s+1, words[r.IntN(len(words))], s+1, sentence(r, 40), sentence(r, 35))
			if s == 2 {
				fmt.Fprintf(&b, "\n- %s\n- %s\n- %s\n", sentence(r, 6), sentence(r, 6), sentence(r, 6))
			}
		}
		if l > 0 {
			fmt.Fprintf(&b, "\nSee the [previous lesson](%03d-lesson-%d.md#s2).\n", l, i)
		}
		files[fmt.Sprintf("%s/%03d-lesson-%d.md", dir, l+1, i+1)] = b.String()
	}
	return files
}

func sentence(r *rand.Rand, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(out, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Write writes Files(n) below dir.
func Write(dir string, n int) error {
	return WriteFiles(dir, Files(n))
}

// WriteFiles writes files, keyed by slash-separated path as Files and
// Technical return them, below dir.
func WriteFiles(dir string, files map[string]string) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("write synthetic curriculum: %w", err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return fmt.Errorf("write synthetic curriculum: %w", err)
		}
	}
	return nil
}

// Size is the number of lessons a benchmark that asks for n builds: the
// environment variable P2PC_BENCH_LESSONS when set (to measure growth:
// 1000, 10000, 50000), else 200 under go test -short (so that CI runs every
// benchmark once, quickly, with -short -benchtime=1x), else n.
func Size(n int) int {
	if v, err := strconv.Atoi(os.Getenv("P2PC_BENCH_LESSONS")); err == nil && v > 0 {
		return v
	}
	if testing.Testing() && testing.Short() {
		return min(n, 200)
	}
	return n
}
