// Package cards makes conversation cards: cards written in lessons that a
// trainer prints on ordinary A4 or US Letter paper, cuts out and hands
// round in a workshop.
//
// # Cards
//
// A card is a fenced div in a lesson. Its first heading (or a title=
// attribute) is its title, the Markdown under it is the front, and an
// optional --- line splits the front from the back: prompts on the front,
// coaching tips or the "why" on the back.
//
//	::: card {#card-ask deck="five-steps"}
//	### Step 1: Ask for coaching
//	What is one thing you want to get better at this month?
//
//	---
//
//	Be specific: a clear question gets a clear answer.
//	:::
//
// Leave a blank line before and after the --- line: right under a
// paragraph, --- would turn that paragraph into a heading (the build says
// so). A short back can be an attribute instead: back="One line.".
//
// Attributes of ::: card:
//
//	#id       the card's id, an anchor in its lesson and on its deck page;
//	          without one a card gets card-<deck>-<title>, e.g.
//	          card-five-steps-step-1-ask-for-coaching
//	deck=     the deck the card is in; default: the deck of an enclosing
//	          ::: deck div, else the key of the lesson's top-level module
//	          (the last part of its URL, e.g. five-steps)
//	title=    the title, when the card has no heading
//	back=     the back as plain text, instead of a --- part
//	.class    extra classes on the card in its lesson
//
// A card is shown where it is written, styled as a card with its front and
// back side by side and a link to its deck. Links in a card work in the
// lesson; on the deck page and on paper they are plain text.
//
// # Decks
//
// Cards are grouped in decks. A ::: deck div in any lesson or module
// _index.md names a deck and sets its options; its content, if any,
// describes the deck on the deck page, and in the lesson it becomes a box
// with links to the deck and its print pages. Cards may also be written
// inside it (give the outer fence more colons: :::: deck ... ::::).
//
//	::: deck {#five-steps title="The five steps" size=index backs=long-edge gutter=3mm fold=false}
//	One card per step.
//	:::
//
// The id is the deck's name, used in URLs: lower-case letters, digits and
// hyphens. A deck needs no ::: deck div when it is named after a module
// (its title is then the module's title). Options, all optional:
//
//	title=    the deck's title; default: the module's title, else the name
//	size=     index   3 × 5 in (76.2 × 127 mm, upright), 4 to a page (default)
//	          poker   63 × 88 mm, 9 to a page
//	          a7      74 × 105 mm, 4 to a page
//	          a6      148 × 105 mm (landscape), 2 to a page
//	          custom  with width= and height=, such as width=70mm height=50mm
//	          (width= and height= alone also make a custom size)
//	backs=    none        single-sided; a card with a back is then an error
//	          long-edge   two-sided, the paper flips on its long edge
//	                      (default when any card has a back, else none)
//	          short-edge  two-sided, the paper flips on its short edge
//	          fold        front and back side by side on one side of the
//	                      paper, to cut out as a pair and fold
//	          (back= is another spelling)
//	fold=     true or false: whether a two-sided deck also gets fold-over
//	          print pages, for printers that cannot print two-sided
//	          (default true)
//	gutter=   space between cards on the sheet, e.g. 3mm, 0.5cm or
//	          0.125in (default 0: neighbours share a cut line)
//
// Any other option is an error, with a "did you mean" hint.
//
// # Pages
//
//	cards/index.html                        every deck, with its print buttons
//	cards/<deck>/index.html                 a deck's cards, front and back
//	cards/<deck>/print-a4/index.html        print page for A4
//	cards/<deck>/print-letter/index.html    print page for US Letter
//	cards/<deck>/print-a4-fold/index.html   fold-over pages of a two-sided
//	cards/<deck>/print-letter-fold/index.html  deck (unless fold=false)
//
// Search finds every card on its lesson page, at the card's id.
//
// # Print pages
//
// A print page is a standalone HTML document (with cards-print.css) of
// fixed-size sheets: @page sets the paper with no margin, so browsers lock
// the paper size, and the generator lays the cards out itself (Grid, Plan)
// in millimetres. Each sheet holds a centred grid of whole cards, so page
// breaks never split a card. In the margins: cut marks (3 mm ticks, 0.2 mm
// lines, in line with every card edge), and a line that says "Print at
// 100% (Actual size)" with a 50 mm calibration bar and the page's place in
// the deck. Inside each card the text keeps a safe inset from the cut line
// (5 mm on index cards, 4 mm on poker and A7, 3.5 mm on smaller cards),
// and a footer with the deck's title and the card's place, such as "The
// five steps 3/5", puts a cut deck back in order (a title too long for the
// card is cut short with "…"; the place always shows). The deck page shows
// the same footer under each card.
//
// Two-sided decks print each page of fronts followed by its backs; a back
// sits behind its front: columns mirrored for long-edge flipping, rows for
// short-edge, so in a short last row the empty cells come first. Fold-over
// pages put front and back side by side (or one above the other, when that
// fits more to a page) with a dashed fold line between them.
//
// # Workshop pack
//
// Cards.PrintParts (feature.Printer) offers each deck's sheets, for each
// paper, to the trainer's workshop pack (package trainer): the same sheets
// as the deck's print page for that paper (fold-over only for a deck with
// backs=fold), with the same size, cut marks, calibration line and backs.
//
// # Lettering and errors
//
// Text is 13 pt on index, A6 and other cards at least 75 mm wide and tall,
// 10 pt on poker and A7 cards, 8.5 pt on smaller ones; it never shrinks to
// fit. The build estimates, generously, how much room each side needs, and
// a card that would not fit is an error. Every mistake is reported at its
// file:line, and the build stops: a card with no content, title or front;
// a --- with nothing after it, or more than one; an unknown card or deck
// option or a bad value; a card id used twice (both places named); a back
// on a card in a deck printed without backs; a card in a deck that is
// never defined; a deck with no cards, or defined twice; a card or deck
// inside a card; and a card size that leaves no room on the paper.
package cards
