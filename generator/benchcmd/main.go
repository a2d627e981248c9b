// Command benchcmd measures p2pc against Hugo and against the floor (a
// program that only renders each lesson with goldmark and writes it) on the
// synthetic curriculum, side by side, as issue #10's targets ask:
//
//	go run ./generator/benchcmd -lessons 10000 [-technical] [-runs 5]
//
// It writes the synthetic Markdown into a temporary folder (with Hugo's
// configuration and layouts from ../shared/bench/hugo-site next to it),
// builds p2pc once from a commit (-rev, default HEAD, so that uncommitted
// work in the tree is not measured; -rev . builds the working tree), then
// runs, in rotating order, -runs times: p2pc build into an empty folder, p2pc
// build again over that output, hugo into an empty folder, hugo again over
// its output, and the floor. Each is a child process; the command reports
// medians of wall time, CPU time (user+sys) and peak resident memory, the
// ratios of the targets, and time and memory per lesson. Every run's
// output is checked (a page for every lesson) so that a failed or
// misconfigured build cannot look fast.
//
//	go run ./generator/benchcmd -corpus ../shared/corpora/shell-novice -lessons 1000
//
// measures on a real lesson set instead: its lesson Markdown files (for a
// Carpentries Workbench folder, those of episodes/ in the order of
// config.yaml's episodes list, else every .md file of episodes/, or of the
// folder itself, sorted by name) repeated unchanged into a Hugo-style content
// tree, one copy of the set per part (001-part-1/_index.md and the files
// under their own names, 002-part-2/…), until there are -lessons lessons.
// Figures and data are not copied. p2pc builds it with --format hugo, where
// links and images that lead nowhere are warnings; the report names the
// corpus and how many times it was repeated.
//
//	go run ./generator/benchcmd floor [-shell BYTES] SRC OUT
//
// runs only the floor: every .md file below SRC rendered into OUT inside a
// page shell of BYTES bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		os.Exit(floorMain(os.Args[2:]))
	}
	os.Exit(benchMain(os.Args[1:]))
}

func floorMain(args []string) int {
	fl := flag.NewFlagSet("floor", flag.ContinueOnError)
	shell := fl.Int("shell", DefaultShell, "bytes of page shell around each rendered body")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: benchcmd floor [-shell BYTES] SRC OUT")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage(err)
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return 2
	}
	n, err := floor(fl.Arg(0), fl.Arg(1), *shell)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("floor: %d pages\n", n)
	return 0
}

func benchMain(args []string) int {
	fl := flag.NewFlagSet("benchcmd", flag.ContinueOnError)
	var c config
	fl.IntVar(&c.lessons, "lessons", 1000, "number of synthetic lessons")
	fl.BoolVar(&c.technical, "technical", false, "technical lessons (shell sessions, output blocks, long listings) instead of prose")
	fl.StringVar(&c.corpus, "corpus", "", "a real lesson set's folder (a Carpentries Workbench lesson: its episodes/, in config.yaml's order) whose lesson Markdown is repeated, unchanged, into -lessons lessons instead of the synthetic ones; p2pc builds it with --format hugo")
	fl.IntVar(&c.runs, "runs", 5, "rounds of alternating runs")
	fl.StringVar(&c.rev, "rev", "HEAD", `commit of p2pc to build and measure ("." for the working tree, uncommitted changes included)`)
	fl.StringVar(&c.hugo, "hugo", "hugo", "Hugo binary")
	fl.BoolVar(&c.noHugo, "no-hugo", false, "skip Hugo")
	fl.StringVar(&c.hugoSite, "hugo-site", "", "Hugo configuration and layouts to build the Markdown with (default ../shared/bench/hugo-site next to the module)")
	fl.StringVar(&c.dir, "dir", "", "work folder (default a new temporary folder, removed at the end)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: go run ./generator/benchcmd [flags]\n       go run ./generator/benchcmd floor [-shell BYTES] SRC OUT")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage(err)
	}
	if c.corpus != "" && c.technical {
		fmt.Fprintln(fl.Output(), "benchcmd: -technical chooses synthetic lessons; it cannot go with -corpus")
		return 2
	}
	if fl.NArg() != 0 || c.lessons < 1 || c.runs < 1 {
		fl.Usage()
		return 2
	}
	c.args = args
	if err := bench(c); err != nil {
		fmt.Fprintln(os.Stderr, "benchcmd:", err)
		return 1
	}
	return 0
}

func exitUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// atoi is strconv.Atoi that gives 0 for text that is not a number.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
