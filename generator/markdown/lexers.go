package markdown

import (
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// codeLabels names the info strings that mark a block as something other
// than code to run; such a block gets a visible label so readers can tell a
// command from what it printed. Only console is still highlighted.
var codeLabels = map[string]string{
	"output":    "Output",
	"error":     "Error",
	"warning":   "Warning",
	"source":    "Source",
	"text":      "Text",
	"txt":       "Text",
	"plaintext": "Text",
	"console":   "Shell session",
}

// plainNames go straight to an escaped <pre>: chroma would only wrap their
// text in spans.
var plainNames = map[string]bool{"output": true, "error": true, "warning": true, "source": true,
	"text": true, "txt": true, "plaintext": true, "plain": true, "none": true, "nohighlight": true}

// maxCachedLanguages bounds the memory a file with many made-up language
// names can take; past it, names are resolved again (cheaply) each time.
const maxCachedLanguages = 4096

// lexerTable resolves a fenced block's language name to a chroma lexer by
// name, alias, file extension or file name, as chroma's lexers.Get does,
// but with maps built once, so an unknown name costs a few map look-ups
// and a dozen glob matches instead of a scan of every lexer's patterns
// (about 8 ms a block). Results are cached per lower-cased name.
type lexerTable struct {
	byName  map[string]chroma.Lexer // lower-cased names and aliases
	byExt   map[string][]chroma.Lexer
	byFile  map[string][]chroma.Lexer
	globbed []globLexer // patterns with wildcards beyond a leading "*."
	mu      sync.RWMutex
	cache   map[string]chroma.Lexer
}

type globLexer struct {
	glob  string
	lexer chroma.Lexer
}

var (
	lexerOnce   sync.Once
	sharedTable *lexerTable
)

// lexerFor returns the lexer for a language name, or nil for an empty,
// plain or unknown one.
func lexerFor(name string) chroma.Lexer {
	lexerOnce.Do(func() {
		all := withShellLexer(lexers.GlobalLexerRegistry.Lexers)
		sharedTable = newLexerTable(withPrefilterLexers(all, lexers.GlobalLexerRegistry))
	})
	return sharedTable.get(name)
}

func newLexerTable(all []chroma.Lexer) *lexerTable {
	t := &lexerTable{byName: map[string]chroma.Lexer{}, byExt: map[string][]chroma.Lexer{},
		byFile: map[string][]chroma.Lexer{}, cache: map[string]chroma.Lexer{}}
	for _, l := range all {
		cfg := l.Config()
		for _, n := range append([]string{cfg.Name}, cfg.Aliases...) {
			if k := strings.ToLower(n); t.byName[k] == nil {
				t.byName[k] = l
			}
		}
		for _, g := range append(append([]string{}, cfg.Filenames...), cfg.AliasFilenames...) {
			switch rest, ok := strings.CutPrefix(g, "*."); {
			case ok && !strings.ContainsAny(rest, "*?[\\"):
				t.byExt[strings.ToLower(rest)] = append(t.byExt[strings.ToLower(rest)], l)
			case !strings.ContainsAny(g, "*?[\\"):
				t.byFile[strings.ToLower(g)] = append(t.byFile[strings.ToLower(g)], l)
			default:
				t.globbed = append(t.globbed, globLexer{g, l})
			}
		}
	}
	return t
}

func (t *lexerTable) get(name string) chroma.Lexer {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" || plainNames[key] || len(key) > 64 {
		return nil
	}
	t.mu.RLock()
	l, ok := t.cache[key]
	t.mu.RUnlock()
	if ok {
		return l
	}
	l = t.resolve(key)
	t.mu.Lock()
	if len(t.cache) < maxCachedLanguages {
		t.cache[key] = l
	}
	t.mu.Unlock()
	return l
}

// resolve looks a lower-cased name up as a lexer name or alias, then as a
// file extension ("py"), then as a file name ("Makefile", "x.go").
func (t *lexerTable) resolve(key string) chroma.Lexer {
	if l := t.byName[key]; l != nil {
		return l
	}
	var found chroma.PrioritisedLexers
	found = append(found, t.byExt[key]...)
	base := path.Base(key)
	found = append(found, t.byFile[base]...)
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		found = append(found, t.byExt[base[i+1:]]...)
	}
	if len(found) == 0 {
		for _, g := range t.globbed {
			if ok, _ := path.Match(strings.ToLower(g.glob), base); ok {
				found = append(found, g.lexer)
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	sort.Stable(found)
	return found[0]
}
