package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// DecodeIndex reads the documents back from the files Build wrote, with
// their white space collapsed: Build(DecodeIndex(Build(docs))) writes the
// same files. The tests of search_test use it to time Build on the
// documents of a whole site.
func DecodeIndex(files map[string][]byte) ([]Document, error) {
	var meta struct {
		N, Per         int
		Docs           string
		Kinds, Modules []string
		Dict           []string
	}
	if err := loadScript(files, "meta", &meta); err != nil {
		return nil, err
	}
	table := decodeCodes(meta.Docs)
	docs := make([]Document, meta.N)
	for id := range docs {
		var file [][]json.RawMessage // per document: url, title, words, gaps, sections
		var url, title, words string
		var gaps, secs []string
		if err := loadScript(files, "d/"+strconv.Itoa(id/meta.Per), &file); err != nil {
			return nil, err
		}
		if id%meta.Per >= len(file) {
			return nil, fmt.Errorf("search/d/%d.js holds no document %d", id/meta.Per, id)
		}
		d := file[id%meta.Per]
		for i, v := range []any{&url, &title, &words, &gaps, &secs} {
			if err := json.Unmarshal(d[i], v); err != nil {
				return nil, err
			}
		}
		own := append(splitWords(words), gaps...)
		k := table[id]
		docs[id] = Document{URL: url, Title: title, Module: meta.Modules[k/len(meta.Kinds)], Kind: meta.Kinds[k%len(meta.Kinds)]}
		for i := 0; i+2 < len(secs); i += 3 {
			var pieces []string
			for _, c := range decodeCodes(secs[i+2]) {
				if c < len(meta.Dict) {
					pieces = append(pieces, meta.Dict[c])
				} else {
					pieces = append(pieces, own[c-len(meta.Dict)])
				}
			}
			docs[id].Sections = append(docs[id].Sections, Section{Anchor: secs[i], Heading: secs[i+1], Text: joinPieces(pieces)})
		}
	}
	return docs, nil
}

func splitWords(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}

// loadScript decodes the data of search/NAME.js.
func loadScript(files map[string][]byte, name string, v any) error {
	b, ok := files["search/"+name+".js"]
	prefix := "P2PCSearch.load(" + strconv.Quote(name) + ","
	if !ok || !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(");\n")) {
		return fmt.Errorf("search/%s.js is missing or not a P2PCSearch.load script", name)
	}
	return json.Unmarshal(b[len(prefix):len(b)-3], v)
}
