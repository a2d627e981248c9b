package markdown

import (
	"bytes"
	"strings"
)

// mdBook hides some lines of a code block (readers of its books can show
// them with a button; the site leaves them out): in Rust, as rustdoc does,
// a line that is "#" or starts with "# " after its indentation, while
// "##" at that place stands for a "#" that is shown; in a language given
// a prefix in book.toml ([output.html.code.hidelines] python = "~"), or
// one block's "hidelines=PREFIX" in its info string ("python,hidelines=!!!"),
// a line that starts with the prefix after its indentation.

// hidePrefix is the prefix of the hidden lines of a code block with this
// info string and language: hidelines= in the info string, else the
// dialect's for the language; "" for none.
func hidePrefix(hide map[string]string, info, lang string) string {
	if hide == nil {
		return ""
	}
	for _, attr := range strings.FieldsFunc(info, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p, ok := strings.CutPrefix(attr, "hidelines="); ok && p != "" {
			return p
		}
	}
	return hide[lang]
}

// shownLine returns the line as shown, and false when it is hidden.
func shownLine(line []byte, prefix, lang string) ([]byte, bool) {
	if prefix == "" {
		return line, true
	}
	rest := bytes.TrimLeft(line, " \t")
	indent := line[:len(line)-len(rest)]
	if lang == "rust" && prefix == "#" {
		switch {
		case bytes.HasPrefix(rest, []byte("##")):
			return append(append(append([]byte{}, indent...), '#'), rest[2:]...), true
		case bytes.HasPrefix(rest, []byte("# ")), bytes.HasPrefix(rest, []byte("#\t")),
			len(bytes.TrimRight(rest, "\r\n")) == 1 && rest[0] == '#':
			return nil, false
		}
		return line, true
	}
	return line, !bytes.HasPrefix(rest, []byte(prefix))
}
