package directive

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// reader serves files from a map, as the builder's Read does from the
// content folder.
func reader(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if !fs.ValidPath(name) {
			return nil, fmt.Errorf("read %s: %w", name, fs.ErrNotExist)
		}
		s, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("read %s: %w", name, fs.ErrNotExist)
		}
		return []byte(s), nil
	}
}

// problems formats ps as "line:col: message" strings.
func problems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// checkLines fails unless res.Lines has one entry per line of res.Body,
// each a line of a body of srcLines lines.
func checkLines(t *testing.T, res Result, srcLines int) {
	t.Helper()
	n := strings.Count(string(res.Body), "\n")
	if len(res.Body) > 0 && res.Body[len(res.Body)-1] != '\n' {
		n++
	}
	if len(res.Lines) != n {
		t.Fatalf("%d entries in Lines for %d lines of output\nLines %v\nBody %q", len(res.Lines), n, res.Lines, res.Body)
	}
	for i, l := range res.Lines {
		if l < 1 || l > max(srcLines, 1) {
			t.Fatalf("Lines[%d] = %d, outside 1..%d", i, l, srcLines)
		}
	}
	if !slices.IsSorted(res.Lines) {
		t.Errorf("Lines go backwards: %v", res.Lines)
	}
	for _, p := range res.Problems {
		if p.Line < 1 || p.Line > max(srcLines, 1) || p.Col < 1 {
			t.Errorf("problem outside the body: %v", p)
		}
	}
}

func countLines(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}
