package generator

import (
	"unicode"
	"unicode/utf8"
)

// countWords returns len(bytes.Fields(b)), the number of runs of
// non-space characters in b, without making the slice of them: it runs on
// every text node of every page (a profile of 10,000 lessons put 3% of the
// build in bytes.Fields' allocations).
func countWords(b []byte) int {
	n, inWord := 0, false
	for i := 0; i < len(b); {
		c, size := rune(b[i]), 1
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			c, size = utf8.DecodeRune(b[i:])
			space = unicode.IsSpace(c)
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
		i += size
	}
	return n
}
