package allinone_test

import (
	"context"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"p2pc/generator"
	"p2pc/generator/allinone"
	"p2pc/generator/browsertest"
)

var (
	once  sync.Once
	built *generator.Site
	dir   string
	err   error
)

// site builds the default curriculum once and writes it to a folder.
func site(t *testing.T) (*generator.Site, string) {
	t.Helper()
	once.Do(func() {
		built, err = generator.Build(os.DirFS("../../content"), os.DirFS("../../layouts"), generator.Options{})
		if err != nil {
			return
		}
		if dir, err = os.MkdirTemp("", "p2pc-aio-"); err == nil {
			err = generator.Write(filepath.Join(dir, "public"), built.Files)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {})
	return built, filepath.Join(dir, "public")
}

var (
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
	linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	noindex  = `<meta name="robots" content="noindex">`
)

// TestViewsOfTheCurriculum checks every all-in-one page of the default
// curriculum: ids unique, every in-page link has its target, every other
// link and image leads to a file of the site, every lesson of the view is
// on it, and the trainers' pages are noindex.
func TestViewsOfTheCurriculum(t *testing.T) {
	s, _ := site(t)
	views := 0
	for name, data := range s.Files {
		if !strings.HasPrefix(name, allinone.Dir+"/") && !strings.HasPrefix(name, allinone.TrainerDir+"/") {
			continue
		}
		views++
		html := string(data)
		ids := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
			ids[m[1]]++
		}
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q %d times", name, id, n)
			}
		}
		for _, m := range linkAttr.FindAllStringSubmatch(html, -1) {
			l := m[1]
			switch {
			case strings.HasPrefix(l, "#"):
				if ids[l[1:]] == 0 {
					t.Errorf("%s: link to %s, no such id", name, l)
				}
			case strings.Contains(l, ":") || strings.HasPrefix(l, "/"):
			default:
				file, _, _ := strings.Cut(l, "#")
				if target := path.Join(path.Dir(name), file); s.Files[target] == nil {
					t.Errorf("%s: link to %s (%s), no such file", name, l, target)
				}
			}
		}
		trainer := strings.HasPrefix(name, allinone.TrainerDir+"/")
		if strings.Contains(html, noindex) != trainer {
			t.Errorf("%s: noindex %v, want %v", name, !trainer, trainer)
		}
		if trainer != strings.Contains(html, `class="aio aio-trainer show-trainer print-trainer-notes"`) {
			t.Errorf("%s: edition class wrong", name)
		}
	}
	if views != 2*(len(s.Modules())+1) {
		t.Errorf("%d all-in-one pages, want %d", views, 2*(len(s.Modules())+1))
	}
	home := string(s.Files["index.html"])
	if !strings.Contains(home, `href="`+allinone.Dir+`/index.html"`) || strings.Contains(home, `href="`+allinone.TrainerDir+`/index.html"`) {
		t.Error("the navigation should list the learners' course view and not the trainers'")
	}
	for _, m := range s.Modules() {
		page := string(s.Files[m.Page.URL+"index.html"])
		for _, d := range []string{allinone.Dir, allinone.TrainerDir} {
			if !strings.Contains(page, `href="../`+d+"/"+m.Page.URL+`index.html"`) {
				t.Errorf("module page %s does not link to its view in %s/", m.Page.URL, d)
			}
		}
		html := string(s.Files[allinone.Dir+"/"+m.Page.URL+"index.html"])
		for _, l := range m.Lessons {
			if !strings.Contains(html, `<a href="../../`+l.URL+`index.html">`) {
				t.Errorf("%s's view lacks the lesson %s", m.Page.URL, l.URL)
			}
		}
	}
}

// TestPrintEditions prints the trainers' module's two views to PDF: the
// trainers' shows a trainer note of the curriculum, the learners' none.
func TestPrintEditions(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext not found and CI is set: install poppler-utils")
		}
		t.Skip("pdftotext not found; install poppler-utils to run the print tests")
	}
	s, dir := site(t)
	note := regexp.MustCompile(`(?s)<aside class="[^"]*\btrainer-note\b[^"]*"[^>]*>.*?<p>([^<]{30,})`)
	var module, text string
	for _, m := range s.Modules() {
		if found := note.FindStringSubmatch(string(s.Files[allinone.TrainerDir+"/"+m.Page.URL+"index.html"])); found != nil {
			module, text = m.Page.URL, strings.Join(strings.Fields(found[1]), " ")[:30]
			break
		}
	}
	if module == "" {
		t.Fatal("no trainer note in any trainers' view")
	}
	ctx := browsertest.New(t, 1000, 900)
	pdf := func(edition string) string {
		var data []byte
		if err := chromedp.Run(ctx, chromedp.Navigate("file://"+filepath.ToSlash(dir)+"/"+edition+"/"+module+"index.html"),
			chromedp.ActionFunc(func(ctx context.Context) error {
				var err error
				data, _, err = page.PrintToPDF().Do(ctx)
				return err
			})); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), edition+".pdf")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	trainer, learner := pdf(allinone.TrainerDir), pdf(allinone.Dir)
	if !strings.Contains(trainer, text) {
		t.Errorf("the trainers' PDF of %s lacks the note %q", module, text)
	}
	if strings.Contains(learner, text) || strings.Contains(learner, "For trainers") {
		t.Errorf("the learners' PDF of %s shows a trainer note", module)
	}
	if len(learner) < 1000 {
		t.Errorf("the learners' PDF of %s is nearly empty", module)
	}
}

// TestViewsAccessibility runs axe-core on a module's views, light and dark.
func TestViewsAccessibility(t *testing.T) {
	s, dir := site(t)
	ctx := browsertest.New(t, 1280, 900)
	m := s.Modules()[1].Page.URL
	for _, edition := range []string{allinone.Dir, allinone.TrainerDir} {
		for _, theme := range []string{"light", "dark"} {
			if err := chromedp.Run(ctx, chromedp.Navigate("file://"+filepath.ToSlash(dir)+"/"+edition+"/"+m+"index.html"),
				chromedp.Evaluate(`document.documentElement.dataset.theme = "`+theme+`"`, nil)); err != nil {
				t.Fatal(err)
			}
			for _, v := range browsertest.Axe(t, ctx, "") {
				t.Errorf("%s/%s, %s: %s", edition, m, theme, v)
			}
		}
	}
}
