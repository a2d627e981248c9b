package markdown

import "strings"

// keywordHeads recognises a rule that matches one of a list of words, as
// chroma's lexers write their keywords and builtins:
//
//	(in|is|and|or|not)\b
//	(?<!\.)(staticmethod|classmethod|…)\b
//	\b(yield from|nonlocal|…)\b
//
// A lookbehind or \b before the list only narrows where it matches, and is
// passed over. It returns the set of each word's head (its letters, digits
// and underscores up to the first other character: "yield" for
// "yield from"), or nil for a pattern of any other shape, or with flags
// (case-insensitive rules are left to the first set alone).
//
// Such a rule can match at a position only where the run of ASCII word
// characters there is a head: a word of only word characters followed by
// \b must be the whole run, and a word with a space must begin with the
// whole run. When the run ends at a rune of 128 or more (which \w may
// count as a word character) nothing is known and the rule is tried.
func keywordHeads(pattern string) map[string]bool {
	rest := pattern
	for _, prefix := range []string{`(?<!\.)`, `\b`} {
		rest = strings.TrimPrefix(rest, prefix)
	}
	list, ok := strings.CutPrefix(rest, "(")
	if !ok {
		return nil
	}
	list = strings.TrimPrefix(list, "?:")
	list, ok = strings.CutSuffix(list, `)\b`)
	if !ok || list == "" {
		return nil
	}
	heads := map[string]bool{}
	for _, w := range strings.Split(list, "|") {
		if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ") != "" ||
			w[0] == ' ' || !isASCIIWord(w[0]) {
			return nil
		}
		head, _, _ := strings.Cut(w, " ")
		heads[head] = true
	}
	return heads
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// wordRun returns the run of ASCII word characters at pos, and whether it
// is the whole run of word characters there: it ends at the end of the
// text or at an ASCII rune that is not one.
func wordRun(text []rune, pos int) (string, bool) {
	end := pos
	for end < len(text) && text[end] < 128 && isASCIIWord(byte(text[end])) {
		end++
	}
	whole := end == len(text) || text[end] < 128
	var b strings.Builder
	b.Grow(end - pos)
	for _, r := range text[pos:end] {
		b.WriteByte(byte(r))
	}
	return b.String(), whole
}
