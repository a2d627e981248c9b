package directive

import (
	"bytes"
	"regexp"
	"strings"
)

// childOption finds a knitr chunk header's child option: {r child='a.Rmd'},
// child = "a.Rmd" or child = c("a.Rmd", "b.Rmd"); childName each file in it.
var (
	childOption = regexp.MustCompile(`^\{\s*[A-Za-z0-9_]+\b[^}]*?\bchild\s*=\s*((?:c\(\s*)?["'][^"']+["'](?:\s*,\s*["'][^"']+["'])*)`)
	childName   = regexp.MustCompile(`["']([^"']+)["']`)
)

// knitrChildren rewrites each R Markdown chunk with a child option, as
// knitr reads it, into directives that include the children's Markdown in
// its place: {{#knitr_child path}} on the chunk's first line, the next
// child's two lines down (on its last line when it has too few), the other
// lines empty, so every line keeps its number. It reports whether it
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
		for j := i; j <= end; j++ {
			lines[j] = []byte(lineEnd(lines[j]))
		}
		// each child on a line of the chunk's own, a blank line between
		// when the chunk has lines enough, so every line keeps its number
		for k, name := range childName.FindAllStringSubmatch(m[1], -1) {
			at := min(i+2*k, end)
			lines[at] = []byte(strings.TrimRight(string(lines[at]), "\r\n") + indent + "{{#knitr_child " + name[1] + "}}" + lineEnd(lines[at]))
		}
		rewrote, i = true, end
	}
	return bytes.Join(lines, nil), rewrote
}
