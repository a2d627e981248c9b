package generator

import (
	"regexp"
	"strings"
	"sync"
)

// A Workbench lesson's links.md holds link reference definitions that
// every page may use ("[python]: https://…", used as "[Python][python]").
// The Workbench adds the whole file to the end of each page; p2pc adds
// only the definitions a page can use, those whose label a page writes
// between brackets: a links.md of n definitions then costs each page its
// own references, not n, and a large one cannot multiply the build.

// linkDef is one definition of links.md: its label, folded as CommonMark
// matches labels, and its lines (a title may follow on the next line).
type linkDef struct {
	label string
	text  string
}

var linkDefStart = regexp.MustCompile(`^ {0,3}\[((?:[^\]\\]|\\.)+)\]:`)

// parseLinkDefs splits links.md into its definitions; lines that belong
// to none (text, blank lines) are left out.
func parseLinkDefs(src string) []linkDef {
	var defs []linkDef
	for _, line := range strings.SplitAfter(src, "\n") {
		switch m := linkDefStart.FindStringSubmatch(line); {
		case m != nil:
			defs = append(defs, linkDef{label: foldLabel(m[1]), text: line})
		case len(defs) > 0 && strings.TrimSpace(line) != "" && strings.HasPrefix(line, " "):
			defs[len(defs)-1].text += line // a title on the next line
		}
	}
	return defs
}

// foldLabel folds a link label as CommonMark compares them: case and runs
// of white space do not matter.
func foldLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// bracketed returns the folded text of every innermost [...] in body, the
// labels a page may refer to, in one pass.
func bracketed(body []byte) map[string]bool {
	labels := map[string]bool{}
	open := -1
	for i, c := range body {
		switch c {
		case '[':
			open = i
		case ']':
			if open >= 0 {
				labels[foldLabel(string(body[open+1:i]))] = true
				open = -1
			}
		}
	}
	return labels
}

// lastDefs remembers the definitions of the last links.md read, so that
// each page does not parse the file again.
var lastDefs struct {
	sync.Mutex
	src  string
	defs []linkDef
}

// linkDefsOf returns the definitions of links.md's text src.
func linkDefsOf(src string) []linkDef {
	lastDefs.Lock()
	defer lastDefs.Unlock()
	if lastDefs.defs == nil || lastDefs.src != src {
		lastDefs.src, lastDefs.defs = src, parseLinkDefs(src)
	}
	return lastDefs.defs
}

// linksFor is the part of links.md a page with this body uses, to add to
// its end.
func linksFor(body []byte, defs []linkDef) []byte {
	var used []byte
	var labels map[string]bool
	for _, d := range defs {
		if labels == nil {
			labels = bracketed(body)
		}
		if labels[d.label] {
			used = append(used, d.text...)
			if !strings.HasSuffix(d.text, "\n") {
				used = append(used, '\n')
			}
		}
	}
	return used
}
