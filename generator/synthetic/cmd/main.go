// Command cmd writes the synthetic 10,000-lesson curriculum for benchmarks
// into DIR/content. Copy ../shared/bench/hugo-site's hugo.toml and layouts
// into DIR to build the same Markdown with Hugo. With -technical it writes
// technical lessons instead (shell sessions, output blocks, long listings;
// see synthetic.Technical).
//
//	go run ./generator/synthetic/cmd [-technical] DIR [LESSONS]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"p2pc/generator/synthetic"
)

func main() {
	technical := flag.Bool("technical", false, "write technical lessons (shell sessions, output blocks, long listings)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./generator/synthetic/cmd [-technical] DIR [LESSONS]")
		flag.PrintDefaults()
	}
	flag.Parse()
	args := flag.Args()
	if len(args) < 1 || len(args) > 2 {
		flag.Usage()
		os.Exit(2)
	}
	n := 10000
	if len(args) > 1 {
		v, err := strconv.Atoi(args[1])
		if err != nil || v < 1 {
			fmt.Fprintf(os.Stderr, "LESSONS must be a positive number, not %q\n", args[1])
			os.Exit(2)
		}
		n = v
	}
	dir := filepath.Join(args[0], "content")
	files, kind := synthetic.Files(n), "lessons"
	if *technical {
		files, kind = synthetic.Technical(n), "technical lessons"
	}
	if err := synthetic.WriteFiles(dir, files); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d %s into %s\n", n, kind, dir)
}
