package worksheet

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestGIFTGolden exports every worksheet of each testdata/gift/*.txtar and
// compares it with the archive's <id>.gift file.
func TestGIFTGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/gift/*.txtar")
	if len(files) == 0 {
		t.Fatal("no archives in testdata/gift")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w, problems := collect(t, ar)
			if len(problems) > 0 {
				t.Fatalf("problems in the input: %v", problems)
			}
			for _, s := range w.Sheets() {
				golden(t, file, ar, s.ID+".gift", string(s.GIFT()))
			}
		})
	}
}

func TestGIFTEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":         "plain text",
		`a~b=c#d{e}f:g\h`:    `a\~b\=c\#d\{e\}f\:g\\h`,
		"two\nlines\r\n":     `two\nlines\n`,
		`already \: escaped`: `already \\\: escaped`,
		"“curly” and ʻokina": "“curly” and ʻokina",
	} {
		if got := giftEscape(in); got != want {
			t.Errorf("giftEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGIFTWeights(t *testing.T) {
	for n, want := range map[int]string{1: "100", 2: "50", 3: "33.33333", 6: "16.66667", 7: "14.28571", 10: "10", 11: "5"} {
		if got := giftWeight(n); got != want {
			t.Errorf("giftWeight(%d) = %s, want %s", n, got, want)
		}
	}
}
