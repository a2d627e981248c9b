package synthetic_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"p2pc/generator"
	"p2pc/generator/synthetic"
)

// TestFilesUnchanged pins Files: other benchmarks and the README's figures
// depend on the prose curriculum staying byte-for-byte the same.
func TestFilesUnchanged(t *testing.T) {
	if got := digest(synthetic.Files(120)); got != filesDigest {
		t.Errorf("Files(120) changed: digest %s, want %s", got, filesDigest)
	}
}

const filesDigest = "4013c2e4272895c87f65f33eac126a064b4bdb1083c461237346b8d056c1a7bf"

func digest(files map[string]string) string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", name, files[name])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// codeBlocks counts the fenced code blocks of a Markdown text by info
// string, and the blocks of at least 100 lines.
func codeBlocks(src string, byInfo map[string]int) (long int) {
	open, lines := false, 0
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "```") {
			lines++
			continue
		}
		if open {
			if lines >= 100 {
				long++
			}
			open = false
			continue
		}
		open, lines = true, 0
		byInfo[strings.TrimSpace(strings.TrimPrefix(line, "```"))]++
	}
	return long
}

func TestTechnical(t *testing.T) {
	const n = 200
	files := synthetic.Technical(n)
	if digest(synthetic.Technical(n)) != digest(files) {
		t.Fatal("Technical is not deterministic")
	}
	byInfo := map[string]int{}
	long, tables, inline := 0, 0, 0
	for _, src := range files {
		long += codeBlocks(src, byInfo)
		tables += strings.Count(src, "| --- |")
		inline += strings.Count(src, " `")
	}
	total := 0
	for _, c := range byInfo {
		total += c
	}
	t.Logf("%d code blocks by info string: %v; %d long listings, %d tables, %d inline code spans", total, byInfo, long, tables, inline)
	for info := range byInfo {
		if !slices.Contains([]string{"bash", "output", "error", "", "python", "r"}, info) {
			t.Errorf("unexpected info string %q", info)
		}
	}
	plain := byInfo[""] + byInfo["output"] + byInfo["error"]
	if share := float64(plain) / float64(total); share < 0.28 || share > 0.40 {
		t.Errorf("unlabelled, output and error blocks are %.0f%% of code blocks, want about a third", 100*share)
	}
	if byInfo["bash"] < total/3 {
		t.Errorf("%d bash blocks of %d, want shell sessions to be the most common", byInfo["bash"], total)
	}
	if byInfo["python"] < total/20 || byInfo["r"] < total/20 || byInfo["error"] == 0 {
		t.Errorf("want some Python, R and error blocks: %v", byInfo)
	}
	if long < n/8 || long > n/2 {
		t.Errorf("%d long listings in %d lessons, want about one lesson in four", long, n)
	}
	if tables < n/2 || inline < 10*n {
		t.Errorf("%d tables and %d inline code spans in %d lessons, want more", tables, inline, n)
	}

	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, err := generator.Build(fsys, os.DirFS("../../layouts"), generator.Options{})
	if err != nil {
		t.Fatalf("build the technical curriculum: %v", err)
	}
	if lessons := countKind(site, "lesson"); lessons != n {
		t.Errorf("built %d lessons, want %d", lessons, n)
	}
}

func countKind(site *generator.Site, kind string) int {
	c := 0
	for _, p := range site.Pages {
		if p.Kind == kind {
			c++
		}
	}
	return c
}
