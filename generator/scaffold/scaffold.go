// Package scaffold writes the starting files of a new site, module or
// lesson for "p2pc new". It never overwrites a file.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"p2pc/generator/markdown"
)

// site holds the files of a new site; text/template fills in {{.Title}}.
//
//go:embed all:site
var site embed.FS

// Site writes a small working site into dir, which must be absent or
// empty, and returns the paths it wrote (slash-separated, under dir).
func Site(dir string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s already exists and is not empty; choose a new folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	data := struct{ Title string }{Title: yamlEscape(Title(filepath.Base(abs)))}
	var written []string
	err = fs.WalkDir(site, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		t, err := template.New(p).Parse(string(src))
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "site/")
		if err := create(filepath.Join(dir, filepath.FromSlash(rel)), b.Bytes()); err != nil {
			return err
		}
		written = append(written, path.Join(filepath.ToSlash(dir), rel))
		return nil
	})
	return written, err
}

// Module makes the folder dir/Slug(name) with an _index.md, and returns
// the file's path.
func Module(dir, name string) (string, error) {
	slug, err := slugOf(name)
	if err != nil {
		return "", err
	}
	folder := filepath.Join(dir, slug)
	if _, err := os.Lstat(folder); err == nil {
		return "", fmt.Errorf("%s already exists", folder)
	}
	weight, err := NextWeight(dir)
	if err != nil {
		return "", err
	}
	file := filepath.Join(folder, "_index.md")
	return file, create(file, []byte(fmt.Sprintf(moduleText, yamlEscape(Title(name)), weight)))
}

// Lesson writes dir/Slug(name).md, and returns its path.
func Lesson(dir, name string) (string, error) {
	slug, err := slugOf(strings.TrimSuffix(name, ".md"))
	if err != nil {
		return "", err
	}
	weight, err := NextWeight(dir)
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, slug+".md")
	return file, create(file, []byte(fmt.Sprintf(lessonText, yamlEscape(Title(strings.TrimSuffix(name, ".md"))), weight)))
}

const moduleText = `---
title: "%s"
weight: %d
summary: "One sentence on what this module covers (shown in lists and search)."
---

Introduce the module here: who it is for and what its lessons add up to.
Then add lessons with p2pc new lesson.
`

const lessonText = `---
title: "%s"
weight: %d
summary: "One sentence on what the reader gets from this lesson (shown in lists and search)."
objectives:
  - "Something the reader can do after this lesson"
  - "Another one, or delete this line"
---

Write the lesson here. Start with why it matters, then one idea per heading.

## First idea {#first-idea}

Replace this paragraph.
`

func slugOf(name string) (string, error) {
	slug := markdown.Slug(stripOrder(name))
	if slug == "" {
		return "", fmt.Errorf("%q has no letters or digits to make a name from", name)
	}
	return slug, nil
}

// create writes a new file, making its folder; it refuses to replace one.
func create(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; it was left as it is", file)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var orderPrefix = regexp.MustCompile(`^(\d+)[-_]`)

func stripOrder(name string) string {
	if m := orderPrefix.FindStringIndex(name); m != nil && m[1] < len(name) {
		return name[m[1]:]
	}
	return name
}

// Title makes a title from a file or folder name as the generator does:
// "02-giving-feedback" reads "Giving feedback"; a name with spaces is kept
// as it is, with its first letter upper-case.
func Title(name string) string {
	s := stripOrder(name)
	if !strings.Contains(s, " ") {
		s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return name
	}
	r, size := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[size:]
}

// yamlEscape escapes s for a double-quoted YAML string.
func yamlEscape(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// NextWeight is one more than the highest place among the lessons and
// modules in dir: a front-matter weight, else a numeric name prefix. It is
// 1 for an empty or absent folder.
func NextWeight(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	highest := 0
	for _, e := range entries {
		name := e.Name()
		var file string
		switch {
		case e.IsDir():
			for _, index := range []string{"_index.md", "index.md", "README.md"} {
				if _, err := os.Stat(filepath.Join(dir, name, index)); err == nil {
					file = filepath.Join(dir, name, index)
					break
				}
			}
		case strings.HasSuffix(name, ".md") && !isIndex(name):
			file = filepath.Join(dir, name)
		default:
			continue
		}
		place := 0
		if file != "" {
			place = weightOf(file)
		}
		if place == 0 {
			if m := orderPrefix.FindStringSubmatch(name); m != nil {
				place, _ = strconv.Atoi(m[1])
			}
		}
		highest = max(highest, place)
	}
	return highest + 1, nil
}

func isIndex(name string) bool {
	return name == "_index.md" || name == "index.md" || name == "README.md"
}

// weightOf reads the weight of a Markdown file's front matter (0 if none).
func weightOf(file string) int {
	src, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	var fm struct {
		Weight int `yaml:"weight" toml:"weight"`
	}
	for _, fence := range []string{"---\n", "+++\n"} {
		rest, ok := bytes.CutPrefix(src, []byte(fence))
		if !ok {
			continue
		}
		meta, _, ok := bytes.Cut(rest, []byte("\n"+fence))
		if !ok {
			return 0
		}
		if fence == "---\n" {
			yaml.Unmarshal(meta, &fm)
		} else {
			toml.Unmarshal(meta, &fm)
		}
	}
	return fm.Weight
}
