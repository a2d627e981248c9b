package directive

import "testing"

func TestTrplListings(t *testing.T) {
	in := "<Listing number=\"1-1\" file-name=\"main.rs\" caption=\"Printing `Hello`\">\n\n```rust\n<Listing>\n```\n\n</Listing>\n\n" +
		"<Listing caption=\"No number\">\n\nx\n\n</Listing>\n\n  <Listing>\n\ny\n\n  </Listing>\n"
	want := "Filename: main.rs\n\n```rust\n<Listing>\n```\n\nListing 1-1: Printing `Hello`\n\n" +
		"\n\nx\n\nNo number\n\n\n\ny\n\n\n"
	if got := string(trplListings([]byte(in))); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	res := Expand("ch.md", []byte(in), Env{Format: "mdbook", Listings: true})
	checkLines(t, res, countLines(in))
}
