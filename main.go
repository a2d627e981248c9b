// Command p2pc builds the Peer to Peer Coaching curriculum into a static site.
//
//	p2pc build   build the site into public/ (see p2pc help)
//	p2pc serve   watch mode with live reload (not yet available)
//	p2pc help    explain every command and flag
//
// Exit codes: 0 ok, 1 content or build errors, 2 usage errors.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"p2pc/generator"
)

// builtin holds the default curriculum and layouts, so the binary works from any folder.
//
//go:embed all:content layouts
var builtin embed.FS

const usage = `p2pc turns Markdown lessons into a static, searchable site.

Usage:
  p2pc build [flags]   build the site (default: ./content and ./layouts into ./public)
  p2pc serve [flags]   watch mode with live reload (not yet available)
  p2pc help            show this help

Build flags:
  --content DIR    Markdown content folder (default ./content, else the built-in curriculum)
  --layouts DIR    layouts folder; its files override the built-in layouts file by file
                   (default ./layouts if present)
  --out DIR        output folder (default public); it must be empty, absent, or a
                   folder this tool wrote before
  --base-url URL   absolute URL the site is published at (used in sitemap.xml)
  --drafts         also build pages with draft: true

Exit codes: 0 ok, 1 content or build errors, 2 usage errors.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(stderr)
		fs.Usage = func() {
			fmt.Fprint(stderr, "p2pc serve: watch mode with live reload is not yet available; use p2pc build.\n")
		}
		if err := fs.Parse(args[1:]); err != nil {
			return exitUsage(err)
		}
		fmt.Fprintln(stderr, "p2pc serve: watch mode with live reload is not yet available; run p2pc build and open public/index.html")
		return 2
	}
	fmt.Fprintf(stderr, "p2pc: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func exitUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func build(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("build", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { fmt.Fprint(stderr, usage) }
	contentDir := flags.String("content", "", "Markdown content folder")
	layoutsDir := flags.String("layouts", "", "layouts folder")
	out := flags.String("out", "public", "output folder")
	baseURL := flags.String("base-url", "", "absolute URL of the site")
	drafts := flags.Bool("drafts", false, "build drafts")
	if err := flags.Parse(args); err != nil {
		return exitUsage(err)
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "p2pc build: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	start := time.Now()
	content, layouts, err := inputs(*contentDir, *layoutsDir)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	if err := generator.CheckOutput(*out, *contentDir, *layoutsDir, "content", "layouts"); err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	site, err := generator.Build(content, layouts, generator.Options{Drafts: *drafts, BaseURL: *baseURL})
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "p2pc build: failed; %s was left as it was\n", *out)
		return 1
	}
	if err := generator.Write(*out, site.Files); err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s in %s\n", len(site.Pages), len(site.Files), *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// inputs picks the content and layouts: the flags' folders, else ./content
// and ./layouts when present, else the built-in ones. A layouts folder only
// overrides the built-in layouts file by file.
func inputs(contentDir, layoutsDir string) (content, layouts fs.FS, err error) {
	builtinContent, _ := fs.Sub(builtin, "content")
	builtinLayouts, _ := fs.Sub(builtin, "layouts")
	content, layouts = builtinContent, builtinLayouts
	if contentDir == "" && isDir("content") {
		contentDir = "content"
	}
	if contentDir != "" {
		if !isDir(contentDir) {
			return nil, nil, fmt.Errorf("--content %s: no such folder", contentDir)
		}
		content = os.DirFS(contentDir)
	}
	if layoutsDir == "" && isDir("layouts") {
		layoutsDir = "layouts"
	}
	if layoutsDir != "" {
		if !isDir(layoutsDir) {
			return nil, nil, fmt.Errorf("--layouts %s: no such folder", layoutsDir)
		}
		layouts = generator.Layers(os.DirFS(layoutsDir), builtinLayouts)
	}
	return content, layouts, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
