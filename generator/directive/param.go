package directive

import (
	"fmt"
	"reflect"

	"p2pc/generator/lessonset"
)

// param writes the param named by the first argument: the page's, else
// the site's, as Hugo's .Param looks them up (siteparam, Relearn's: the
// site's).
func (h *hugo) param(sc *shortcode) {
	name, _ := sc.get("name", 0) // Relearn's also takes name="…"
	if name == "" {
		h.report(sc.start, fmt.Sprintf("%s needs a name, like %s", sc.tag(), tag(sc.delim, sc.name+` "author"`)))
		return
	}
	var v any
	ok := false
	if sc.name == "param" { // Relearn's siteparam reads the site's only
		v, ok = lessonset.Lookup(h.env.PageParams, name)
	}
	if !ok {
		v, ok = lessonset.Lookup(h.env.Params, name)
	}
	if !ok {
		h.report(sc.start, fmt.Sprintf("shortcode %s %q: neither the page nor the site has such a param (a page's params come from its front matter, the site's from the [params] of the Hugo config: build the site's root folder, not only its content)", sc.name, name))
		return
	}
	if v == nil {
		return
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
		h.report(sc.start, fmt.Sprintf("param %q is a table or a list, not a single value", name))
		return
	}
	h.gen(fmt.Sprint(v), sc.start)
}
