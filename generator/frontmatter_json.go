package generator

import (
	"bytes"
	"encoding/json"
	"errors"

	"p2pc/generator/markdown"
)

// JSON front matter, Hugo's third format: a JSON object at the start of the
// file, then the body.

// jsonFrontMatterEnd finds the end of the JSON object at src[start:] with
// a JSON decoder; a syntax error is reported at its place.
func jsonFrontMatterEnd(path string, src []byte, start int, errs *errorList) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(src[start:]))
	var raw json.RawMessage
	err := dec.Decode(&raw)
	var se *json.SyntaxError
	switch {
	case err == nil:
		return start + int(dec.InputOffset()), true
	case errors.As(err, &se) && int(se.Offset) < len(src)-start:
		line, col := markdown.Position(src, start+max(int(se.Offset)-1, 0))
		errs.add(path, line, col, "bad JSON front matter: %s", err)
	default: // the end of the file inside the object
		line, col := markdown.Position(src, start)
		errs.add(path, line, col, "front matter opened with { is never closed (add } after its last key)")
	}
	return 0, false
}

// restOfLine skips the spaces and the line end after offset end.
func restOfLine(src []byte, end int) int {
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	switch {
	case bytes.HasPrefix(src[end:], []byte("\r\n")):
		end += 2
	case end < len(src) && src[end] == '\n':
		end++
	}
	return end
}

// parseJSON reads the JSON object src[start:end], as TOML's keys are read.
func parseJSON(path string, src []byte, start, end int, fm *FrontMatter, rules frontMatterRules, errs *errorList) []unusedKey {
	keys, err := jsonKeys(src[start:end])
	if err != nil {
		errs.add(path, 0, 0, "bad JSON front matter: %s", err) // found valid by jsonFrontMatterEnd
		return nil
	}
	places := map[string][2]int{}
	var entries []fmEntry
	for _, k := range keys {
		var v any
		_ = json.Unmarshal(k.raw, &v) // valid: the decoder took it
		line, col := markdown.Position(src, start+k.off)
		entries = append(entries, fmEntry{key: k.key, value: v, line: line, col: col})
		if !isParams(k.key) {
			continue
		}
		inner, _ := jsonKeys(k.raw) // not an object: nil
		for _, p := range inner {
			line, col := markdown.Position(src, start+k.valueOff+p.off)
			places[k.key+"."+p.key] = [2]int{line, col}
		}
	}
	return applyEntries(path, entries, places, fm, rules, errs)
}

// jsonKey is a key of a JSON object, at byte off of the object, with its
// value at valueOff.
type jsonKey struct {
	key           string
	off, valueOff int
	raw           json.RawMessage
}

// jsonKeys lists the keys of the JSON object obj in order.
func jsonKeys(obj []byte) ([]jsonKey, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not an object")
	}
	var out []jsonKey
	for dec.More() {
		off := int(dec.InputOffset())
		for off < len(obj) && bytes.IndexByte([]byte(" \t\r\n,"), obj[off]) >= 0 {
			off++
		}
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		out = append(out, jsonKey{key: key, off: off, valueOff: int(dec.InputOffset()) - len(raw), raw: raw})
	}
	return out, nil
}
