package directive

import (
	"bytes"
	"regexp"
	"strings"
)

// childOption finds a knitr chunk header's child option: {r child='a.Rmd'}
// or child = "a.Rmd", the first file of child = c("a.Rmd", …) too.
var childOption = regexp.MustCompile(`^\{\s*[A-Za-z0-9_]+\b[^}]*?\bchild\s*=\s*(?:c\(\s*)?["']([^"']+)["']`)

// knitrChildren rewrites each R Markdown chunk with a child option, as
// knitr reads it, into a directive that includes the child's Markdown in
// its place: the chunk's first line becomes {{#knitr_child path}} and its
// other lines empty, so every line keeps its number. It reports whether it
// rewrote any.
func knitrChildren(body []byte) ([]byte, bool) {
	lines := bytes.SplitAfter(body, []byte("\n"))
	rewrote := false
	for i := 0; i < len(lines); i++ {
		indent, fence, info, ok := fenceLine(lines[i])
		if !ok {
			continue
		}
		end := i + 1
		for end < len(lines) && !closes(lines[end], fence) {
			end++
		}
		m := childOption.FindStringSubmatch(strings.TrimSpace(info))
		if m == nil || end == len(lines) || strings.ContainsAny(m[1], "{}\n") {
			i = end // another code block: nothing in it is a chunk
			continue
		}
		lines[i] = []byte(indent + "{{#knitr_child " + strings.ReplaceAll(m[1], " ", "%20") + "}}" + lineEnd(lines[i]))
		for j := i + 1; j <= end; j++ {
			lines[j] = []byte(lineEnd(lines[j]))
		}
		rewrote, i = true, end
	}
	return bytes.Join(lines, nil), rewrote
}
