package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkifyPair returns goldmark with its own linkify and with quickLinkify
// in its place, otherwise the same.
func linkifyPair() (plain, quick goldmark.Markdown) {
	plain = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough))
	quick = goldmark.New(goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(newQuickLinkify(), 999))))
	return plain, quick
}

func renderWith(t testing.TB, md goldmark.Markdown, src []byte) string {
	var b bytes.Buffer
	if err := md.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var linkifyCases = []string{
	"see http://example.org/a_(b) and https://x.y/z?q=1. or ftp://f.example/ too",
	"www.example.com/path, (www.example.org) *www.a.b* _www.c.d_ ~www.e.f~",
	"mail me@example.org or a.b-c+d@sub.example.co.uk. not me@host or @x.y",
	"Http://not.lowercase WWW.upper.case hxxp://x fttp:// wwww.x.y",
	strings.Repeat("a", 64) + "@example.org and " + strings.Repeat("b", 65) + "@example.org",
	"x@y.z at the start, (x@y.z) in brackets, *x@y.z* in emphasis",
	"[http://inside.a/label](http://dest.example) and `http://in.code`",
	"trailing http://x.y/a;&amp; and http://x.y/&lt; and www.x.y/a.b.",
	"line one http://a.b\nline two www.c.d\n\n* item me@ex.org\n* item https://e.f",
	"ümlaut@exämple.org ünïcode http://例え.jp www.例え.jp",
	"", " ", "@", "h", "w", "f", "(", "a @", "a h", "a \t www.x.y",
}

// TestQuickLinkifySameAsGoldmark renders made-up cases and every Markdown
// file of the test corpora with goldmark's linkify and with quickLinkify:
// the HTML must be the same, and the cases must contain links, or the
// comparison would show nothing.
func TestQuickLinkifySameAsGoldmark(t *testing.T) {
	plain, quick := linkifyPair()
	links := 0
	check := func(name string, src []byte) {
		want := renderWith(t, plain, src)
		if got := renderWith(t, quick, src); got != want {
			t.Errorf("%s: quickLinkify renders\n%s\nlinkify renders\n%s", name, got, want)
		}
		links += strings.Count(want, "<a href=")
	}
	for i, c := range linkifyCases {
		check(fmt.Sprintf("case %d", i), []byte(c))
	}
	if links < 20 {
		t.Fatalf("the made-up cases gave %d links: they no longer test linkify", links)
	}
	files := 0
	err := filepath.WalkDir("../../../shared/corpora", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		src, err := os.ReadFile(path)
		files++
		check(path, src)
		return err
	})
	if err != nil || files < 50 {
		t.Fatalf("read %d Markdown files of ../shared/corpora (%v): the repository must sit beside ../shared", files, err)
	}
}

// TestMayLinkTooNarrowIsCaught shows that the comparison finds a check
// that turns away a place where linkify finds a link.
func TestMayLinkTooNarrowIsCaught(t *testing.T) {
	plain, _ := linkifyPair()
	broken := goldmark.New(goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(tooNarrow{newQuickLinkify()}, 999))))
	src := []byte("write to " + strings.Repeat("a", 60) + "@example.org")
	if renderWith(t, plain, src) == renderWith(t, broken, src) {
		t.Fatal("a check that looks for @ in only 32 bytes went unnoticed")
	}
}

type tooNarrow struct{ quickLinkify }

func (l tooNarrow) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 1 && bytes.IndexByte(line[1:min(len(line), 33)], '@') < 0 && line[1] != 'h' && line[1] != 'w' && line[1] != 'f' {
		return nil
	}
	return l.quickLinkify.Parse(parent, block, pc)
}

func FuzzQuickLinkify(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c)
	}
	plain, quick := linkifyPair()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := renderWith(t, quick, []byte(s)), renderWith(t, plain, []byte(s)); got != want {
			t.Errorf("%q: quickLinkify renders\n%s\nlinkify renders\n%s", s, got, want)
		}
	})
}
