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
	kindIndex, moduleIndex := indexOf(kinds), indexOf(modules)

	ts, pt := newTerms(), newPieceTable()
	texts := make([][][]int32, len(docs)) // per document, per section: pieces
	var buf []int32
	for id := range docs {
		d := &docs[id]
		d.Title = collapseSpace(d.Title)
		markAll(ts, d.Title, inTitle)
		texts[id] = make([][]int32, len(d.Sections))
		for i := range d.Sections {
			s := &d.Sections[i]
			s.Heading, s.Text = collapseSpace(s.Heading), collapseSpace(s.Text)
			markAll(ts, s.Heading, inHeading)
			buf = pt.add(s.Text, int32(id), ts, buf[:0])
			for _, p := range buf {
				ts.mark(pt.list[p].term, 0)
			}
			texts[id][i] = slices.Clone(buf)
		}
		ts.endDoc()
	}
	dict := pt.dictionary()

	files := map[string][]byte{}
	table := []byte{}
	for id := range docs {
		d := &docs[id]
		table = appendCode(table, moduleIndex[d.Module]*len(kinds)+kindIndex[d.Kind])
		words, gaps, codes := pt.encode(int32(id), len(dict), texts[id])
		secs := make([]string, 0, 3*len(d.Sections))
		for i, s := range d.Sections {
			secs = append(secs, s.Anchor, s.Heading, codes[i])
		}
		name := "d/" + strconv.Itoa(id)
		files["search/"+name+".js"] = script(name, []any{d.URL, d.Title, words, gaps, secs})
	}
	meta := map[string]any{
		"n":       len(docs),
		"docs":    string(table),
		"kinds":   kinds,
		"modules": modules,
		"shards":  ts.writeShards(files),
		"stop":    stopWords,
		"dict":    dict,
	}
	files["search/meta.js"] = script("meta", meta)
	return files, nil
}

// markAll marks the terms of a title or heading.
func markAll(ts *terms, text string, flag int32) {
	for _, tok := range Tokenize(text) {
		ts.mark(ts.id(tok.Word), flag)
	}
}

// sortDocs returns a sorted copy of docs, so that the output does not depend
// on the order the generator found them in, and checks them.
func sortDocs(in []Document) ([]Document, error) {
	docs := slices.Clone(in)
	var errs []error
	for i := range docs {
		d := &docs[i]
		d.Sections = slices.Clone(d.Sections)
		if d.URL == "" || strings.HasPrefix(d.URL, "/") || strings.Contains(d.URL, "#") || strings.Contains(d.URL, "://") {
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

func indexOf(list []string) map[string]int {
	m := make(map[string]int, len(list))
	for i, s := range list {
		m[s] = i
	}
	return m
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
