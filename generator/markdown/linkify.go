package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// quickLinkify is goldmark's linkify parser (bare URLs and e-mail addresses
// as links, part of GitHub Flavored Markdown) behind a check that turns
// away, without calling it, the places where it cannot find a link.
//
// goldmark calls linkify at every space of a paragraph (and at *, _, ~
// and "("), so in prose it runs once a word; a profile of 10,000 prose
// lessons put 6.7% of the build there. After the trigger character it
// finds a link only in text that starts with "http:", "https:", "ftp:" or
// "www." (case-sensitive), or in an e-mail address, whose "@" comes within
// the first 65 bytes (util.FindEmailIndex reads at most 64 bytes of local
// part). So text that starts with none of h, f or w and has no "@" in its
// first 65 bytes before a space gets nil, as linkify would give; linkify changes nothing
// when it returns nil, so the result is the same in every case
// (TestQuickLinkifySameAsGoldmark).
type quickLinkify struct{ parser.InlineParser }

func newQuickLinkify() quickLinkify { return quickLinkify{extension.NewLinkifyParser()} }

func (l quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		rest := line
		if c := line[0]; c == ' ' || c == '*' || c == '_' || c == '~' || c == '(' {
			rest = line[1:]
		}
		if !mayLink(rest) {
			return nil
		}
	}
	return l.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether linkify could find a link at the start of s.
func mayLink(s []byte) bool {
	if len(s) > 0 && (s[0] == 'h' || s[0] == 'f' || s[0] == 'w') {
		return true
	}
	for _, c := range s[:min(len(s), 65)] {
		switch c {
		case '@':
			return true
		case ' ', '\t', '\n': // not in an address's local part, which ends at the "@"
			return false
		}
	}
	return false
}
