package generator_test

import (
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/util"

	"p2pc/generator"
	"p2pc/generator/builtin"
	"p2pc/generator/feature"
	"p2pc/generator/markdown"
)

// polls is a made-up feature, written here with no change to the builder:
// a ::: poll div drawn in place, a polls/ folder with a page listing every
// poll, a stylesheet loaded only where polls are, and a search kind.
type polls struct{ found []feature.SearchDoc }

func (p *polls) Manifest() feature.Manifest {
	return feature.Manifest{
		Name: "polls",
		Divs: []string{"poll"},
		Render: map[string]markdown.DivFunc{"poll": func(w util.BufWriter, n *markdown.FencedDiv, entering bool) {
			if entering {
				w.WriteString(`<form class="poll">` + "\n")
			} else {
				w.WriteString("</form>\n")
			}
		}},
		TrainerNotes: map[string]string{"host": "For the host"},
		Dirs:         []string{"polls"},
		SearchKinds:  []string{"poll"},
		Assets:       map[string][]byte{"poll.css": []byte(".poll{border:1px solid}")},
		Styles:       []string{"poll.css"},
	}
}

func (p *polls) Renderers() []util.PrioritizedValue { return nil }

func (p *polls) Collect(pages []*feature.Page) []feature.Problem {
	p.found = nil
	for _, pg := range pages {
		if strings.Contains(string(pg.Body), "::: poll") {
			p.found = append(p.found, feature.SearchDoc{URL: pg.URL + "index.html", Title: "Poll in " + pg.Title,
				Kind: "poll", Text: "favourite colour"})
		}
	}
	return nil
}

func (p *polls) Pages() []feature.Generated {
	return []feature.Generated{{URL: "polls/", Title: "All polls", HTML: template.HTML("<p>" + strings.Repeat("poll ", len(p.found)) + "</p>")}}
}

func (p *polls) Files() map[string][]byte { return map[string][]byte{"polls/data.json": []byte("[]")} }

func (p *polls) Search() []feature.SearchDoc { return p.found }

func TestMadeUpFeature(t *testing.T) {
	content := fstest.MapFS{
		"_index.md":     {Data: []byte("---\ntitle: Home\n---\nHi.\n")},
		"m/_index.md":   {Data: []byte("---\ntitle: M\n---\nSee [all polls](../polls/).\n")},
		"m/asks.md":     {Data: []byte("---\ntitle: Asks\n---\n::: poll {#p1}\nWhich colour?\n:::\n\n::: host\nCount zebrawords.\n:::\n")},
		"m/no-polls.md": {Data: []byte("---\ntitle: Plain\n---\nNothing to vote on.\n")},
	}
	site, err := generator.Build(content, os.DirFS("../layouts"), generator.Options{Features: append(builtin.Features(), &polls{})})
	if err != nil {
		t.Fatal(err)
	}
	asks, plain := string(site.Files["m/asks/index.html"]), string(site.Files["m/no-polls/index.html"])
	for _, want := range []string{`<form class="poll">`, `href="../../assets/poll.css"`} {
		if !strings.Contains(asks, want) {
			t.Errorf("the lesson with a poll lacks %s", want)
		}
	}
	if !strings.Contains(asks, `<aside class="box trainer-note host" aria-label="For the host">`) {
		t.Error("the feature's trainer note is not drawn as one")
	}
	found := false
	for name, data := range site.Files {
		if strings.HasPrefix(name, "search/") && strings.Contains(string(data), "zebraword") {
			t.Errorf("%s holds the text of a trainer note", name)
		}
		found = found || strings.HasPrefix(name, "search/") && strings.Contains(string(data), "Which colour")
	}
	if !found {
		t.Error("the search holds no text of the lesson (the check for the trainer note proves nothing)")
	}
	if strings.Contains(plain, "poll.css") {
		t.Error("a lesson without a poll loads poll.css")
	}
	if !strings.Contains(string(site.Files["m/index.html"]), `href="../polls/index.html"`) {
		t.Error("the module's link to polls/ was not rewritten to the feature's page")
	}
	page := string(site.Files["polls/index.html"])
	if !strings.Contains(page, "All polls") || !strings.Contains(page, `href="../assets/poll.css"`) || !strings.Contains(page, `class="site-header"`) {
		t.Errorf("polls/ is not a page in the site's layout with the feature's style:\n%s", page)
	}
	if string(site.Files["polls/data.json"]) != "[]" || site.Files["assets/poll.css"] == nil {
		t.Error("the feature's file or asset was not written")
	}
	if meta := string(site.Files["search/meta.js"]); !strings.Contains(meta, `"poll"`) {
		t.Errorf("the search kinds lack poll: %.200s", meta)
	}

	// The folder is the feature's: content may not use it.
	content["polls/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Mine\n---\nx\n")}
	_, err = generator.Build(content, os.DirFS("../layouts"), generator.Options{Features: append(builtin.Features(), &polls{})})
	if err == nil || !strings.Contains(err.Error(), `the folder name "polls" is used by the generator's own pages`) {
		t.Errorf("content folder polls/ was not refused: %v", err)
	}
}

// TestFeatureClash: two features may not claim one folder, div or asset.
func TestFeatureClash(t *testing.T) {
	content := fstest.MapFS{"_index.md": {Data: []byte("Hi.\n")}}
	for _, clash := range []string{"folder", "div", "asset"} {
		f := &clashing{what: clash}
		_, err := generator.Build(content, os.DirFS("../layouts"), generator.Options{Features: append(builtin.Features(), f)})
		if err == nil || !strings.Contains(err.Error(), "clash") && !strings.Contains(err.Error(), "claim") {
			t.Errorf("%s clash: got %v", clash, err)
		}
	}
}

type clashing struct {
	polls
	what string
}

func (c *clashing) Manifest() feature.Manifest {
	m := feature.Manifest{Name: "clash"}
	switch c.what {
	case "folder":
		m.Dirs = []string{"search"}
	case "div":
		m.Divs = []string{"card"}
	case "asset":
		m.Assets = map[string][]byte{"worksheet.js": nil}
	}
	return m
}
