package directive

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// The shortcodes that paste another file into the page: Relearn's and
// Geekdoc's include and Docsy's readfile.
//
//	{{% include "intro.md" %}}                        the file's Markdown
//	{{% include file="x.md" hidefirstheading=true %}} without its first heading
//	{{< include file="a.go" language="go" >}}          a code block (Geekdoc)
//	{{< readfile file="a.go" code="true" lang="go" >}} a code block (Docsy)
//
// The file is looked for next to the page, then from the content root (a
// Hugo site's own root when p2pc reads the whole site). A file outside the
// content folder is never read: a visible placeholder names it, with a
// warning, as for mdBook's includes. The shortcodes in included Markdown
// are expanded in turn, up to maxDepth deep.

// include writes the file sc names in its place.
func (h *hugo) include(sc *shortcode) {
	h.ignoreArgs(sc, "file", "code", "lang", "language", "type", "hidefirstheading", "options")
	name, _ := sc.get("file", 0)
	if strings.TrimSpace(name) == "" {
		h.report(sc.start, fmt.Sprintf("%s needs a file, like {{< %s file=\"part.md\" >}}", sc.tag(), sc.name))
		return
	}
	fail := func(placeholder, msg string, warning bool) {
		h.problems = append(h.problems, problem{off: sc.start, msg: sc.tag() + ": " + msg, warning: warning})
		h.gen("["+placeholder+": "+name+"]", sc.start)
	}
	target, data, err := h.readInclude(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && (target == ".." || strings.HasPrefix(target, "../")):
		fail("missing include", fmt.Sprintf("the file is outside the content folder, which p2pc never reads outside (looked for %q)", target), true)
		return
	case errors.Is(err, fs.ErrNotExist):
		fail("missing include", fmt.Sprintf("no such file in the content folder (looked for %s)", quotedList(h.includeTries(name))), true)
		return
	case err != nil:
		fail("missing include", err.Error(), false)
		return
	case !asCode(sc) && (len(h.stack) > maxDepth || slices.Contains(h.stack, target)): // code is not read again
		fail("include cycle", fmt.Sprintf("%s includes itself or nests more than %d deep (%s)", target, maxDepth, strings.Join(append(h.stack, target), " → ")), false)
		return
	}
	if h.inc.size += len(data); h.inc.size > maxIncluded {
		fail("include too large", fmt.Sprintf("the page includes more than %d MiB in all", maxIncluded>>20), false)
		return
	}
	if !h.inc.listed[target] {
		h.inc.listed[target] = true
		h.inc.list = append(h.inc.list, target)
	}
	if asCode(sc) {
		lang, _ := sc.get("lang", -1)
		if l, ok := sc.get("language", -1); ok {
			lang = l
		}
		fence, info := codeFence(data), ""
		if f := strings.Fields(lang); len(f) > 0 {
			info = f[0]
		}
		h.ownBlock(fence+info+"\n"+strings.TrimRight(string(data), "\n")+"\n"+fence, sc.start, sc.end)
		return
	}
	if kind, _ := sc.get("type", -1); kind == "html" && !bytes.Contains(data, []byte("<pre")) {
		h.ownBlock(htmlBlock(data), sc.start, sc.end) // Geekdoc's: the file's HTML as it is
		return
	}
	if hide, _ := sc.get("hidefirstheading", -1); hide == "true" {
		data = dropFirstHeading(data)
	}
	h.gen(string(h.expandIncluded(target, data, sc.start)), sc.start)
}

// asCode reports whether an include shows its file as a code block:
// code="true" (Docsy) or a language (Geekdoc's language=, Docsy's lang=).
func asCode(sc *shortcode) bool {
	code, _ := sc.get("code", -1)
	lang, _ := sc.get("lang", -1)
	language, _ := sc.get("language", -1)
	return code == "true" || lang != "" || language != ""
}

// includeState is what the shortcode passes of one page, the page's and
// those of the files it includes, share.
type includeState struct {
	size   int             // bytes included so far
	list   []string        // the files read, in order first read
	listed map[string]bool // the names in list
	files  *files          // each file read once
	tabs   int             // the tabs' headings written so far (see tabHeading)
}

// readInclude reads the file name of an include: next to the page, else
// from the content root. target is the path last looked for: the name
// from the content root.
func (h *hugo) readInclude(name string) (target string, data []byte, err error) {
	for _, t := range h.includeTries(name) {
		target = t
		if data, err = h.inc.files.get(t); !errors.Is(err, fs.ErrNotExist) {
			return t, data, err
		}
	}
	return target, nil, err
}

// includeTries are the paths an include of name is looked for at, in
// order: next to the page, then from the content folder, then from the
// root (a name starting with / from the last two only).
func (h *hugo) includeTries(name string) []string {
	tries := []string{path.Clean(strings.TrimLeft(name, "/"))}
	if root := h.env.ContentRoot; root != "" && root != "." {
		tries = append([]string{path.Join(root, strings.TrimLeft(name, "/"))}, tries...)
	}
	if !strings.HasPrefix(name, "/") {
		tries = append([]string{path.Join(path.Dir(h.src), name)}, tries...)
	}
	return slices.Compact(tries)
}

// quotedList writes names quoted: "a", "a" and "b", "a", "b" and "c".
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// expandIncluded expands the shortcodes of an included file's Markdown;
// its problems are reported at the include, naming the file.
func (h *hugo) expandIncluded(target string, data []byte, at int) []byte {
	if !bytes.Contains(data, []byte("{{")) {
		return data
	}
	in := newHugo(data, h.env)
	in.src, in.stack, in.inc = target, append(h.stack[:len(h.stack):len(h.stack)], target), h.inc
	in.run()
	for _, p := range in.problems {
		h.problems = append(h.problems, problem{off: at, msg: fmt.Sprintf("in included %q: %s", target, p.msg), warning: p.warning})
	}
	return in.w.buf
}

// dropFirstHeading removes the first ATX heading line of a Markdown text
// (up to three spaces, one to six #, then a space or the line's end),
// outside code fences.
func dropFirstHeading(b []byte) []byte {
	fence := ""
	for off := 0; off < len(b); {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += off + 1
		}
		line := b[off:end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case indent > 3:
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) {
				fence = ""
			}
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = string(trimmed[:3])
		case isATXHeading(trimmed):
			return append(append([]byte{}, b[:off]...), b[end:]...)
		}
		off = end
	}
	return b
}

// isATXHeading reports whether line (without its indent) opens with one
// to six # and then a space, a tab or the line's end.
func isATXHeading(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\n' || line[n] == '\r')
}

// htmlBlock is HTML to paste into Markdown as one block of raw HTML: its
// lines without their indentation (which Markdown would read as code)
// and without blank lines (which would end the block). HTML reads the
// same either way, but in a <pre>, which the caller leaves out.
func htmlBlock(data []byte) string {
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
