package markdown

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/text"
)

// chunkOptions are the options of a knitr chunk p2pc reads, from its
// header ({r label, echo=FALSE, fig.cap="…"}) and from the "#|" lines at
// the top of its code, in YAML ("#| echo: false") or R ("#| echo =
// FALSE,") form, a line's winning over the header's as in knitr.
type chunkOptions struct {
	label               string
	include, echo, eval bool // each true unless set false
	stripWhite          bool // true unless set false
	figCap, figAlt      string
	// echoPick: echo is a vector of numbers, the expressions shown
	// (2:3, c(1, 4), [2, 3]) or, negative, those not shown (-1, -(1:2))
	echoPick  []int
	hashLines int // the "#|" lines at the top of the code
}

// readChunkOptions reads the options of a chunk whose header is info and
// code lines (nil: none).
func readChunkOptions(info string, lines *text.Segments, src []byte) chunkOptions {
	o := chunkOptions{include: true, echo: true, eval: true, stripWhite: true}
	inner, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(info), "{"), "}")
	parts := splitOptions(inner)
	if f := strings.Fields(parts[0]); len(f) > 1 { // the engine, then the label or an option
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(parts[0]), f[0]))
		if !strings.Contains(f[1], "=") {
			o.label = unquote(f[1])
			rest = strings.TrimSpace(strings.TrimPrefix(rest, f[1]))
		}
		parts[0] = rest
	} else {
		parts[0] = ""
	}
	for _, p := range parts {
		for _, kv := range splitSpaced(p) { // "{r setup include=FALSE}": options apart by spaces
			if key, value, ok := strings.Cut(kv, "="); ok {
				o.set(strings.TrimSpace(key), value)
			}
		}
	}
	for ; lines != nil && o.hashLines < lines.Len(); o.hashLines++ {
		seg := lines.At(o.hashLines)
		opt, ok := strings.CutPrefix(strings.TrimSpace(string(seg.Value(src))), "#|")
		if !ok {
			break
		}
		opt = strings.TrimSuffix(strings.TrimSpace(opt), ",")
		colon, equals := strings.IndexByte(opt, ':'), strings.IndexByte(opt, '=')
		switch {
		case equals > 0 && (colon < 0 || equals < colon): // R: key = value,
			o.set(strings.TrimSpace(opt[:equals]), opt[equals+1:])
		case colon > 0: // YAML: key: value
			o.set(strings.TrimSpace(opt[:colon]), opt[colon+1:])
		}
	}
	return o
}

// set sets the option key (knitr's dotted name, or Quarto's with hyphens)
// to value as written.
func (o *chunkOptions) set(key, value string) {
	value = strings.TrimSpace(value)
	switch strings.ReplaceAll(key, "-", ".") {
	case "label":
		o.label = unquote(value)
	case "include":
		o.include = !isFalse(value)
	case "echo":
		o.echo = !isFalse(value)
		o.echoPick = nil
		if pick, ok := readIndices(value); ok {
			o.echoPick = pick
		}
	case "eval":
		o.eval = !isFalse(value)
	case "strip.white":
		o.stripWhite = !isFalse(value)
	case "fig.cap":
		o.figCap = unquote(value)
	case "fig.alt":
		o.figAlt = unquote(value)
	}
}

// splitOptions splits a chunk header's options at its commas outside
// quotes and brackets.
func splitOptions(s string) []string {
	var parts []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// splitSpaced splits "a=1 b=2" into its options; one option with spaces
// around its = or in its quoted value stays whole.
func splitSpaced(s string) []string {
	s = strings.TrimSpace(s)
	if strings.Count(s, "=") <= 1 {
		return []string{s}
	}
	var out []string
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, "=") || len(out) == 0 {
			out = append(out, f)
		} else {
			out[len(out)-1] += " " + f
		}
	}
	return out
}

// unquote takes the quotes off an R or YAML string.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// readIndices reads an R or YAML vector of whole numbers: 2, 2:4, c(1, 3),
// [2, 3, 4], -1, -(1:2), -c(1, 3), c(-1, -3); false when v is no such
// vector.
func readIndices(v string) ([]int, bool) {
	v = strings.TrimSpace(v)
	neg := false
	if rest, ok := strings.CutPrefix(v, "-("); ok && strings.HasSuffix(rest, ")") {
		neg, v = true, strings.TrimSuffix(rest, ")")
	} else if rest, ok := strings.CutPrefix(v, "-c("); ok && strings.HasSuffix(rest, ")") {
		neg, v = true, "c("+rest
	}
	switch {
	case strings.HasPrefix(v, "c(") && strings.HasSuffix(v, ")"):
		v = v[2 : len(v)-1]
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
		v = v[1 : len(v)-1]
	}
	var out []int
	for _, part := range strings.Split(v, ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(part), ":")
		a, err := strconv.Atoi(strings.TrimSpace(from))
		if err != nil {
			return nil, false
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(to)); err != nil {
				return nil, false
			}
		}
		for n := min(a, b); n <= max(a, b) && len(out) <= 10000; n++ {
			if neg {
				out = append(out, -n)
			} else {
				out = append(out, n)
			}
		}
	}
	return out, len(out) > 0
}
