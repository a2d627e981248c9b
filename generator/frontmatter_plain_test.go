package generator

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// plainCases are front matters plainYAML reads (true) or leaves to
// yaml.v3 (false).
var plainCases = []struct {
	meta  string
	plain bool
}{
	{"title: Lesson 1 kitchen\nsummary: Group production, review. It's C# and 5:30.\nobjectives:\n  - People focus\n  - Clarity\nduration: 14\n", true},
	{"title: Hoʻohanohano\nteaching: 10\nexercises: 0\n", true},
	{"\ntitle: T\n\ndraft: true\nweight: -3\nrate: 1.5e3\nwhen: 2024-01-02\nnothing: ~\nyes: no\n", false},
	{"title: T\ndraft: true\nwhen: 2024-01-02\nlist:\n- a\n- b\nnext: x\n", true},
	{"nothing: ~\n", false},
	{"tags:\n    - (optional) step\n    - ./path/to\n    - $5\n", true},
	{"title: \"Quoted\"\n", false},
	{"title: T # comment\n", false},
	{"title: a: b\n", false},
	{"title: T\ntitle: U\n", false},
	{"title:\nnext: x\n", false},
	{"list:\n  - a\n   - b\n", false},
	{"list:\n  - a\n  nested: b\n", false},
	{"params:\n  a: 1\n", false},
	{"title: T\r\n", false},
	{"title: T \n", false},
	{"title:\tT\n", false},
	{"  title: T\n", false},
	{"title: [a, b]\n", false},
	{"title: T\u2028U\n", false},
	{"", false},
	{"# only a comment\n", false},
	{"title: T:\n", false},
	{"1: one\ntrue: yes\n", true},
	{"title: a\uffff\n", false},
	{"title: a\ufffe\n", false},
	{"title: a\u0085b\n", false},
	{"title: a\u00a0b\n", true},
}

// TestPlainYAML: what plainYAML reads, it reads as yaml.v3 does, node for
// node (kinds, tags, values, lines and columns); past maxPlainKeys keys
// it leaves the front matter to yaml.v3.
func TestPlainYAML(t *testing.T) {
	var many strings.Builder
	for i := range maxPlainKeys + 1 {
		fmt.Fprintf(&many, "k%d: v\n", i)
	}
	if _, ok := plainYAML([]byte(many.String())); ok {
		t.Errorf("%d keys read, want them left to yaml.v3", maxPlainKeys+1)
	}
	for _, tc := range plainCases {
		got, ok := plainYAML([]byte(tc.meta))
		if ok != tc.plain {
			t.Errorf("%q: read %v, want %v", tc.meta, ok, tc.plain)
		}
		if ok {
			samePlainYAML(t, tc.meta, got)
		}
	}
}

func samePlainYAML(t *testing.T, meta string, got *yaml.Node) {
	t.Helper()
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(meta), &want); err != nil {
		t.Fatalf("%q: plainYAML read what yaml.v3 refuses: %v", meta, err)
	}
	if !reflect.DeepEqual(got, &want) {
		t.Fatalf("%q: plainYAML gives\n%s\nyaml.v3 gives\n%s", meta, dumpNode(got), dumpNode(&want))
	}
}

func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(strings.Join([]string{n.Tag, n.Value}, " "))
		b.WriteString(" @" + string(rune('0'+n.Line%10)) + ":" + string(rune('0'+n.Column%10)) + "\n")
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// FuzzPlainYAML: whatever plainYAML reads, yaml.v3 reads the same.
func FuzzPlainYAML(f *testing.F) {
	for _, tc := range plainCases {
		f.Add(tc.meta)
	}
	f.Fuzz(func(t *testing.T, meta string) {
		if got, ok := plainYAML([]byte(meta)); ok {
			samePlainYAML(t, meta, got)
		}
	})
}
