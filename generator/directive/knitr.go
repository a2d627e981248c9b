package directive

import (
	"bytes"
	"regexp"
	"strings"

	"p2pc/generator/markdown"
)

// childOption finds a knitr chunk header's child option: {r child='a.Rmd'},
// child = "a.Rmd" or child = c("a.Rmd", "b.Rmd"); childName each file in it.
var (
	childOption = regexp.MustCompile(`^\{\s*[A-Za-z0-9_]+\b[^}]*?\bchild\s*=\s*((?:c\(\s*)?["'][^"']+["'](?:\s*,\s*["'][^"']+["'])*)`)
	childName   = regexp.MustCompile(`["']([^"']+)["']`)
	// codeOption finds a chunk's file option, file = "a.R" (or #| file:
	// a.R), or its code read from a file, code = readLines("a.R") with
	// [N] or [N:M] after it or not
	codeOption = regexp.MustCompile(`\b(?:file\s*[=:]\s*(?:"([^"]+)"|'([^']+)'|([^\s,"'{}]+))|code\s*[=:]\s*readLines\(\s*(?:"([^"]+)"|'([^']+)')\s*\)(?:\[\s*(\d+)\s*(?::\s*(\d+))?\s*\])?)`)
)

// chunkCodeFile returns, for a chunk whose header is info and whose code
// is lines, the {{#knitr_code}} argument of the file knitr takes its
// code from ("files/a.R", "files/a.R:2:19" for lines 2 to 19), when its
// header or a "#|" line at the top of its code names one.
func chunkCodeFile(info string, lines [][]byte) (string, bool) {
	m := codeOption.FindStringSubmatch(info)
	for _, l := range lines {
		if m != nil {
			break
		}
		opt, ok := strings.CutPrefix(strings.TrimSpace(string(l)), "#|")
		if !ok {
			break
		}
		m = codeOption.FindStringSubmatch(opt)
	}
	if m == nil {
		return "", false
	}
	name := m[1] + m[2] + m[3] + m[4] + m[5]
	switch {
	case name == "" || strings.ContainsAny(name, "{}\n"):
		return "", false
	case m[6] != "" && m[7] != "":
		return name + ":" + m[6] + ":" + m[7], true
	case m[6] != "":
		return name + ":" + m[6], true
	}
	return name, true
}

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
		if m == nil && end < len(lines) && markdown.ChunkHeader(info) {
			if arg, ok := chunkCodeFile(info, lines[i+1:end]); ok { // its code is a file's: on the closing fence's line
				for j := i + 1; j < end; j++ {
					if !bytes.HasPrefix(bytes.TrimSpace(lines[j]), []byte("#|")) {
						lines[j] = []byte(lineEnd(lines[j])) // the file's code stands for the chunk's own
					}
				}
				lines[end] = []byte(indent + "{{#knitr_code " + arg + "}}" + strings.TrimLeft(string(lines[end]), " "))
				rewrote = true
			}
		}
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

// firstInlineR returns where the first inline R code of an R Markdown
// body starts (`r expr`, outside fenced code), or -1.
func firstInlineR(body []byte) int {
	if !bytes.Contains(body, []byte("`r ")) {
		return -1
	}
	fence := ""
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body) - off
		}
		line := body[off : off+end]
		if _, f, _, ok := fenceLine(line); ok && (fence == "" || closes(line, fence)) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
		} else if fence == "" {
			for i := bytes.Index(line, []byte("`r ")); i >= 0; {
				if i == 0 || line[i-1] != '`' {
					return off + i
				}
				j := bytes.Index(line[i+1:], []byte("`r "))
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
		off += end + 1
	}
	return -1
}
