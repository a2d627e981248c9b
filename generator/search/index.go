package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Section is one headed part of a page: Anchor is the heading id ("" for
// the text before the first heading).
type Section struct{ Anchor, Heading, Text string }

// Document is one searchable thing: a page, or an item a feature makes
// searchable.
type Document struct {
	URL      string // page path relative to the site root, e.g. "five-steps/ask/index.html"
	Title    string
	Module   string // module title, e.g. "The five steps" ("" for top-level pages)
	Kind     string // "lesson", "module", "page", or a feature's search kind
	Sections []Section
	// Texts, when not nil, gives the texts of Sections, in order, which
	// then have none: Build asks for them only as it reads the document,
	// so that a caller can keep them out of memory until then (an Index
	// asks at once). Size is then how many bytes they hold, about.
	Texts func() ([]string, error)
	Size  int
}

// withTexts returns d with the texts Texts gives in its sections.
func withTexts(d Document) (Document, error) {
	d.Sections = slices.Clone(d.Sections)
	return d, fillTexts(&d)
}

// fillTexts puts the texts Texts gives into d's sections, which must be
// d's own.
func fillTexts(d *Document) error {
	texts, err := d.Texts()
	if err != nil {
		return fmt.Errorf("search: document %q: %w", d.URL, err)
	}
	if len(texts) != len(d.Sections) {
		return fmt.Errorf("search: document %q: %d texts for %d sections", d.URL, len(texts), len(d.Sections))
	}
	for i := range d.Sections {
		d.Sections[i].Text = texts[i]
	}
	d.Texts, d.Size = nil, 0
	return nil
}

// allTexts returns docs with every document's texts in its sections.
func allTexts(docs []Document) ([]Document, error) {
	if !slices.ContainsFunc(docs, func(d Document) bool { return d.Texts != nil }) {
		return docs, nil
	}
	out := make([]Document, len(docs))
	for i, d := range docs {
		if d.Texts != nil {
			var err error
			if d, err = withTexts(d); err != nil {
				return nil, err
			}
		}
		out[i] = d
	}
	return out, nil
}

// Build returns the index files keyed by their path relative to the site
// root, all under "search/". The kind filter lists the kinds in kindOrder
// first, in that order, then any others sorted. The output depends only on
// the set of documents, not on their order, and is the same byte for byte
// every time. It does not change docs; the texts of its own copy go as
// soon as it has read them, so that a caller that drops docs, and keeps no
// other reference to the texts, has its memory back while the index is
// written.
func Build(docs []Document, kindOrder ...string) (map[string][]byte, error) {
	files, _, err := build(docs, runtime.GOMAXPROCS(0), kindOrder, false)
	return files, err
}

// built is what build leaves for an Index.
type built struct {
	docs           []Document // sorted, as read
	all            *part      // the whole index's tables
	dict           []string
	dictOf         []int32 // per piece of all
	kinds, modules []string
	payloads       [][]byte // each document's data in its file under search/d
}

// build builds the index in n parts that read and write their documents
// in parallel. The output does not depend on n. Without keepText, the
// sections' texts in built.docs are empty.
func build(docs []Document, n int, kindOrder []string, keepText bool) (map[string][]byte, *built, error) {
	var err error
	if keepText {
		if docs, err = allTexts(docs); err != nil {
			return nil, nil, err
		}
	}
	if docs, err = sortDocs(docs); err != nil {
		return nil, nil, err
	}
	kinds, modules := names(docs, func(d *Document) string { return d.Kind }, kindOrder),
		names(docs, func(d *Document) string { return d.Module }, []string{""})
	kindIndex, moduleIndex := indexOf(kinds), indexOf(modules)

	parts := split(docs, n)
	parallel(parts, func(p *part) { p.read(keepText) })
	for _, p := range parts {
		if p.err != nil {
			return nil, nil, p.err
		}
	}
	all := parts[0] // becomes the whole index's tables
	for _, p := range parts[1:] {
		all.absorb(p)
	}
	all.global = make([]int32, len(all.pieces))
	for i := range all.global {
		all.global[i] = int32(i)
	}
	dict, dictOf := dictionary(all.pieces, all.counts)
	files := map[string][]byte{}
	var shards []string
	var wg sync.WaitGroup
	wg.Go(func() { shards = writeShards(all.terms, files) })
	parallel(parts, func(p *part) { p.write(dictOf, len(dict)) })
	wg.Wait()

	payloads := make([][]byte, 0, len(docs))
	for _, p := range parts {
		payloads = append(payloads, p.files...)
		p.files = nil
	}
	docFiles(payloads, files)
	files["search/meta.js"] = metaFile(docs, kinds, modules, kindIndex, moduleIndex, shards, dict)
	return files, &built{docs: docs, all: all, dict: dict, dictOf: dictOf, kinds: kinds, modules: modules, payloads: payloads}, nil
}

// metaFile makes search/meta.js.
func metaFile(docs []Document, kinds, modules []string, kindIndex, moduleIndex map[string]int, shards, dict []string) []byte {
	table := []byte{}
	for i := range docs {
		d := &docs[i]
		table = appendCode(table, moduleIndex[d.Module]*len(kinds)+kindIndex[d.Kind])
	}
	meta := map[string]any{
		"n":       len(docs),
		"per":     docsPerFile,
		"docs":    string(table),
		"kinds":   kinds,
		"modules": modules,
		"shards":  shards,
		"stop":    stopWords,
		"dict":    dict,
	}
	return script("meta", meta)
}

// split cuts docs into one to n runs of about the same size of text.
func split(docs []Document, n int) []*part {
	size := 0
	for i := range docs {
		size += docSize(&docs[i])
	}
	var parts []*part
	first, done, from := 0, 0, 0
	for i := range docs {
		done += docSize(&docs[i])
		if done*n >= size*(len(parts)+1) { // true for the last document
			parts = append(parts, newPart(first, docs[first:i+1], done-from))
			first, from = i+1, done
		}
	}
	if len(parts) == 0 {
		parts = append(parts, newPart(0, nil, 0))
	}
	return parts
}

func docSize(d *Document) int {
	n := len(d.Title) + 1 + d.Size
	for _, s := range d.Sections {
		n += len(s.Heading) + len(s.Text)
	}
	return n
}

// parallel calls f for each part, each in its own goroutine.
func parallel(parts []*part, f func(*part)) {
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Go(func() { f(p) })
	}
	wg.Wait()
}

// sortDocs returns a sorted copy of docs, so that the output does not depend
// on the order the generator found them in, and checks them.
func sortDocs(in []Document) ([]Document, error) {
	docs := slices.Clone(in)
	for i := range docs {
		docs[i].Sections = slices.Clone(docs[i].Sections)
	}
	slices.SortStableFunc(docs, func(a, b Document) int { return compareDocs(&a, &b) })
	return docs, checkDocs(docs)
}

// checkDocs checks the documents' URLs.
func checkDocs(docs []Document) error {
	var errs []error
	for i := range docs {
		d := &docs[i]
		if d.URL == "" || strings.HasPrefix(d.URL, "/") || strings.Contains(d.URL, "#") || strings.Contains(d.URL, "://") {
			errs = append(errs, fmt.Errorf("search: document %q: URL %q must be a path relative to the site root, without #anchor", d.Title, d.URL))
		}
	}
	return errors.Join(errs...)
}

// compareDocs is the order of the documents.
func compareDocs(a, b *Document) int {
	if c := strings.Compare(a.URL, b.URL); c != 0 {
		return c
	}
	return cmp.Or(
		strings.Compare(firstAnchor(*a), firstAnchor(*b)),
		strings.Compare(a.Kind, b.Kind),
		strings.Compare(a.Title, b.Title),
	)
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
	b.Write(encodeJSON(name))
	b.WriteByte(',')
	b.Write(encodeJSON(data))
	b.WriteString(");\n")
	return b.Bytes()
}

// encodeJSON writes data as JSON, without escaping HTML's characters.
func encodeJSON(data any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(data); err != nil {
		panic(err) // strings, slices and maps of them always encode
	}
	return b.Bytes()[:b.Len()-1] // Encode's newline
}
