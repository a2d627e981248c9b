package generator

import (
	"bytes"
	"regexp"
	"slices"

	"p2pc/generator/lessonset"
)

// frontMatterKeyLine is a line that sets a front-matter key in YAML.
var frontMatterKeyLine = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*):(?:\s|$)`)

// likelyKeys are the keys a page's front matter starts with, in every
// format p2pc reads.
var likelyKeys = []string{"title", "weight", "date", "draft", "summary", "description", "teaching", "exercises",
	"questions", "objectives", "keypoints", "slug", "linkTitle", "author", "tags", "duration"}

// headlessFrontMatter reports the line where data, a page's Markdown,
// holds front matter that lost its opening "---": lines that set keys,
// the first a key pages start with, then a line "---". Markdown reads
// them as a heading (a paragraph underlined with ---), so the page's
// title and settings are lost without a word. 0 when it does not.
func headlessFrontMatter(data []byte) int {
	start := lessonset.BlankLines(data)
	rest := data[start:]
	first := true
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimRight(line, "\r")
		switch m := frontMatterKeyLine.FindSubmatch(line); {
		case first && (m == nil || !slices.Contains(likelyKeys, string(m[1]))):
			return 0
		case string(line) == "---":
			return bytes.Count(data[:start], []byte("\n")) + 1
		case m == nil && !bytes.HasPrefix(line, []byte(" ")) && !bytes.HasPrefix(line, []byte("-")):
			return 0 // not a key, nor a value's indented or listed lines
		}
		first, rest = false, after
	}
	return 0
}
