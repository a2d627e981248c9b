package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Section is one headed part of a page: Anchor is the heading id ("" for
// the text before the first heading).
type Section struct{ Anchor, Heading, Text string }

// Document is one searchable thing: a lesson, a glossary entry, a card, a
// worksheet question, a module page or another page.
type Document struct {
	URL      string // page path relative to the site root, e.g. "five-steps/ask/index.html"
	Title    string
	Module   string // module title, e.g. "The five steps" ("" for top-level pages)
	Kind     string // "lesson", "glossary", "card", "question" (also "module", "page")
	Sections []Section
}

// kindOrder is the order of the kind filter; other kinds follow, sorted.
var kindOrder = []string{"lesson", "module", "glossary", "card", "question", "page"}

// Build returns the index files keyed by their path relative to the site
// root, all under "search/". The output depends only on the set of
// documents, not on their order, and is the same byte for byte every time.
func Build(docs []Document) (map[string][]byte, error) {
	docs, err := sortDocs(docs)
	if err != nil {
		return nil, err
	}
	kinds, modules := names(docs, func(d *Document) string { return d.Kind }, kindOrder),
		names(docs, func(d *Document) string { return d.Module }, []string{""})

	ix := newInvertedIndex()
	docPieces := make([][][]string, len(docs)) // per document, per section
	var all [][]string                         // per document, all pieces
	for id := range docs {
		d := &docs[id]
		d.Title = collapseSpace(d.Title)
		ix.add(id, d)
		var flat []string
		docPieces[id] = make([][]string, len(d.Sections))
		for i := range d.Sections {
			s := &d.Sections[i]
			s.Heading, s.Text = collapseSpace(s.Heading), collapseSpace(s.Text)
			docPieces[id][i] = splitPieces(s.Text)
			flat = append(flat, docPieces[id][i]...)
		}
		all = append(all, flat)
	}
	dict := buildDict(all)
	dictIDs := make(map[string]int, len(dict))
	for i, p := range dict {
		dictIDs[p] = i
	}

	files := map[string][]byte{}
	table := []byte{}
	for id := range docs {
		d := &docs[id]
		table = appendCode(table, slices.Index(modules, d.Module)*len(kinds)+slices.Index(kinds, d.Kind))
		enc := newTextEncoder(dictIDs)
		for _, pieces := range docPieces[id] {
			enc.add(pieces)
		}
		words, gaps, codes := enc.encode()
		secs := []string{}
		for i, s := range d.Sections {
			secs = append(secs, s.Anchor, s.Heading, codes[i])
		}
		rec := []any{d.URL, d.Title, words, gaps, secs}
		files["search/d/"+strconv.Itoa(id)+".js"] = script("d/"+strconv.Itoa(id), rec)
	}
	firsts := ix.writeShards(files)
	meta := map[string]any{
		"n":       len(docs),
		"docs":    string(table),
		"kinds":   kinds,
		"modules": modules,
		"shards":  firsts,
		"stop":    stopWords,
		"dict":    dict,
	}
	files["search/meta.js"] = script("meta", meta)
	return files, nil
}

// sortDocs returns a sorted copy of docs, so that the output does not depend
// on the order the generator found them in, and checks them.
func sortDocs(in []Document) ([]Document, error) {
	docs := slices.Clone(in)
	var errs []error
	for i := range docs {
		d := &docs[i]
		d.Sections = slices.Clone(d.Sections)
		if d.URL == "" || strings.HasPrefix(d.URL, "/") || strings.Contains(d.URL, "#") {
			errs = append(errs, fmt.Errorf("search: document %q: URL %q must be a path relative to the site root, without #anchor", d.Title, d.URL))
		}
	}
	slices.SortStableFunc(docs, func(a, b Document) int {
		return cmp.Or(
			strings.Compare(a.URL, b.URL),
			strings.Compare(firstAnchor(a), firstAnchor(b)),
			strings.Compare(a.Kind, b.Kind),
			strings.Compare(a.Title, b.Title),
		)
	})
	return docs, errors.Join(errs...)
}

func firstAnchor(d Document) string {
	if len(d.Sections) == 0 {
		return ""
	}
	return d.Sections[0].Anchor
}

// names lists the distinct values of field in docs: first the ones in
// order that occur, then the rest sorted.
func names(docs []Document, field func(*Document) string, order []string) []string {
	seen := map[string]bool{}
	for i := range docs {
		seen[field(&docs[i])] = true
	}
	var out, rest []string
	for _, n := range order {
		if seen[n] {
			out = append(out, n)
			delete(seen, n)
		}
	}
	for n := range seen {
		rest = append(rest, n)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// script wraps data as a script that hands it to search.js:
// P2PCSearch.load("name", data);
func script(name string, data any) []byte {
	var b bytes.Buffer
	b.WriteString("P2PCSearch.load(")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(name); err != nil {
		panic(err) // strings, slices and maps of them always encode
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	b.WriteByte(',')
	if err := enc.Encode(data); err != nil {
		panic(err)
	}
	b.Truncate(b.Len() - 1)
	b.WriteString(");\n")
	return b.Bytes()
}
