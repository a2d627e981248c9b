package directive

import (
	"bytes"
	"regexp"
	"strings"
)

// listingAttr reads one attribute of a <Listing> tag.
var listingAttr = regexp.MustCompile(`\b(number|file-name|caption)\s*=\s*"([^"]*)"`)

// trplListings rewrites the Rust Book's <Listing> elements (its
// trpl-listing preprocessor) into Markdown, line for line:
//
//	<Listing number="1-1" file-name="main.rs" caption="Hello">     Filename: main.rs
//	…                                                          ->  …
//	</Listing>                                                     Listing 1-1: Hello
//
// as the preprocessor shows them: the file's name above the code, the
// number and caption (Markdown) below it. Each tag must stand alone on
// its line, as the book writes them; lines inside code blocks are left
// as they are.
func trplListings(body []byte) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	var open []string // the captions of the listings open, innermost last
	fence := ""
	for i, line := range lines {
		s := strings.TrimSpace(string(line))
		switch {
		case fence != "":
			if closes(line, fence) {
				fence = ""
			}
		case strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~"):
			if _, f, _, ok := fenceLine(line); ok {
				fence = f
			}
		case strings.HasPrefix(s, "<Listing") && strings.HasSuffix(s, ">") && !strings.HasSuffix(s, "/>"):
			attrs := map[string]string{}
			for _, m := range listingAttr.FindAllStringSubmatch(s, -1) {
				attrs[m[1]] = m[2]
			}
			caption := ""
			if attrs["number"] != "" || attrs["caption"] != "" {
				caption = strings.TrimSpace("Listing " + attrs["number"] + ": " + attrs["caption"])
				if attrs["number"] == "" {
					caption = attrs["caption"]
				}
			}
			open = append(open, caption)
			text := ""
			if attrs["file-name"] != "" {
				text = "Filename: " + attrs["file-name"]
			}
			lines[i] = []byte(text + lineEnd(line))
		case s == "</Listing>" && len(open) > 0:
			lines[i] = []byte(open[len(open)-1] + lineEnd(line))
			open = open[:len(open)-1]
		}
	}
	return bytes.Join(lines, nil)
}
