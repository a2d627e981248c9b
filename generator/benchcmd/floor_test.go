package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"p2pc/generator/synthetic"
)

func TestShellParts(t *testing.T) {
	for _, size := range []int{500, 8909, DefaultShell} {
		head, tail := shellParts(size)
		if got := len(head) + len(tail); got != size {
			t.Errorf("shellParts(%d) gives %d bytes", size, got)
		}
	}
}

func TestFloor(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	files := synthetic.Technical(60)
	if err := synthetic.WriteFiles(src, files); err != nil {
		t.Fatal(err)
	}
	const shell = 9000
	n, err := floor(src, out, shell)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(files) {
		t.Errorf("floor wrote %d pages for %d files", n, len(files))
	}
	md := newMarkdown()
	for name, data := range files {
		body, err := renderBody(md, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(floorPath(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != shell+len(body) || !bytes.Contains(page, body) {
			t.Errorf("%s: page of %d bytes, want the %d-byte body in a %d-byte shell", name, len(page), len(body), shell)
		}
		if bytes.Contains(body, []byte("\ntitle: ")) {
			t.Errorf("%s: front matter rendered", name)
		}
	}
}

func TestPaths(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{p2pcPath("001-module-1/002-lesson-2.md"), "module-1/lesson-2/index.html"},
		{hugoPath("001-module-1/002-lesson-2.md"), "001-module-1/002-lesson-2/index.html"},
		{hugoSitePath("001-Part-1/01-Intro.md"), "001-part-1/01-intro/index.html"},
		{floorPath("out", "001-module-1/_index.md"), "out/001-module-1/index.html"},
		{floorPath("out", "_index.md"), "out/index.html"},
	} {
		if c.got != filepath.FromSlash(c.want) {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// BenchmarkFloor renders and writes 1,000 synthetic lessons (see
// synthetic.Size for other sizes) as the floor does, into an empty folder
// each time:
//
//	go test ./generator/benchcmd -run '^$' -bench Floor -benchtime 3x
func BenchmarkFloor(b *testing.B) {
	n := synthetic.Size(1000)
	for _, kind := range []string{"prose", "technical"} {
		b.Run(kind, func(b *testing.B) {
			files := synthetic.Files(n)
			if kind == "technical" {
				files = synthetic.Technical(n)
			}
			src := b.TempDir()
			if err := synthetic.WriteFiles(src, files); err != nil {
				b.Fatal(err)
			}
			outs := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				out := filepath.Join(outs, fmt.Sprint(i)) // a new, empty folder
				if _, err := floor(src, out, DefaultShell); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/lesson")
		})
	}
}
