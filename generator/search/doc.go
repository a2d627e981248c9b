// Package search builds the index of the site's offline search, which
// layouts/assets/search.js reads in the browser.
//
// The generator gives Build one Document per page (lesson, module or other
// page) and per item a feature makes searchable, each split into Sections
// at its headings, with the order of the kinds for the search filter. Build returns the index files; the generator writes them into
// the site next to the pages. Each thing is one document: a page's
// sections leave out what a feature lists as an item of its own (a card, a
// question, a glossary entry), so no result is shown twice.
//
// # Words
//
// Text is split into words at anything that is not a letter, digit,
// combining mark or apostrophe (Tokenize): "peer-to-peer" is three words.
// Words are folded by Normalize: lowercased, decomposed (NFD), with
// combining marks and the apostrophes ' ’ ‘ ʻ ʼ dropped, so "Hoʻohanohano",
// "ho'ohanohano" and "hoohanohano" are the same word and "Lōkahi" is
// "lokahi". Stem then reduces English words with the Porter algorithm
// ("benefits" and "benefit" are "benefit"). The stems of words that are not
// stop words (a list of common English words) are the index's terms.
// search.js implements Normalize, Tokenize and Stem the same way; a browser
// test checks they agree on testdata/stem-words.txt.
//
// # Files
//
// Every file is a script, search/NAME.js, that calls
// P2PCSearch.load("NAME", data), so the index loads by adding <script>
// elements: no fetch(), and the same from file:// as from a web server.
// Numbers are written in a compact text form (see appendCode).
//
//   - search/meta.js: loaded by the first query. n, the number of
//     documents; per, the number of documents to a file under search/d;
//     kinds and modules, the names for the filters; docs, one number per
//     document, module*len(kinds)+kind; shards, the first term
//     of each term shard; stop, the stop words; dict, the pieces of text
//     shared by many documents.
//   - search/t/N.js: term shard N, the terms from shards[N] up to the next
//     shard's first term, in byte order, as one string of entries
//     separated by "!": each entry is the term, written as the number of
//     characters it shares with the previous term (one digit) and the rest,
//     then its postings and its forms, separated by spaces. Postings give
//     for each document that has the term (doc - previous doc - 1)*8 +
//     flags, flags saying whether the term is in the title (4), a heading
//     (2) and twice or more in the text (1). Forms are the words that stem
//     to the term, for matching the word being typed as a prefix and for
//     one-letter typos. A query loads only the shards of its words.
//   - search/d/K.js: documents K*per up to K*per+per-1 (per is meta.js's
//     per, 2), loaded only when one of them is among the results shown:
//     a list of documents, each [url, title, words, gaps, sections]
//     (two documents to a file: creating files is much of what writing
//     a large site costs the system; see docsPerFile), sections being
//     anchor, heading, text for each section. Texts are stored as
//     pieces: each text is a list of piece numbers, first the shared
//     pieces of meta.js's dict, then this document's words (one string
//     separated by spaces), then its gaps (see text.go). search.js uses the
//     text to pick the section to link to, to check quoted phrases word by
//     word and to show a snippet.
//
// Documents are numbered in order of URL, so the output depends only on
// the set of documents, and is the same byte for byte for the same input.
// The dictionary holds the pieces found in three documents or more, the
// 1,800 most frequent: first the 45 most frequent (their numbers take one
// character), then the others, each group in byte order, so that a piece
// found once more or once less renumbers nothing unless it joins or
// leaves a group.
//
// # Keeping the index up to date
//
// An Index (NewIndex) keeps the index's tables in memory; Update, given
// the documents after an edit, returns only the files that changed: the
// files of the documents that changed, the term shards of the terms whose
// postings or forms changed, and meta.js if it did. It builds everything
// again, as Build, when the change reaches further: a document added or
// removed, the dictionary's pieces or groups changing, or more than 64
// documents changed. The cuts between term shards are found again around
// the changed terms. Either way the files are exactly Build's
// (TestIndexUpdate checks it on random edits). The Index keeps the
// documents' Sections slices, and takes a slice it was given before as
// the same sections: a caller gives changed sections in a new slice.
//
// # Ranking
//
// A document matches a query word if it has the word's stem, a word that
// starts with it (the last word, while it is being typed, from three
// letters), or, if neither is found, a word one edit away (words of five
// letters or more). Documents with more of the query's words come first;
// among those, a match in the title counts more than in a heading, and that
// more than in the text, weighted by how rare the term is. A quoted phrase
// must occur word for word.
//
// A result links to its document's top (its first section, a page's lead)
// when the title and the lead hold every query word the document has;
// otherwise to the section with the most of them, at the section's anchor.
// Its snippet is the linked section's text around the matched words.
package search
