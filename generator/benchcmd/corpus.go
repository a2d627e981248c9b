package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// A real lesson set instead of the synthetic curriculum (-corpus DIR): its
// lesson Markdown files, unchanged, repeated into a Hugo-style content tree
// until there are as many lessons as asked for:
//
//	content/_index.md                 the home page (p2pc's hugo format needs it)
//	content/001-part-1/_index.md      title: Part 1, and one line
//	content/001-part-1/01-intro.md    the lesson set's files, their names kept
//	…
//	content/002-part-2/…              the next copy
//
// A part holds one copy of the lesson set, so links between its lessons
// work as they do in the original; the last part may be cut short. Figures
// and data are not copied: they would dominate the I/O, and Hugo does not
// publish them from content/ in this layout. p2pc builds the tree with
// --format hugo, where links and images that lead nowhere are warnings.

// corpus is a lesson set read from disk.
type corpus struct {
	name     string   // the folder's name, for the report
	episodes []string // paths of the lesson Markdown files, in the set's order
}

// readCorpus finds the lesson Markdown files of the lesson set in dir: for a
// Carpentries Workbench folder, those of episodes/ in the order of
// config.yaml's episodes list, else every .md file of episodes/ sorted by
// name; for a folder without episodes/, every .md file in it sorted by name.
func readCorpus(dir string) (corpus, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return corpus{}, fmt.Errorf("-corpus: %w", err)
	}
	c := corpus{name: filepath.Base(abs)}
	src := filepath.Join(abs, "episodes")
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		src = abs
	}
	names, err := configEpisodes(filepath.Join(abs, "config.yaml"))
	if err != nil {
		return corpus{}, err
	}
	if names == nil || src == abs {
		entries, err := os.ReadDir(src)
		if err != nil {
			return corpus{}, fmt.Errorf("-corpus: %w", err)
		}
		names = nil
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") {
				names = append(names, e.Name())
			}
		}
		slices.Sort(names)
	}
	for _, n := range names {
		if !strings.HasSuffix(n, ".md") {
			fmt.Fprintf(os.Stderr, "-corpus: %s left out: only Markdown (.md) lessons are measured\n", n)
			continue
		}
		p := filepath.Join(src, filepath.FromSlash(n))
		if _, err := os.Stat(p); err != nil {
			return corpus{}, fmt.Errorf("-corpus: config.yaml lists episode %s: %w", n, err)
		}
		c.episodes = append(c.episodes, p)
	}
	if len(c.episodes) == 0 {
		return corpus{}, fmt.Errorf("-corpus: no lesson Markdown (.md) files in %s", src)
	}
	return c, nil
}

// configEpisodes returns the episodes list of a Workbench config.yaml, or nil
// when there is no such file or it lists no episodes.
func configEpisodes(file string) ([]string, error) {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("-corpus: %w", err)
	}
	var cfg struct {
		Episodes []string `yaml:"episodes"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		return nil, fmt.Errorf("-corpus: %s: %w", file, err)
	}
	return cfg.Episodes, nil
}

// parts is the number of parts n lessons fill.
func (c corpus) parts(n int) int { return (n + len(c.episodes) - 1) / len(c.episodes) }

// write writes n lessons into content as described above and returns the
// slash-separated paths of the lessons (not the _index.md files), in order,
// and the number of Markdown files written.
func (c corpus) write(content string, n int) (lessons []string, files int, err error) {
	data := make([][]byte, len(c.episodes))
	for i, p := range c.episodes {
		if data[i], err = os.ReadFile(p); err != nil {
			return nil, 0, fmt.Errorf("-corpus: %w", err)
		}
	}
	parts := c.parts(n)
	width := max(3, len(fmt.Sprint(parts))) // so that the folders sort in order
	put := func(name string, b []byte) error {
		p := filepath.Join(content, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		files++
		return os.WriteFile(p, b, 0o644)
	}
	home := fmt.Sprintf("---\ntitle: %s ×%d\n---\n\nThe lessons of %s, repeated %d times.\n", c.name, parts, c.name, parts)
	if err := put("_index.md", []byte(home)); err != nil {
		return nil, 0, fmt.Errorf("write the corpus: %w", err)
	}
	for part := 1; part <= parts; part++ {
		dir := fmt.Sprintf("%0*d-part-%d", width, part, part)
		index := fmt.Sprintf("---\ntitle: Part %d\n---\n\nCopy %d of the lessons of %s.\n", part, part, c.name)
		if err := put(dir+"/_index.md", []byte(index)); err != nil {
			return nil, 0, fmt.Errorf("write the corpus: %w", err)
		}
		for i := 0; i < len(c.episodes) && len(lessons) < n; i++ {
			name := path.Join(dir, filepath.Base(c.episodes[i]))
			if err := put(name, data[i]); err != nil {
				return nil, 0, fmt.Errorf("write the corpus: %w", err)
			}
			lessons = append(lessons, name)
		}
	}
	return lessons, files, nil
}

// plainHeading is an ATX heading whose text is rendered unchanged by both
// p2pc and Hugo (no markup, no typographer's quotes or dashes).
var plainHeading = regexp.MustCompile(`^#{1,6}[ \t]+([A-Za-z0-9][A-Za-z0-9 ,?]*[A-Za-z0-9?])[ \t]*$`)

// headingMark returns text a page rendered from src must contain: ">" and
// the text of its first plain heading outside code blocks, which the
// Markdown source has after "# " instead; "" when there is none.
func headingMark(src []byte) string {
	fence := ""
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if m := plainHeading.FindStringSubmatch(line); m != nil {
			return ">" + m[1]
		}
	}
	return ""
}

// checkSample returns the lesson whose page checkPages reads, from the
// middle on, and the text that page must contain: the first lesson there
// with a plain heading.
func (c corpus) checkSample(content string, lessons []string) (sample, mark string, err error) {
	for i := range lessons {
		l := lessons[(len(lessons)/2+i)%len(lessons)]
		src, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(l)))
		if err != nil {
			return "", "", fmt.Errorf("choose a page to check: %w", err)
		}
		if mark := headingMark(src); mark != "" {
			return l, mark, nil
		}
	}
	return "", "", errors.New("-corpus: no lesson has a heading of plain text (letters, digits, spaces, commas, question marks) to find in the built pages")
}
