package lessonset

import (
	"io/fs"
	"strings"
)

// keyPlace is where the first line that sets key starts in the config
// file name (1, 1 for its first line; 0, 0 when not found): key = in
// TOML, key: in YAML, "key": in JSON, the key in any case, as Hugo reads
// it.
func keyPlace(fsys fs.FS, name, key string) (line, col int) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, 0
	}
	for i, l := range strings.Split(string(b), "\n") {
		t := strings.TrimLeft(l, " \t")
		k := strings.TrimPrefix(t, `"`)
		if len(k) < len(key) || !strings.EqualFold(k[:len(key)], key) {
			continue
		}
		rest := strings.TrimLeft(strings.TrimPrefix(k[len(key):], `"`), " \t")
		if strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, ":") {
			return i + 1, len(l) - len(t) + 1
		}
	}
	return 0, 0
}

// tablePlace is where the TOML file name opens table, a dotted name
// ("preprocessor.toc"): its [table] header or the first header of a table
// under it ([table.sub]), spaces and quotes in the header ignored; else
// the first line that sets a key named as the table's last part
// ("toc = {…}" under [preprocessor]); 0, 0 when not found.
func tablePlace(fsys fs.FS, name, table string) (line, col int) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return 0, 0
	}
	unquote := strings.NewReplacer(" ", "", "\t", "", `"`, "", "'", "")
	for i, l := range strings.Split(string(b), "\n") {
		t := strings.TrimLeft(l, " \t")
		end := strings.IndexByte(t, ']')
		if !strings.HasPrefix(t, "[") || end < 0 {
			continue
		}
		if h := unquote.Replace(t[1:end]); h == table || strings.HasPrefix(h, table+".") {
			return i + 1, len(l) - len(t) + 1
		}
	}
	return keyPlace(fsys, name, table[strings.LastIndexByte(table, '.')+1:])
}
