package markdown

import (
	"reflect"
	"testing"
)

func TestScanAttrs(t *testing.T) {
	tests := []struct {
		name, in string
		want     inlineAttrs
		n        int // 0: not an attribute block
	}{
		{"empty", "{}", inlineAttrs{}, 2},
		{"id and class", "{#a .b .c}", inlineAttrs{ID: "a", Classes: []string{"b", "c"}}, 10},
		{"single quotes", "{alt='Alt \"text\" here'} x", inlineAttrs{Attrs: []Attr{{"alt", `Alt "text" here`}}}, 23},
		{"double quotes", `{alt="it's" width=50%}`, inlineAttrs{Attrs: []Attr{{"alt", "it's"}, {"width", "50%"}}}, 22},
		{"escaped quote", `{alt="a \"b\" c"}`, inlineAttrs{Attrs: []Attr{{"alt", `a "b" c`}}}, 17},
		{"backslash escapes", `{alt='weight\_kg \\ c\x \* \' e' title="q\"r\_s" data-x=u\_v}`, inlineAttrs{Attrs: []Attr{{"alt", `weight_kg \ c\x * ' e`}, {"title", `q"r_s`}, {"data-x", "u_v"}}}, 61},
		{"spaces and lines", "{ #a\n  .b }", inlineAttrs{ID: "a", Classes: []string{"b"}}, 11},
		{"unicode id", "{#ʻōlelo}", inlineAttrs{ID: "ʻōlelo"}, 11},
		{"unclosed", "{#a .b", inlineAttrs{}, 0},
		{"unclosed quote", `{alt="x}`, inlineAttrs{}, 0},
		{"no separator", "{#a.b#c}", inlineAttrs{ID: "a.b#c"}, 0},
		{"items run together", `{a="x"b="y"}`, inlineAttrs{}, 0},
		{"bare word", "{word}", inlineAttrs{}, 0},
		{"empty class", "{. }", inlineAttrs{}, 0},
		{"empty value", "{a= }", inlineAttrs{}, 0},
		{"nested brace", "{{x}}", inlineAttrs{}, 0},
		{"not a brace", "x{}", inlineAttrs{}, 0},
		{"nothing", "", inlineAttrs{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, ok := scanAttrs([]byte(tt.in))
			if ok != (tt.n > 0) || n != tt.n {
				t.Fatalf("scanAttrs(%q) = %d, %v; want %d", tt.in, n, ok, tt.n)
			}
			if ok && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("scanAttrs(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestScanAttrsBounded: a brace with no end is given up after maxAttrLen
// bytes, not at the end of the text.
func TestScanAttrsBounded(t *testing.T) {
	long := make([]byte, 3*maxAttrLen)
	long[0] = '{'
	for i := 1; i < len(long); i++ {
		long[i] = ' '
	}
	long[len(long)-1] = '}'
	if _, _, ok := scanAttrs(long); ok {
		t.Error("a block longer than maxAttrLen was accepted")
	}
}
