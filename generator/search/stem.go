package search

import "strings"

// Stem reduces an English word to its stem with the Porter algorithm
// (M. F. Porter, 1980, as in his reference C implementation), so "benefits"
// and "benefit" are both "benefit" and "coaching" is "coach". Only words of
// three or more ASCII letters are stemmed; anything else (numbers, Hawaiian
// or other words with letters beyond a-z after normalizing) comes back as
// it is. The input must be normalized. search.js has the same algorithm,
// step by step, and TestStemJSAgrees checks that both give the same stems.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = replaceFirst(w, step2Rules, 0)
	w = replaceFirst(w, step3Rules, 0)
	w = step4(w)
	return step5(w)
}

// isCons reports whether w[i] is a consonant: not a, e, i, o, u, and y
// only when it follows a vowel or starts the word.
func isCons(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isCons(w, i-1)
	}
	return true
}

// measure counts the vowel-consonant sequences in w: m in [C](VC)^m[V].
func measure(w string) int {
	m := 0
	for i := 1; i < len(w); i++ {
		if isCons(w, i) && !isCons(w, i-1) {
			m++
		}
	}
	return m
}

// hasVowel reports whether w contains a vowel.
func hasVowel(w string) bool {
	for i := range len(w) {
		if !isCons(w, i) {
			return true
		}
	}
	return false
}

// doubleCons reports whether w ends with a double consonant such as "tt".
func doubleCons(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && isCons(w, n-1)
}

// cvc reports whether w ends consonant-vowel-consonant where the last
// consonant is not w, x or y, as in "hop" (but not "snow").
func cvc(w string) bool {
	n := len(w)
	if n < 3 || !isCons(w, n-1) || isCons(w, n-2) || !isCons(w, n-3) {
		return false
	}
	c := w[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func step1a(w string) string {
	switch {
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func step1b(w string) string {
	if strings.HasSuffix(w, "eed") {
		if measure(w[:len(w)-3]) > 0 {
			return w[:len(w)-1]
		}
		return w
	}
	var stem string
	switch {
	case strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		stem = w[:len(w)-2]
	case strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		stem = w[:len(w)-3]
	default:
		return w
	}
	switch {
	case strings.HasSuffix(stem, "at"), strings.HasSuffix(stem, "bl"), strings.HasSuffix(stem, "iz"):
		return stem + "e"
	case doubleCons(stem):
		if c := stem[len(stem)-1]; c != 'l' && c != 's' && c != 'z' {
			return stem[:len(stem)-1]
		}
	case measure(stem) == 1 && cvc(stem):
		return stem + "e"
	}
	return stem
}

func step1c(w string) string {
	if strings.HasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		return w[:len(w)-1] + "i"
	}
	return w
}

// A rule replaces a suffix when the measure of the rest is above a minimum.
type rule struct{ suffix, repl string }

var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"},
	{"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"},
	{"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
	{"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
	{"logi", "log"},
}

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
}

// replaceFirst applies the first rule whose suffix w ends with, if the
// measure of what precedes the suffix is above min. Later rules are not
// tried even when the first one's condition fails.
func replaceFirst(w string, rules []rule, min int) string {
	for _, r := range rules {
		if strings.HasSuffix(w, r.suffix) {
			stem := w[:len(w)-len(r.suffix)]
			if measure(stem) > min {
				return stem + r.repl
			}
			return w
		}
	}
	return w
}

func step4(w string) string {
	for _, s := range step4Suffixes {
		if !strings.HasSuffix(w, s) {
			continue
		}
		stem := w[:len(w)-len(s)]
		if s == "ion" && !strings.HasSuffix(stem, "s") && !strings.HasSuffix(stem, "t") {
			continue
		}
		if measure(stem) > 1 {
			return stem
		}
		return w
	}
	return w
}

func step5(w string) string {
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || m == 1 && !cvc(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}
