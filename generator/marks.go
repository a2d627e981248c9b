package generator

import (
	"p2pc/generator/feature"
)

// markRun is one feature's Marks in a run, with what every page uses.
type markRun struct {
	marks   feature.Marks
	key     uint64        // the Marks' Key
	uses    []feature.Use // pages that use something, in reading order
	usesKey uint64        // digest of uses
}

// scanID names one Scan result: a page's source and bytes, and the Marks.
type scanID struct {
	source   string
	sum, key uint64
}

// scanPages has each feature's Marks scan every page, reusing the last
// run's result for a page whose bytes and Marks did not change (with keep).
func (p *Pipeline) scanPages(c *checked, list []feature.Marks) ([]*markRun, error) {
	pages := make([]*Page, 0, len(c.site.Pages))
	for _, pg := range c.site.Pages {
		if pg.Source != "" {
			pages = append(pages, pg)
		}
	}
	runs := make([]*markRun, len(list))
	next := map[scanID][]string{}
	for i, m := range list {
		r := &markRun{marks: m, key: m.Key()}
		if m.Idle() {
			runs[i] = r // nothing to scan for
			continue
		}
		found := make([][]string, len(pages))
		err := parallel(len(pages), func(j int) error {
			pg := pages[j]
			if f, ok := p.scans[scanID{pg.Source, pg.sum, r.key}]; ok {
				found[j] = f
				return nil
			}
			body, err := c.source(pg)
			if err != nil {
				return err
			}
			found[j] = m.Scan(pg.URL, body)
			return nil
		})
		if err != nil {
			return nil, err
		}
		k := newKey("uses").num(r.key)
		for j, pg := range pages {
			next[scanID{pg.Source, pg.sum, r.key}] = found[j]
			if len(found[j]) == 0 {
				continue
			}
			r.uses = append(r.uses, feature.Use{URL: pg.URL, Title: pg.Title, Found: found[j]})
			k.str(pg.URL).str(pg.Title).int(len(found[j]))
			for _, f := range found[j] {
				k.str(f)
			}
		}
		r.usesKey = k.sum()
		runs[i] = r
	}
	if p.keep {
		p.scans = next
	}
	return runs, nil
}

// markKey adds to a page's key what the Marks make of it.
func markKey(k *key, runs []*markRun, url string) {
	for _, r := range runs {
		k.num(r.key)
		if r.marks.Gathers(url) {
			k.num(r.usesKey)
		}
	}
}

// marksPages reports whether a feature's Marks may change pages' trees.
func (c *checked) marksPages() bool {
	for _, r := range c.marks {
		if !r.marks.Idle() {
			return true
		}
	}
	return false
}
