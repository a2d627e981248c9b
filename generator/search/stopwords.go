package search

import "strings"

// stopWords are common English words left out of the term index: nearly
// every page has them, so they would cost much and find nothing. They are
// still part of the stored text, so a quoted phrase such as "peer to peer"
// matches exactly. The list is written into meta.js for search.js.
var stopWords = strings.Fields(`
a about above after again against all am an and any are as at be because
been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most
my myself no nor not of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would
you your yours yourself yourselves`)

var stopSet = func() map[string]bool {
	m := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// isStopWord reports whether the normalized word w is left out of the term index.
func isStopWord(w string) bool { return stopSet[w] }
