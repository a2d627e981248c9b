package serve

import (
	"slices"

	"p2pc/generator"
)

// write brings the output folder out to files, the site just built, through
// a generator.Output, the writer "p2pc build" uses. With whole unset the
// folder holds the previous build, and changed names the files that
// differ from it (generator.Rebuilder says which): only those are written
// or removed, and the others are kept without being read. With whole set
// (the first build, or after a failed write) every file is compared with
// the folder, which the manifest makes cheap. It returns the files written
// and removed, sorted.
func write(out string, files map[string][]byte, changed []string, whole bool) ([]string, error) {
	o, err := generator.OpenOutput(out)
	if err != nil {
		return nil, err
	}
	put := files
	if !whole {
		put = map[string][]byte{}
		for name, data := range files {
			if _, ok := slices.BinarySearch(changed, name); ok {
				put[name] = data
			} else if err := o.Keep(name); err != nil {
				o.Abort()
				return nil, err
			}
		}
	}
	if err := o.PutAll(put); err != nil {
		o.Abort()
		return nil, err
	}
	c, err := o.Close()
	if err != nil {
		return nil, err
	}
	return c.Changed(), nil
}
