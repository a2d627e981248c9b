package directive

// The blocks of Docsy's landing pages (a site's home page is made of
// them), written as plain boxes of their Markdown:
//
//	{{< blocks/cover title="T" >}} … {{< /blocks/cover >}}   ::: docsy-cover, ## T first
//	{{% blocks/lead %}} … {{% /blocks/lead %}}              ::: docsy-lead
//	{{% blocks/section %}} … {{% /blocks/section %}}        ::: docsy-section
//	{{% blocks/feature title="T" url="U" %}} … {{% /blocks/feature %}}
//	                                                        ::: docsy-feature, ### [T](U) first
//	{{< blocks/link-down >}}                                nothing (an arrow to scroll down)
//
// Their look (colours, height, image, icon, row or column) is left out
// without a word: it is the theme's, not the lesson's.

// docsyLook are the arguments of the blocks that only set their look.
var docsyLook = []string{"color", "height", "image_anchor", "icon", "type", "byline", "url_text"}

// docsyBlock opens one of the blocks above, or writes nothing for
// link-down; it reports whether sc was one of them.
func (h *hugo) docsyBlock(sc *shortcode) bool {
	switch sc.name {
	case "blocks/link-down":
		h.ignoreArgs(sc, docsyLook...)
		return true
	case "blocks/cover", "blocks/lead", "blocks/section", "blocks/feature":
	default:
		return false
	}
	h.ignoreArgs(sc, append([]string{"title", "url"}, docsyLook...)...)
	if h.openBox(sc, "::: docsy-"+sc.name[len("blocks/"):], ":::") == nil {
		return true // closed at once: an empty box
	}
	title, _ := sc.get("title", -1)
	if title = oneLine(title); title == "" {
		return true
	}
	heading := "## "
	if sc.name == "blocks/feature" {
		heading = "### "
	}
	if url, _ := sc.get("url", -1); oneLine(url) != "" {
		h.ownLine(heading+"["+escapeText(title)+"]("+destination(oneLine(url))+")", sc.end, sc.end)
	} else {
		h.ownLine(heading+escapeText(title), sc.end, sc.end)
	}
	return true
}
