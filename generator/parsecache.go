package generator

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
)

// The parse cache keeps, beside a BuildCache (its file with ".parses"
// added), what checking found in each page's Markdown (the parsed summary:
// title, anchors, table of contents, links, words, fenced divs, warnings),
// keyed as a Pipeline keeps it between a server's runs: by source path,
// the digest of its bytes, its kind, the Markdown settings and the names
// an outline gives it. A build that starts from it parses, to check, only
// the pages whose key changed; a build where nothing changed parses none.
// Like the BuildCache, it is read only by the program that wrote it, and
// a missing or unreadable one only makes the build parse every page.

const parseCacheHeader = "p2pc-parse-cache 2"

// The parse cache's file is a gob stream: a diskParsesHead, then as many
// diskParse values as it counts, one at a time, so that neither saving nor
// reading holds a second copy of every parse (at 10,000 lessons the whole
// file made at once was the build's peak of memory).
type diskParsesHead struct {
	Header, Program string
	Count           int
}

type diskParse struct {
	Src, Kind, Names string
	Sum, MD          uint64
	Title, TitleID   string
	TitleLine, Words int
	Anchors, Divs    []string
	TOC              []TOCEntry
	Links            []diskLink
	AnchorKey        uint64
	Problems         []FileError
}

type diskLink struct {
	Raw            string
	Line, Col      int
	Image, Diagram bool
	Alt            string
}

func (c *BuildCache) parsesPath() string { return c.path + ".parses" }

// readParses loads the parse cache; any fault leaves it empty.
func (c *BuildCache) readParses() map[string]keptParse {
	f, err := os.Open(c.parsesPath())
	if err != nil {
		return nil
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReader(f))
	var head diskParsesHead
	if err := dec.Decode(&head); err != nil || head.Header != parseCacheHeader || head.Program != programID() || head.Count < 0 {
		return nil
	}
	out := make(map[string]keptParse, min(head.Count, 1<<16))
	for range head.Count {
		var e diskParse
		if err := dec.Decode(&e); err != nil {
			return nil
		}
		out[e.Src] = keptParse{key: parseKey{src: e.Src, sum: e.Sum, kind: e.Kind, md: e.MD, names: e.Names}, parsed: e.parsed()}
	}
	return out
}

func (e *diskParse) parsed() *parsed {
	s := &parsed{title: e.Title, titleLine: e.TitleLine, titleID: e.TitleID, anchors: make(map[string]bool, len(e.Anchors)),
		toc: e.TOC, words: e.Words, divs: e.Divs, anchorKey: e.AnchorKey}
	for _, a := range e.Anchors {
		s.anchors[a] = true
	}
	for _, l := range e.Links {
		s.links = append(s.links, linkRef{raw: l.Raw, line: l.Line, col: l.Col, image: l.Image, diagram: l.Diagram, alt: l.Alt})
	}
	for i := range e.Problems {
		s.problems = append(s.problems, &e.Problems[i])
	}
	return s
}

// writeParses saves the parses a run kept, for the next build.
func (c *BuildCache) writeParses(parses map[string]keptParse) error {
	err := writeCacheFile(c.parsesPath(), func(w io.Writer) error {
		enc := gob.NewEncoder(w)
		if err := enc.Encode(diskParsesHead{Header: parseCacheHeader, Program: programID(), Count: len(parses)}); err != nil {
			return err
		}
		for _, src := range slices.Sorted(maps.Keys(parses)) {
			e := newDiskParse(parses[src])
			if err := enc.Encode(&e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("parse cache: %w", err)
	}
	return nil
}

// newDiskParse is kp as the file holds it.
func newDiskParse(kp keptParse) diskParse {
	k, s := kp.key, kp.parsed
	e := diskParse{Src: k.src, Kind: k.kind, Names: k.names, Sum: k.sum, MD: k.md,
		Title: s.title, TitleID: s.titleID, TitleLine: s.titleLine, Words: s.words,
		Anchors: slices.Sorted(maps.Keys(s.anchors)), Divs: s.divs, TOC: s.toc, AnchorKey: s.anchorKey}
	for _, l := range s.links {
		e.Links = append(e.Links, diskLink{Raw: l.raw, Line: l.line, Col: l.col, Image: l.image, Diagram: l.diagram, Alt: l.alt})
	}
	for _, p := range s.problems {
		e.Problems = append(e.Problems, *p)
	}
	return e
}
