package generator

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
)

// TestShownSiteStaysAsItWas runs a server's Pipeline through edits, a
// failed run and a Reset, and checks that the site the server shows (the
// last one it kept) is not changed by the runs after it, though the
// loader reuses its blocks of pages (see loader.slab).
func TestShownSiteStaysAsItWas(t *testing.T) {
	content := fstest.MapFS{
		"_index.md":             {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")},
		"01-steps/_index.md":    {Data: []byte("---\ntitle: Steps\n---\nThe steps.\n")},
		"01-steps/01-ask.md":    {Data: []byte("---\ntitle: Ask\n---\nAsk for coaching.\n")},
		"01-steps/02-listen.md": {Data: []byte("---\ntitle: Listen\n---\nListen well.\n")},
		"02-more/_index.md":     {Data: []byte("---\ntitle: More\n---\nMore steps.\n")},
		"02-more/01-thank.md":   {Data: []byte("---\ntitle: Thank\n---\nSay thank you.\n")},
		"02-more/02-follow.md":  {Data: []byte("---\ntitle: Follow up\n---\nFollow up.\n")},
	}
	pl, mem := NewPipeline(content, snapshotLayouts(t), Options{}, true), NewMemory()
	snapshot := func(s *Site) []string {
		var out []string
		for _, pg := range s.Pages {
			// a run's pages point to its own modules: a page of the folder
			// not edited, made again in the same place, would point to the
			// new run's
			out = append(out, fmt.Sprintf("%s %s %s %q %p %p", pg.Kind, pg.Source, pg.URL, pg.Title, pg.Module, pg.Prev))
		}
		return out
	}
	run := func(title string) (*Site, error) {
		content["01-steps/01-ask.md"] = &fstest.MapFile{Data: []byte(title)}
		pl.Forget("01-steps/01-ask.md")
		s, err := pl.Run(mem)
		if err == nil {
			mem.Sweep()
		}
		return s, err
	}
	shown, err := run("---\ntitle: Ask 1\n---\nAsk for coaching.\n")
	if err != nil {
		t.Fatal(err)
	}
	was := snapshot(shown)
	check := func(after string) {
		t.Helper()
		if now := snapshot(shown); !slices.Equal(now, was) {
			t.Fatalf("after %s, the site shown changed:\n%q\nwas\n%q", after, now, was)
		}
	}
	for i := 2; i <= 4; i++ {
		s, err := run(fmt.Sprintf("---\ntitle: Ask %d\n---\nAsk for coaching.\n", i))
		if err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("edit %d", i))
		shown, was = s, snapshot(s)
	}
	if _, err := run("---\ntitel: Ask\n---\nA key misspelt.\n"); err == nil {
		t.Fatal("a misspelt front-matter key built")
	}
	check("a failed run")
	pl.Reset() // after a run that failed: the site shown is still the last kept
	if _, err := run("---\ntitle: Ask 4b\n---\nAsk for coaching.\n"); err != nil {
		t.Fatal(err)
	}
	check("a failed run, Reset and a run")
	pl.Reset() // the server did not keep it: the site shown stays
	for i := 5; i <= 6; i++ {
		if _, err := run(fmt.Sprintf("---\ntitle: Ask %d\n---\nAsk for coaching.\n", i)); err != nil {
			t.Fatal(err)
		}
		pl.Reset() // as when the output could not be closed: the server keeps the site it had
		check(fmt.Sprintf("edit %d, not kept", i))
	}
	if _, err := run("---\ntitle: Ask 7\n---\nAsk for coaching.\n"); err != nil {
		t.Fatal(err)
	}
	check("edit 7")
}
