// Command cmd writes the synthetic 10,000-lesson curriculum for benchmarks
// into DIR/content. Copy ../shared/bench/hugo-site's hugo.toml and layouts
// into DIR to build the same Markdown with Hugo.
//
//	go run ./generator/synthetic/cmd DIR [LESSONS]
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"p2pc/generator/synthetic"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./generator/synthetic/cmd DIR [LESSONS]")
		os.Exit(2)
	}
	n := 10000
	if len(os.Args) > 2 {
		v, err := strconv.Atoi(os.Args[2])
		if err != nil || v < 1 {
			fmt.Fprintf(os.Stderr, "LESSONS must be a positive number, not %q\n", os.Args[2])
			os.Exit(2)
		}
		n = v
	}
	dir := filepath.Join(os.Args[1], "content")
	if err := synthetic.Write(dir, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d lessons into %s\n", n, dir)
}
