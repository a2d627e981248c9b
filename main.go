// Command p2pc builds the Peer to Peer Coaching curriculum into a static site.
//
//	p2pc build   build the site into public/ (see p2pc help)
//	p2pc serve   build, serve on http://127.0.0.1:1313/, rebuild on every save and reload the browser
//	p2pc help    explain every command and flag
//
// Exit codes: 0 ok, 1 content or build errors, 2 usage errors.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"p2pc/generator"
	"p2pc/generator/serve"
)

// builtin holds the default curriculum and layouts, so the binary works from any folder.
//
//go:embed all:content layouts
var builtin embed.FS

const usage = `p2pc turns Markdown lessons into a static, searchable site.

Usage:
  p2pc build [flags]   build the site (default: ./content and ./layouts into ./public)
  p2pc serve [flags]   build, serve the site on http://127.0.0.1:1313/, rebuild on
                       every save and reload the browser (see go doc p2pc/generator/serve)
  p2pc help            show this help

Build flags:
  --content DIR    Markdown content folder (default ./content, else the built-in curriculum)
  --layouts DIR    layouts folder; its files override the built-in layouts file by file
                   (default ./layouts if present)
  --out DIR        output folder (default public); it must be empty, absent, or a
                   folder this tool wrote before
  --base-url URL   absolute URL the site is published at (used in sitemap.xml)
  --drafts         also build pages with draft: true

Serve flags (serve also takes the build flags):
  --addr HOST:PORT where to serve (default 127.0.0.1:1313; port 0 picks a free port;
                   0.0.0.0:PORT lets other machines connect)

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
		return serveSite(args[1:], stdout, stderr)
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

// buildFlags are the flags of build; serve takes them too.
type buildFlags struct {
	contentDir, layoutsDir, out, baseURL *string
	drafts                               *bool
}

func newFlags(name string, stderr io.Writer) (*flag.FlagSet, buildFlags) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { fmt.Fprint(stderr, usage) }
	return flags, buildFlags{
		contentDir: flags.String("content", "", "Markdown content folder"),
		layoutsDir: flags.String("layouts", "", "layouts folder"),
		out:        flags.String("out", "public", "output folder"),
		baseURL:    flags.String("base-url", "", "absolute URL of the site"),
		drafts:     flags.Bool("drafts", false, "build drafts"),
	}
}

func parse(flags *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := flags.Parse(args); err != nil {
		return exitUsage(err), false
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "p2pc %s: unexpected argument %q\n", flags.Name(), flags.Arg(0))
		return 2, false
	}
	return 0, true
}

func build(args []string, stdout, stderr io.Writer) int {
	flags, f := newFlags("build", stderr)
	if code, ok := parse(flags, args, stderr); !ok {
		return code
	}
	start := time.Now()
	content, layouts, _, _, err := inputs(*f.contentDir, *f.layoutsDir)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	if err := generator.CheckOutput(*f.out, *f.contentDir, *f.layoutsDir, "content", "layouts"); err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	o, err := generator.OpenOutput(*f.out)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	pipeline := generator.NewPipeline(content, layouts, generator.Options{Drafts: *f.drafts, BaseURL: *f.baseURL}, false)
	cache := generator.OpenBuildCache(*f.out)
	pipeline.Resume(cache)
	site, err := pipeline.Run(o)
	if err != nil {
		o.Abort()
		fmt.Fprintln(stderr, err)
		var fe *generator.FileError
		if errors.As(err, &fe) {
			fmt.Fprintf(stderr, "p2pc build: failed; %s was left as it was\n", *f.out)
		} else {
			fmt.Fprintf(stderr, "p2pc build: failed while writing %s; the next build repairs it\n", *f.out)
		}
		return 1
	}
	changes, err := o.Close()
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	foreign, err := o.Foreign()
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	if err := cache.Save(pipeline); err != nil {
		fmt.Fprintf(stderr, "p2pc build: warning: %v (the next build renders every page)\n", err)
	}
	fmt.Fprintf(stdout, "built %d pages (%d files, %d written, %d removed) into %s in %s\n", site.PageCount(),
		pipeline.Stats().Files, len(changes.Written), len(changes.Removed), *f.out, time.Since(start).Round(time.Millisecond))
	if len(foreign) > 0 {
		fmt.Fprintf(stderr, "p2pc build: warning: %s holds %s p2pc did not write, left as %s: %s\n",
			*f.out, plural(len(foreign), "file"), plural2(len(foreign), "it is", "they are"), listed(foreign, 3))
	}
	if len(changes.Skipped) > 0 {
		fmt.Fprintf(stderr, "p2pc build: warning: %s of the site not written, as a file p2pc did not write holds the name: %s\n",
			plural(len(changes.Skipped), "file"), listed(changes.Skipped, 3))
	}
	return 0
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func plural2(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// listed names the first max names, and says how many more there are.
func listed(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

// serveSite builds, serves and watches the site until Ctrl-C.
func serveSite(args []string, stdout, stderr io.Writer) int {
	flags, f := newFlags("serve", stderr)
	addr := flags.String("addr", serve.DefaultAddr, "host:port to serve on")
	if code, ok := parse(flags, args, stderr); !ok {
		return code
	}
	content, layouts, contentDir, layoutsDir, err := inputs(*f.contentDir, *f.layoutsDir)
	if err == nil {
		err = generator.CheckOutput(*f.out, *f.contentDir, *f.layoutsDir, "content", "layouts")
	}
	if err != nil {
		fmt.Fprintf(stderr, "p2pc serve: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = serve.Run(ctx, serve.Config{Addr: *addr, Content: content, Layouts: layouts,
		ContentDir: contentDir, LayoutsDir: layoutsDir, Out: *f.out, Stdout: stdout, Stderr: stderr,
		Options: generator.Options{Drafts: *f.drafts, BaseURL: *f.baseURL}})
	if err != nil {
		fmt.Fprintf(stderr, "p2pc serve: %v\n", err)
		return 1
	}
	return 0
}

// inputs picks the content and layouts: the flags' folders, else ./content
// and ./layouts when present, else the built-in ones. A layouts folder only
// overrides the built-in layouts file by file. It also returns the folders
// used ("" for built-in ones).
func inputs(contentDir, layoutsDir string) (content, layouts fs.FS, cdir, ldir string, err error) {
	builtinContent, _ := fs.Sub(builtin, "content")
	builtinLayouts, _ := fs.Sub(builtin, "layouts")
	content, layouts = builtinContent, builtinLayouts
	if contentDir == "" && isDir("content") {
		contentDir = "content"
	}
	if contentDir != "" {
		if !isDir(contentDir) {
			return nil, nil, "", "", fmt.Errorf("--content %s: no such folder", contentDir)
		}
		content = os.DirFS(contentDir)
	}
	if layoutsDir == "" && isDir("layouts") {
		layoutsDir = "layouts"
	}
	if layoutsDir != "" {
		if !isDir(layoutsDir) {
			return nil, nil, "", "", fmt.Errorf("--layouts %s: no such folder", layoutsDir)
		}
		layouts = generator.Layers(os.DirFS(layoutsDir), builtinLayouts)
	}
	return content, layouts, contentDir, layoutsDir, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
