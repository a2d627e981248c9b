package blocks

import (
	"testing"

	"p2pc/generator/markdown"
)

func TestRender(t *testing.T) {
	m := New().Manifest()
	md := markdown.New(false, m.Render)
	tests := []struct{ name, src, want string }{
		{"solution", "::: solution\nAnswer\n:::\n", "<details class=\"solution\"><summary>Show solution</summary><div class=\"solution-body\">\n<p>Answer</p>\n</div></details>\n"},
		{"solution title", "::: solution {title=\"Model answer\" #s1}\nA\n:::\n", "<details id=\"s1\" class=\"solution\"><summary>Model answer</summary><div class=\"solution-body\">\n<p>A</p>\n</div></details>\n"},
		{"callout title", "::: callout {title=\"Try it\"}\nGo\n:::\n", "<aside class=\"box callout\" aria-label=\"Try it\"><p class=\"box-title\">Try it</p>\n<p>Go</p>\n</aside>\n"},
		{"callout untitled", "::: callout\nGo\n:::\n", "<aside class=\"box callout\">\n<p>Go</p>\n</aside>\n"},
		{"objectives", "::: objectives\n- one\n:::\n", "<aside class=\"box objectives\" aria-label=\"Objectives\"><p class=\"box-title\">Objectives</p>\n<ul>\n<li>one</li>\n</ul>\n</aside>\n"},
		{"keypoints", "::: keypoints\nk\n:::\n", "<aside class=\"box keypoints\" aria-label=\"Key points\"><p class=\"box-title\">Key points</p>\n<p>k</p>\n</aside>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			out, err := md.Render(src, md.Parse(src))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
	if m.TrainerNotes["facilitator"] == "" {
		t.Error("facilitator is not declared a trainer note")
	}
}
