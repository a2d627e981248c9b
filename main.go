// Command p2pc builds the Peer to Peer Coaching curriculum into a static site.
//
//	p2pc build     build the site into public/
//	p2pc serve     build, serve on http://127.0.0.1:1313/, rebuild on every save and reload the browser
//	p2pc version   print the version, commit and Go version
//	p2pc help      list the commands; p2pc help COMMAND explains one
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
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"p2pc/generator"
	"p2pc/generator/feature"
	"p2pc/generator/gcbudget"
	"p2pc/generator/scaffold"
	"p2pc/generator/serve"
)

// builtin holds the default curriculum and layouts, so the binary works from any folder.
//
//go:embed all:content layouts
var builtin embed.FS

const usage = `p2pc turns Markdown lessons into a static, searchable site.

Usage:
  p2pc build [flags]    build the site (default: ./content and ./layouts into ./public)
  p2pc serve [flags]    build, serve the site on http://127.0.0.1:1313/, rebuild on
                        every save and reload the browser
  p2pc check [flags]    run every check of a build and write nothing
  p2pc new site DIR     start a new site in DIR, ready to build
  p2pc new module PATH  add a module (a folder) to the content
  p2pc new lesson PATH  add a lesson to the content
  p2pc version          print the version, commit and Go version

  p2pc help COMMAND     explain one command and its flags (every command also takes -h)
  p2pc help authoring   the guide to writing lessons, modules, cards and worksheets

Exit codes: 0 ok, 1 content or build errors, 2 usage errors.
`

// A command is one of p2pc's commands: its help text and what it runs.
type command struct {
	name string
	help string
	run  func(args []string, stdout, stderr io.Writer) int
}

// commands lists every command in the order help shows them.
func commands() []command {
	return []command{
		{"build", buildHelp, build},
		{"serve", serveHelp, serveSite},
		{"check", checkHelp, check},
		{"new", newHelp, newCmd},
		{"version", versionHelp, version},
	}
}

const buildFlagsHelp = `  --content DIR    Markdown content folder (default ./content, else the built-in curriculum;
                   in a Hugo site's folder, the site)
  --layouts DIR    layouts folder; its files override the built-in layouts file by file
                   (default ./layouts if present, unless the current folder is a Hugo site)
  --out DIR        output folder (default public); it must be empty, absent, or a
                   folder this tool wrote before
  --base-url URL   absolute URL the site is published at (used in sitemap.xml)
  --drafts         also build pages with draft: true
  --format NAME    the content's format: auto (default: a Carpentries Workbench
                   config.yaml, an mdBook book.toml or a Hugo config or _index.md at
                   the content root is recognised, else p2pc's own), p2pc,
                   workbench, mdbook or hugo
`

const buildHelp = `Usage: p2pc build [flags]

Build the site from the content folder into the output folder. The files of a
static/ folder beside the content folder are copied as they are to the site
root. Only the files whose bytes changed are written; on any content error
every problem is printed as path:line:col: message and the output folder is
left as it was.

Flags:
` + buildFlagsHelp + `
Example:
  p2pc build --out site --base-url https://example.org/coaching/
`

const serveHelp = `Usage: p2pc serve [flags]

Build the site, serve the output folder and watch the content and layouts
folders: every save rebuilds what changed and reloads the browser. A build
error is shown over the page while the last good site stays served. Ctrl-C
stops it.

Flags:
  --addr HOST:PORT where to serve (default 127.0.0.1:1313; port 0 picks a free port;
                   0.0.0.0:PORT lets other machines connect)
  --allow-host NAME
                   also answer requests for the host NAME, on any port (a tunnel's or
                   a LAN name); repeat the flag or separate names with commas. Without
                   it only the address served on, localhost, *.localhost, 127.0.0.1
                   and [::1] (on 0.0.0.0 also this machine's name and addresses), with
                   the port served on, are answered; other hosts get 421
` + buildFlagsHelp + `
Example:
  p2pc serve --addr 127.0.0.1:8080 --drafts
`

const checkHelp = `Usage: p2pc check [flags]

Run every check a build runs (front matter, links and anchors, fenced divs,
cards, worksheets, layouts) and write nothing: no output folder, no cache.
The problems, the messages and the exit code are those of p2pc build, so an
editor or CI can run it on every change.

Flags:
  --content DIR    Markdown content folder (default ./content, else the built-in curriculum)
  --layouts DIR    layouts folder; its files override the built-in layouts file by file
                   (default ./layouts if present, unless the current folder is a Hugo site)
  --base-url URL   absolute URL the site is published at (used in sitemap.xml)
  --drafts         also check pages with draft: true
  --format NAME    the content's format: auto (default), p2pc, workbench, mdbook or hugo

Example:
  p2pc check --drafts
`

const newHelp = `Usage: p2pc new site DIR
       p2pc new module [--content DIR] PATH
       p2pc new lesson [--content DIR] PATH

new site makes DIR (absent or empty) with a small site that builds at once:
its settings, a home page, and a module with two lessons, a card and a
worksheet question.

new module and new lesson add a folder with its _index.md, or a Markdown
file, to the content folder. PATH is a path in the content folder; its
last part is the name, which becomes the title ("giving-feedback" reads
"Giving feedback") and, as a slug, the file name. The front matter gets
the next weight in the folder and a summary and objectives to fill in. An
existing file is never replaced.

Flags:
  --content DIR    content folder PATH is in (default ./content)

Example:
  p2pc new site coaching && cd coaching
  p2pc new module "02-Giving feedback"
  p2pc new lesson giving-feedback/ask-first
`

const versionHelp = `Usage: p2pc version

Print the version of p2pc, the commit and date it was built from, and the Go
version that built it. p2pc --version does the same.

Example:
  p2pc version
`

// gcBudget is the heap the garbage collector may fill before it collects
// as often as Go's default (see gcbudget). A 10,000-lesson build's heap
// grows to about this by default, and its peak stays under 250 MB.
const gcBudget = 150 << 20

func main() {
	stop := gcbudget.Start(gcBudget)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	case "-version", "--version":
		return version(args[1:], stdout, stderr)
	}
	if c, ok := lookup(args[0]); ok {
		return c.run(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "p2pc: unknown command %q%s (p2pc -h for help)\n", args[0], suggest(args[0], commandNames(), "%q"))
	return 2
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// suggest returns "; did you mean X?" with the closest of names, formatted
// by format, or "" when none is close.
func suggest(s string, names []string, format string) string {
	hint := feature.DidYouMean(s, names) // ` (did you mean "x"?)`
	if hint == "" {
		return ""
	}
	var best string
	fmt.Sscanf(strings.TrimPrefix(hint, " (did you mean "), "%q", &best)
	return "; did you mean " + fmt.Sprintf(format, best) + "?"
}

// help prints the general help, or one command's.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if len(args) > 1 {
		fmt.Fprintf(stderr, "p2pc help: unexpected argument %q (p2pc -h for help)\n", args[1])
		return 2
	}
	if c, ok := lookup(args[0]); ok {
		fmt.Fprint(stdout, c.help)
		return 0
	}
	if args[0] == "authoring" {
		fmt.Fprint(stdout, scaffold.Guide)
		return 0
	}
	fmt.Fprintf(stderr, "p2pc help: no help for %q%s (p2pc -h for help)\n", args[0], suggest(args[0], append(commandNames(), "authoring"), "%q"))
	return 2
}

// version prints the build information the Go toolchain put in the binary.
func version(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("version", flag.ContinueOnError)
	if code, ok := parse(flags, args, stdout, stderr); !ok {
		return code
	}
	info, ok := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info, ok))
	return 0
}

// versionLine is "p2pc VERSION, commit REV, DATE, built with GOVERSION";
// what the build information lacks is "unknown".
func versionLine(info *debug.BuildInfo, ok bool) string {
	v, rev, date, goVersion := "devel", "unknown", "date unknown", runtime.Version()
	if ok && info != nil {
		if info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
				if len(rev) > 12 {
					rev = rev[:12]
				}
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if modified && rev != "unknown" {
			rev += " (modified)"
		}
	}
	return fmt.Sprintf("p2pc %s, commit %s, %s, built with %s", v, rev, date, goVersion)
}

// buildFlags are the flags of build; serve takes them too.
type buildFlags struct {
	contentDir, layoutsDir, out, baseURL *string
	drafts                               *bool
	format                               *string
}

func newFlags(name string) (*flag.FlagSet, buildFlags) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	return flags, buildFlags{
		contentDir: flags.String("content", "", "Markdown content folder"),
		layoutsDir: flags.String("layouts", "", "layouts folder"),
		out:        flags.String("out", "public", "output folder"),
		baseURL:    flags.String("base-url", "", "absolute URL of the site"),
		drafts:     flags.Bool("drafts", false, "build drafts"),
		format:     flags.String("format", "auto", "content format"),
	}
}

// parse parses a command's flags. -h prints the command's help; a flag
// that is not defined or badly given is one line, with the closest flag
// and a pointer to the command's help.
func parse(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	return parseN(flags, args, 0, stdout, stderr)
}

// parseN is parse for a command that takes up to n arguments after its flags.
func parseN(flags *flag.FlagSet, args []string, n int, stdout, stderr io.Writer) (code int, ok bool) {
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	name := flags.Name()
	err := flags.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c, _ := lookup(name)
		fmt.Fprint(stdout, c.help)
		return 0, false
	case err != nil:
		msg := err.Error()
		if bad, found := strings.CutPrefix(msg, "flag provided but not defined: -"); found {
			var names []string
			flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			msg = "unknown flag --" + bad + suggest(bad, names, "--%s")
		} else {
			msg = strings.Replace(msg, " -", " --", 1)
		}
		fmt.Fprintf(stderr, "p2pc %s: %s (p2pc %s -h for help)\n", name, msg, name)
		return 2, false
	case flags.NArg() > n:
		fmt.Fprintf(stderr, "p2pc %s: unexpected argument %q (p2pc %s -h for help)\n", name, flags.Arg(n), name)
		return 2, false
	}
	return 0, true
}

func build(args []string, stdout, stderr io.Writer) int {
	flags, f := newFlags("build")
	if code, ok := parse(flags, args, stdout, stderr); !ok {
		return code
	}
	start := time.Now()
	content, layouts, cdir, _, err := inputs(*f.contentDir, *f.layoutsDir)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	staticDir := staticFolder(cdir)
	if err := generator.CheckOutput(*f.out, *f.contentDir, *f.layoutsDir, "content", "layouts", staticDir); err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 2
	}
	o, err := generator.OpenOutput(*f.out)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	pipeline := generator.NewPipeline(content, layouts, buildOptions(f, cdir, staticDir), false)
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
	// Saving the cache looks at every file written, and Foreign at every
	// folder: both mostly wait on the system, so they run side by side (a
	// tenth of a second of a 10,000-lesson build, at its end on one core).
	saved := make(chan error, 1)
	go func() { saved <- cache.Save(pipeline) }()
	printWarnings(stderr, site.Warnings)
	foreign, err := o.Foreign()
	saveErr := <-saved
	if err != nil {
		fmt.Fprintf(stderr, "p2pc build: %v\n", err)
		return 1
	}
	if saveErr != nil {
		fmt.Fprintf(stderr, "p2pc build: warning: %v (the next build renders every page)\n", saveErr)
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

// newCmd makes a new site, module or lesson.
func newCmd(args []string, stdout, stderr io.Writer) int {
	kinds := []string{"site", "module", "lesson"}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "p2pc new: say what to make: site, module or lesson (p2pc new -h for help)")
		return 2
	}
	kind := args[0]
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	contentDir := "content"
	if kind == "module" || kind == "lesson" {
		flags.StringVar(&contentDir, "content", "content", "content folder")
	}
	switch {
	case strings.HasPrefix(kind, "-"):
		code, ok := parseN(flags, args, 0, stdout, stderr)
		if ok {
			fmt.Fprintln(stderr, "p2pc new: say what to make: site, module or lesson (p2pc new -h for help)")
			return 2
		}
		return code
	case !slices.Contains(kinds, kind):
		fmt.Fprintf(stderr, "p2pc new: cannot make %q%s (p2pc new -h for help)\n", kind, suggest(kind, kinds, "%q"))
		return 2
	}
	if code, ok := parseN(flags, args[1:], 1, stdout, stderr); !ok {
		return code
	}
	if flags.NArg() == 0 {
		what := map[string]string{"site": "DIR", "module": "PATH", "lesson": "PATH"}[kind]
		fmt.Fprintf(stderr, "p2pc new %s: missing %s (p2pc new -h for help)\n", kind, what)
		return 2
	}
	target := flags.Arg(0)
	if kind == "site" {
		files, err := scaffold.Site(target)
		if err != nil {
			fmt.Fprintf(stderr, "p2pc new site: %v\n", err)
			return 1
		}
		for _, f := range files {
			fmt.Fprintf(stdout, "created %s\n", f)
		}
		fmt.Fprintf(stdout, nextSteps, target)
		return 0
	}
	if !isDir(contentDir) {
		fmt.Fprintf(stderr, "p2pc new %s: no content folder %s here; run it in a site's folder or give --content DIR\n", kind, contentDir)
		return 2
	}
	rel := filepath.Clean(target)
	if r, err := filepath.Rel(filepath.Clean(contentDir), rel); err == nil && !strings.HasPrefix(r, "..") && r != "." {
		rel = r // PATH named the content folder too
	}
	if filepath.IsAbs(rel) || rel == "." || strings.HasPrefix(rel, "..") {
		fmt.Fprintf(stderr, "p2pc new %s: %s is not a path in the content folder %s\n", kind, target, contentDir)
		return 2
	}
	parent := filepath.Join(contentDir, filepath.Dir(rel))
	if !isDir(parent) {
		fmt.Fprintf(stderr, "p2pc new %s: no folder %s; make the module first (p2pc new module)\n", kind, parent)
		return 1
	}
	makeFile := scaffold.Lesson
	if kind == "module" {
		makeFile = scaffold.Module
	}
	file, err := makeFile(parent, filepath.Base(rel))
	if err != nil {
		fmt.Fprintf(stderr, "p2pc new %s: %v\n", kind, err)
		return 1
	}
	fmt.Fprintf(stdout, "created %s\n", filepath.ToSlash(file))
	return 0
}

const nextSteps = `
Next:
  cd %s
  p2pc serve            preview the site on http://127.0.0.1:1313/ while you edit it
  p2pc new lesson 01-getting-started/NAME
                        add a lesson to the module
  p2pc build            write the site into public/, ready to publish
  p2pc help authoring   how to write lessons, cards and worksheets
`

// check runs a build into nothing.
func check(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	contentDir := flags.String("content", "", "Markdown content folder")
	layoutsDir := flags.String("layouts", "", "layouts folder")
	baseURL := flags.String("base-url", "", "absolute URL of the site")
	drafts := flags.Bool("drafts", false, "check drafts")
	format := flags.String("format", "auto", "content format")
	if code, ok := parse(flags, args, stdout, stderr); !ok {
		return code
	}
	start := time.Now()
	content, layouts, cdir, _, err := inputs(*contentDir, *layoutsDir)
	if err != nil {
		fmt.Fprintf(stderr, "p2pc check: %v\n", err)
		return 2
	}
	opts := generator.Options{Drafts: *drafts, BaseURL: *baseURL, Format: *format}
	staticInto(&opts, cdir, staticFolder(cdir))
	site, err := generator.NewPipeline(content, layouts, opts, false).Run(discard{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "p2pc check: failed")
		return 1
	}
	printWarnings(stderr, site.Warnings)
	verdict := "no problems"
	if len(site.Warnings) > 0 {
		verdict = "no errors, " + plural(len(site.Warnings), "warning")
	}
	fmt.Fprintf(stdout, "checked %d pages: %s (%s)\n", site.PageCount(), verdict, time.Since(start).Round(time.Millisecond))
	return 0
}

// printWarnings prints the problems that did not stop a build, one a line.
func printWarnings(w io.Writer, warnings []*generator.FileError) {
	for _, e := range warnings {
		fmt.Fprintln(w, e)
	}
}

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Put(string, []byte) error { return nil }
func (discard) Keep(...string) error     { return nil }

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

// interrupted is the context serve runs in: Ctrl-C or SIGTERM ends it.
// Tests replace it.
var interrupted = signalContext

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveSite builds, serves and watches the site until Ctrl-C.
func serveSite(args []string, stdout, stderr io.Writer) int {
	flags, f := newFlags("serve")
	addr := flags.String("addr", serve.DefaultAddr, "host:port to serve on")
	var allowHosts []string
	flags.Func("allow-host", "more host names to answer requests for", func(v string) error {
		names, err := serve.SplitHosts(v)
		allowHosts = append(allowHosts, names...)
		return err
	})
	if code, ok := parse(flags, args, stdout, stderr); !ok {
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
	ctx, stop := interrupted()
	defer stop()
	err = serve.Run(ctx, serve.Config{Addr: *addr, AllowHosts: allowHosts, Content: content, Layouts: layouts,
		ContentDir: contentDir, LayoutsDir: layoutsDir, Out: *f.out, Stdout: stdout, Stderr: stderr,
		Options: buildOptions(f, contentDir, staticFolder(contentDir))})
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
	switch {
	case contentDir != "":
	case hugoSiteHere():
		contentDir = "." // a Hugo site: its config beside content/ says how to read it
	case isDir("content"):
		contentDir = "content"
	}
	if contentDir != "" {
		if !isDir(contentDir) {
			return nil, nil, "", "", fmt.Errorf("--content %s: no such folder", contentDir)
		}
		content = os.DirFS(contentDir)
	}
	if layoutsDir == "" && isDir("layouts") && !hugoSiteHere() {
		layoutsDir = "layouts" // a Hugo site's layouts/ holds Hugo's templates, not ours
	}
	if layoutsDir != "" {
		if !isDir(layoutsDir) {
			return nil, nil, "", "", fmt.Errorf("--layouts %s: no such folder", layoutsDir)
		}
		layouts = generator.Layers(os.DirFS(layoutsDir), builtinLayouts)
	}
	return content, layouts, contentDir, layoutsDir, nil
}

// hugoSiteHere reports whether the current folder is a Hugo site's root.
func hugoSiteHere() bool {
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config/_default"} {
		if _, err := os.Stat(name); err == nil {
			return true
		}
	}
	return false
}

// buildOptions are the options the build flags and the static folder give.
func buildOptions(f buildFlags, cdir, staticDir string) generator.Options {
	opts := generator.Options{Drafts: *f.drafts, BaseURL: *f.baseURL, Format: *f.format}
	staticInto(&opts, cdir, staticDir)
	return opts
}

// staticInto sets the static folder of opts when there is one.
func staticInto(opts *generator.Options, cdir, staticDir string) {
	opts.ContentLabel = filepath.ToSlash(cdir)
	if st, err := os.Stat(staticDir); err == nil && st.IsDir() {
		opts.Static, opts.StaticLabel = os.DirFS(staticDir), filepath.ToSlash(staticDir)
	}
}

// staticFolder is the folder of files copied as they are to the site root:
// static/ beside the content folder (in the current folder for the
// built-in curriculum).
func staticFolder(contentDir string) string {
	if contentDir == "" {
		return generator.StaticDir
	}
	dir := filepath.Dir(filepath.Clean(contentDir))
	if abs, err := filepath.Abs(contentDir); err == nil && filepath.Clean(contentDir) == "." {
		dir = filepath.Dir(abs) // beside ".", not in it: a Hugo site's own static/ is its set's
	}
	return filepath.Join(dir, generator.StaticDir)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
