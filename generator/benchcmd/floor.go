package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"p2pc/generator/markdown"
)

// The floor is the least work a site generator can do for a curriculum: read
// each Markdown file, render it with the same goldmark set-up as p2pc
// (generator/markdown) and write it inside a fixed page shell the size of
// p2pc's lesson pages, on all cores. No navigation, links, search or
// features. A build that is close to the floor has little left to gain.

// DefaultShell is the number of bytes around the body of an average lesson
// page of the 10,000-lesson synthetic curriculum built by p2pc (26,021 at
// commit eacd596): the page's size minus the size of its rendered Markdown.
// The bench command measures it again on every run; BenchmarkFloor uses this.
const DefaultShell = 26000

// newMarkdown returns the renderer the floor uses: p2pc's lesson Markdown
// (GFM, typographer, heading ids and attributes, fenced divs, chroma) with
// no feature renderers.
func newMarkdown() *markdown.Markdown { return markdown.New(false, nil) }

var frontMatterEnd = regexp.MustCompile(`(?m)^(---|\+\+\+)[ \t]*\r?$`)

// stripFrontMatter returns src without its YAML or TOML front matter.
func stripFrontMatter(src []byte) []byte {
	for _, delim := range []string{"---", "+++"} {
		if !bytes.HasPrefix(src, []byte(delim+"\n")) && !bytes.HasPrefix(src, []byte(delim+"\r\n")) {
			continue
		}
		rest := src[len(delim)+1:]
		if end := frontMatterEnd.FindIndex(rest); end != nil {
			return rest[end[1]:]
		}
	}
	return src
}

// renderBody renders a Markdown file's body, without front matter, to HTML.
func renderBody(md *markdown.Markdown, src []byte) ([]byte, error) {
	body := stripFrontMatter(src)
	return md.Render(body, md.Parse(body))
}

// shellParts returns the text before and after a page's body, together
// shell bytes long (at least the bare minimum of a valid page).
func shellParts(shell int) (head, tail []byte) {
	head = []byte("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lesson</title>\n" +
		"<link rel=\"stylesheet\" href=\"../../assets/style.css\"></head>\n<body><main><article>\n")
	end := "</article></main>\n<nav class=\"sidebar\"><ul>\n"
	closing := "</ul></nav>\n</body></html>\n"
	var nav strings.Builder
	item := "<li><a href=\"../../module/lesson/\">A lesson in the sidebar</a></li>\n"
	for len(head)+len(end)+nav.Len()+len(item)+len(closing) <= shell {
		nav.WriteString(item)
	}
	pad := shell - len(head) - len(end) - nav.Len() - len(closing)
	if pad > 0 {
		nav.WriteString(strings.Repeat(" ", pad-1) + "\n")
	}
	return head, []byte(end + nav.String() + closing)
}

// floorPath is where the floor writes the page of a Markdown file: a/b.md
// gives a/b/index.html, a/_index.md gives a/index.html.
func floorPath(out, rel string) string {
	rel = strings.TrimSuffix(rel, ".md")
	if filepath.Base(rel) == "_index" {
		rel = filepath.Dir(rel)
	}
	return filepath.Join(out, rel, "index.html")
}

// markdownFiles lists the .md files below src, relative to it.
func markdownFiles(src string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list Markdown files in %s: %w", src, err)
	}
	return files, nil
}

// floor renders every .md file below src into out, each inside a page shell
// of shell bytes, on all cores, and returns the number of pages written.
func floor(src, out string, shell int) (int, error) {
	files, err := markdownFiles(src)
	if err != nil {
		return 0, err
	}
	head, tail := shellParts(shell)
	jobs := make(chan string)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := newMarkdown()
			var page []byte
			for rel := range jobs {
				if err := floorPage(md, src, out, rel, head, tail, &page); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, rel := range files {
		jobs <- rel
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return 0, err
	default:
	}
	return len(files), nil
}

func floorPage(md *markdown.Markdown, src, out, rel string, head, tail []byte, page *[]byte) error {
	data, err := os.ReadFile(filepath.Join(src, rel))
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	html, err := renderBody(md, data)
	if err != nil {
		return fmt.Errorf("floor: %s: %w", rel, err)
	}
	*page = append(append(append((*page)[:0], head...), html...), tail...)
	p := floorPath(out, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	if err := os.WriteFile(p, *page, 0o644); err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	return nil
}
