package generator

import "testing"

// The site's id scopes what readers keep in their browsers (progress, the
// coaching log): a new version of p2pc must give the same id, or readers
// lose their progress.
func TestSiteIDStable(t *testing.T) {
	for title, want := range map[string]string{
		"":                      "ea2b137e",
		"Peer to Peer Coaching": "e702fc72",
		"The Unix Shell":        "f9a141a9",
		"Kākou ʻokina":          "6b57322a",
	} {
		s := &Site{Config: Config{Title: title}}
		if got := s.ID(); got != want {
			t.Errorf("ID of %q = %s, want %s", title, got, want)
		}
	}
}

// Keys of different inputs differ, also where the bytes are the same but
// split differently, or differ only in a tail shorter than a word.
func TestKeyDistinguishes(t *testing.T) {
	inputs := [][]string{
		{"ab", "c"}, {"a", "bc"}, {"abc"}, {"abc", ""}, {"", "abc"},
		{"a"}, {"a\x00"}, {"\x00a"}, {"abcdefgh"}, {"abcdefgh\x00"}, {"abcdefghi"}, {"abcdefgi"},
		{"0123456789abcdef"}, {"0123456789abcdeg"}, {"1123456789abcdef"},
	}
	seen := map[uint64][]string{}
	for _, in := range inputs {
		k := newKey("test")
		for _, s := range in {
			k.str(s)
		}
		if prev, dup := seen[k.sum()]; dup {
			t.Errorf("%q and %q have the same key", prev, in)
		}
		seen[k.sum()] = in
	}
	// every length to three blocks: a change of any one byte, or of the
	// length, changes the key (the short tails are read in overlapping
	// words, so each byte must still count)
	base := "The five steps of a coaching conversation, in order."
	lengths := map[uint64]int{}
	for n := 0; n <= 48; n++ {
		k := newKey("test").str(base[:n]).sum()
		if m, dup := lengths[k]; dup {
			t.Errorf("the first %d and %d bytes have the same key", m, n)
		}
		lengths[k] = n
		for i := 0; i < n; i++ {
			b := []byte(base[:n])
			b[i] ^= 0x20
			if newKey("test").str(string(b)).sum() == k {
				t.Errorf("a change of byte %d of %d leaves the key as it was", i, n)
			}
		}
	}
	if newKey("n").num(1).sum() == newKey("n").num(2).sum() || newKey("n").flag(true).sum() == newKey("n").flag(false).sum() {
		t.Error("numbers or flags do not change the key")
	}
}
