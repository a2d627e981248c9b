package markdown

// A Dialect is what sets apart the Markdown of one tool's lessons, where
// the tools read the same text differently. The zero Dialect is GitHub's.
type Dialect struct {
	// Pandoc reads as Pandoc's Markdown does, as The Carpentries Workbench
	// does: H~2~O is a subscript and 2^10^ a superscript (GitHub's reads
	// ~2~ as struck through); ~~text~~ is struck through in both.
	Pandoc bool
	// HideLines are mdBook's hidden code lines: for each language, the
	// prefix of the lines its code blocks do not show (see shownLine).
	HideLines map[string]string
	// BlockAttributes reads a line that is only a {…} block, after a
	// paragraph or another block, as that block's id and classes, as a Hugo
	// site that turns on markup.goldmark.parser.attribute.block does (see
	// blockAttrs).
	BlockAttributes bool
	// Math are the delimiters of TeX math kept as written (a Hugo site's
	// passthrough extension); Pandoc's $…$ and $$…$$ are math with Pandoc
	// too (see mathParser).
	Math []MathDelims
	// Dollars reads $…$ and $$…$$ as TeX math kept as written, by Pandoc's
	// rules, outside Pandoc's Markdown too (an mdBook with the katex
	// preprocessor).
	Dollars bool
	// UnicodeIDs makes heading ids as Hugo does: from the heading's
	// Markdown as written, each space and hyphen a hyphen, letters of
	// every script and digits and "_" lowercased, all else (marks,
	// punctuation, the markup itself) left out: "## Größe" is #größe,
	// "## A / B" #a--b. p2pc's own ids spell letters in ASCII ("Kākou" is
	// #kakou), leave out the others, and make one hyphen of each run of
	// other characters ("a-b"). MdBookIDs makes them as mdBook does: from
	// the heading's text as shown, each white space and hyphen a hyphen,
	// letters with their marks (the vowel signs of हिन्दी), only ASCII
	// letters lowercased ("## Über" is #Über).
	UnicodeIDs, MdBookIDs bool
	// HugoIDs is, with UnicodeIDs, a Hugo config's
	// markup.goldmark.parser.autoHeadingIDType: "github-ascii" spells
	// letters in ASCII, accents dropped ("## Größe" is #groe), and
	// "blackfriday" makes ids as Hugo 0.59 did; "" or "github": GitHub's.
	HugoIDs string
	// PlainPunctuation leaves quotes, dashes and dots as typed: "--"
	// stays two hyphens (also in mdBook's heading ids) and "'" straight,
	// as an mdBook that does not turn on smart-punctuation shows them.
	// Otherwise they become curly quotes, en and em dashes and ellipses,
	// as in Hugo's, Pandoc's and p2pc's own pages.
	PlainPunctuation bool
	// TOCMarker is mdbook-toc's marker ("<!-- toc -->" by default): the
	// first block that is only the marker becomes a list of links to the
	// headings after it, down to level TOCMaxLevel (see tocMarker); ""
	// leaves markers as written (an HTML comment is left out).
	TOCMarker   string
	TOCMaxLevel int
	// RawHTMLSetting is the setting that lets all raw HTML through, as
	// the warnings about raw HTML left out name it ("markup.goldmark.
	// renderer.unsafe to true in hugo.toml"); "" for site.yaml's raw_html.
	RawHTMLSetting string
}

var (
	// GitHub is GitHub Flavored Markdown, as p2pc, mdBook and Hugo read it.
	GitHub = Dialect{}
	// Pandoc is Pandoc's Markdown, as the Workbench reads it.
	Pandoc = Dialect{Pandoc: true}
)
