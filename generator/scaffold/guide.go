package scaffold

import _ "embed"

// Guide is the author guide in Markdown, which "p2pc help authoring"
// prints: the content model, front matter, fenced divs, cards and
// worksheets.
//
//go:embed authoring.md
var Guide string
