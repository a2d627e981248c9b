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
