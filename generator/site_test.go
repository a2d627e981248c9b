package generator_test

import (
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"p2pc/generator"
)

var (
	buildOnce sync.Once
	builtSite *generator.Site
	builtDir  string
	buildErr  error
)

// defaultSite builds the real curriculum once per test run and writes it to a temporary folder.
func defaultSite(t *testing.T) (*generator.Site, string) {
	t.Helper()
	buildOnce.Do(func() {
		builtSite, buildErr = generator.Build(os.DirFS("../content"), os.DirFS("../layouts"), generator.Options{})
		if buildErr != nil {
			return
		}
		dir, err := os.MkdirTemp("", "p2pc-site-")
		if err != nil {
			buildErr = err
			return
		}
		builtDir = filepath.Join(dir, "public")
		buildErr = generator.Write(builtDir, builtSite.Files)
	})
	if buildErr != nil {
		t.Fatalf("build the default site: %v", buildErr)
	}
	return builtSite, builtDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(filepath.Dir(builtDir))
	}
	os.Exit(code)
}

var (
	linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
)

// TestEveryLinkResolves crawls every HTML file of the default site: each
// relative link must reach a file in the site (and its #anchor an id on that
// page), nothing may load from another host, and no text is escaped twice.
func TestEveryLinkResolves(t *testing.T) {
	site, _ := defaultSite(t)
	ids := map[string]map[string]bool{}
	for name, data := range site.Files {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
				ids[name][html.UnescapeString(m[1])] = true
			}
		}
	}
	checked := 0
	for name, data := range site.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		if strings.Contains(page, "&amp;lt;") || strings.Contains(page, "&amp;amp;") || strings.Contains(page, "&amp;#") {
			t.Errorf("%s: text escaped twice", name)
		}
		for _, m := range linkAttr.FindAllStringSubmatch(page, -1) {
			raw := html.UnescapeString(m[1])
			u, err := url.Parse(raw)
			if err != nil {
				t.Errorf("%s: bad link %q", name, raw)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if strings.Contains(m[0], "src=") || strings.Contains(page, `<link rel="stylesheet" href="`+raw) {
					t.Errorf("%s loads %s from another host", name, raw)
				}
				continue
			}
			if strings.HasPrefix(raw, "/") {
				t.Errorf("%s: root-relative link %q breaks under a base path", name, raw)
				continue
			}
			target := name
			if u.Path != "" {
				target = path.Join(path.Dir(name), u.Path)
				if strings.HasSuffix(u.Path, "/") {
					t.Errorf("%s: link %q ends in / and will not open from disk (link to index.html)", name, raw)
					continue
				}
			}
			if _, ok := site.Files[target]; !ok {
				t.Errorf("%s: link %q: no file %s", name, raw, target)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q: %s has no id %q", name, raw, target, u.Fragment)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("checked only %d links; the crawl is not seeing the site", checked)
	}
}

// writtenSite builds the content fsys with the repository's layouts and
// writes it to a temporary folder, which it returns.
func writtenSite(t *testing.T, fsys fs.FS) string {
	t.Helper()
	site, err := generator.Build(fsys, os.DirFS("../layouts"), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := generator.Write(dir, site.Files); err != nil {
		t.Fatal(err)
	}
	return dir
}
