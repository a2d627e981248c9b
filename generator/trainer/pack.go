package trainer

import (
	"bytes"
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strings"

	"p2pc/generator/feature"
)

// PackDir is the top-level output folder of the workshop pack.
const PackDir = "workshop-pack"

const packURL = PackDir + "/"

// packPaper is a paper the pack prints on, its size in mm.
type packPaper struct {
	Key, Name string
	W, H      float64
}

// packPapers are the papers the pack offers; a part laid out for another
// paper is left out.
var packPapers = []packPaper{
	{"a4", "A4", 210, 297},
	{"letter", "US Letter", 215.9, 279.4},
}

// partID is what a part's ID may hold: it names CSS selectors.
var partID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// packMargin is the page margin of the parts that flow (worksheets), as
// their own print pages have it; assets/trainer-pack.js counts their
// pages with the same figures.
const packMargin = "15mm 15mm 18mm"

// pack is the workshop pack page: the parts of every Printer, grouped.
type pack struct {
	Guide  bool // the site has a facilitator guide to link back to
	Papers []packPaper
	Groups []packGroup
	Parts  []feature.PrintPart // in print order: by group, then as offered
	Styles []string
	Rules  template.CSS
}

type packGroup struct {
	Name  string
	Picks []feature.PrintPart // one per part ID
}

// newPack gathers the printers' parts for the pack page.
func newPack(printers []feature.Printer, guide bool) *pack {
	p := &pack{Guide: guide, Papers: packPapers}
	byGroup := map[string]*packGroup{}
	var order []string
	picked := map[string]bool{}
	known := func(paper string) bool {
		return paper == "" || slices.ContainsFunc(packPapers, func(pp packPaper) bool { return pp.Key == paper })
	}
	for _, pr := range printers {
		for _, part := range pr.PrintParts(packURL) {
			if !known(part.Paper) || !partID.MatchString(part.ID) {
				continue
			}
			g := byGroup[part.Group]
			if g == nil {
				g = &packGroup{Name: part.Group}
				byGroup[part.Group] = g
				order = append(order, part.Group)
			}
			if !picked[part.ID] {
				picked[part.ID] = true
				g.Picks = append(g.Picks, part)
			}
			p.Parts = append(p.Parts, part)
			for _, s := range part.Styles {
				if !slices.Contains(p.Styles, s) {
					p.Styles = append(p.Styles, s)
				}
			}
		}
	}
	for _, name := range order {
		p.Groups = append(p.Groups, *byGroup[name])
	}
	slices.SortStableFunc(p.Parts, func(a, b feature.PrintPart) int {
		return slices.Index(order, a.Group) - slices.Index(order, b.Group)
	})
	p.Rules = p.rules(picked)
	return p
}

// rules are the pack's own CSS: a part shows and prints only while its
// box is ticked and, laid out for one paper, while that paper is chosen;
// each part prints on named pages of the chosen paper, sheets without a
// margin, so every part starts a new page. All of it works without
// JavaScript (:has).
func (p *pack) rules(ids map[string]bool) template.CSS {
	var b strings.Builder
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		fmt.Fprintf(&b, "body:has(#pick-%s:not(:checked)) .part-%s { display: none; }\n", id, id)
	}
	for _, pp := range packPapers {
		size := fmt.Sprintf("%gmm %gmm", pp.W, pp.H)
		fmt.Fprintf(&b, "@page pack-%s-sheets { size: %s; margin: 0; }\n", pp.Key, size)
		fmt.Fprintf(&b, "@page pack-%s-text { size: %s; margin: %s; }\n", pp.Key, size, packMargin)
		fmt.Fprintf(&b, ".pack-sheets[data-paper=%q] { page: pack-%s-sheets; }\n", pp.Key, pp.Key)
		fmt.Fprintf(&b, "body:has(#paper-%s:checked) .pack-text { page: pack-%s-text; }\n", pp.Key, pp.Key)
		fmt.Fprintf(&b, "body:has(#paper-%s:not(:checked)) .pack-part[data-paper=%q] { display: none; }\n", pp.Key, pp.Key)
	}
	return template.CSS(b.String())
}

// html renders the pack page.
func (p *pack) html() []byte {
	var b bytes.Buffer
	if err := packTemplate.Execute(&b, p); err != nil {
		panic("trainer: pack template: " + err.Error()) // the template and its data are fixed: a bug
	}
	return b.Bytes()
}
