package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"p2pc/generator/synthetic"
)

type config struct {
	lessons   int
	technical bool
	corpus    string // a real lesson set's folder, or "" for the synthetic curriculum
	runs      int
	rev       string
	hugo      string
	noHugo    bool
	hugoSite  string
	dir       string
	args      []string // the command line, for the report
}

// sample is one child process's cost.
type sample struct {
	wall, user, sys time.Duration
	rssKB           int64 // peak resident set size, in KiB as Linux reports it
}

func (s sample) cpu() time.Duration { return s.user + s.sys }

// The kinds of run, in the order they are reported.
const (
	p2pcClean = "p2pc, empty output"
	p2pcAgain = "p2pc, nothing changed"
	hugoClean = "Hugo, empty output"
	hugoAgain = "Hugo, nothing changed"
	floorRun  = "floor"
)

var runKinds = []string{p2pcClean, p2pcAgain, hugoClean, hugoAgain, floorRun}

// bench is the whole measurement: corpus, binaries, alternating runs, report.
func bench(c config) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	hugoBin := ""
	if !c.noHugo {
		if hugoBin, err = exec.LookPath(c.hugo); err != nil {
			return fmt.Errorf("hugo not found (%w): install Hugo 0.111 (Debian's hugo package), pass -hugo PATH, or -no-hugo to measure p2pc and the floor only", err)
		}
		if c.hugoSite == "" {
			c.hugoSite = filepath.Join(root, "..", "shared", "bench", "hugo-site")
		}
		if _, err := os.Stat(filepath.Join(c.hugoSite, "hugo.toml")); err != nil {
			return fmt.Errorf("the Hugo site configuration (-hugo-site): %w", err)
		}
	}

	work := c.dir
	if work == "" {
		if work, err = os.MkdirTemp("", "p2pc-bench-"); err != nil {
			return fmt.Errorf("make a work folder: %w", err)
		}
		defer os.RemoveAll(work)
	} else if work, err = filepath.Abs(work); err != nil {
		return fmt.Errorf("work folder: %w", err)
	}
	site := filepath.Join(work, "site")
	content := filepath.Join(site, "content")
	outs := map[string]string{"p2pc": filepath.Join(work, "p2pc-out"), "hugo": filepath.Join(work, "hugo-out"), "floor": filepath.Join(work, "floor-out")}
	for _, d := range []string{site, outs["p2pc"], outs["hugo"], outs["floor"]} {
		if err := os.RemoveAll(d); err != nil {
			return fmt.Errorf("clear the work folder: %w", err)
		}
	}

	var (
		kind    string      // what the lessons are, for the report
		lessons []string    // slash-separated source paths of the lessons
		nFiles  int         // Markdown files written
		checked string      // the lesson whose page is read after every run
		mark    = `id="s1"` // what that page must contain
	)
	p2pcArgs := []string{"build", "--content", content, "--out", outs["p2pc"]}
	pageOf := p2pcPath // where p2pc writes a lesson's page
	if c.corpus != "" {
		corp, err := readCorpus(c.corpus)
		if err != nil {
			return err
		}
		if lessons, nFiles, err = corp.write(content, c.lessons); err != nil {
			return err
		}
		if checked, mark, err = corp.checkSample(content, lessons); err != nil {
			return err
		}
		kind = fmt.Sprintf("corpus: %s ×%.4g (its %d lessons in %d parts, %d Markdown files; p2pc with --format hugo)",
			corp.name, float64(c.lessons)/float64(len(corp.episodes)), len(corp.episodes), corp.parts(c.lessons), nFiles)
		p2pcArgs = append(p2pcArgs, "--format", "hugo")
		pageOf = hugoSitePath // read as a Hugo site, p2pc publishes at Hugo's URLs
	} else {
		kind = "prose"
		files := synthetic.Files(c.lessons)
		if c.technical {
			kind, files = "technical", synthetic.Technical(c.lessons)
		}
		if err := synthetic.WriteFiles(content, files); err != nil {
			return err
		}
		for name := range files {
			if !strings.HasSuffix(name, "_index.md") {
				lessons = append(lessons, name)
			}
		}
		slices.Sort(lessons)
		nFiles = len(files)
		checked = lessons[len(lessons)/2]
		// files goes out of scope here, keeping this process small: see resetPeak
	}
	if hugoBin != "" {
		if err := copyHugoSite(c.hugoSite, site); err != nil {
			return err
		}
	}

	fmt.Fprintf(os.Stderr, "building p2pc at %s ...\n", c.rev)
	bins, err := buildBinaries(root, c.rev, work)
	if err != nil {
		return err
	}
	hugoVersion := ""
	if hugoBin != "" {
		out, err := exec.Command(hugoBin, "version").Output()
		if err != nil {
			return fmt.Errorf("%s version: %w", hugoBin, err)
		}
		hugoVersion = strings.TrimSpace(string(out))
	}

	// An untimed p2pc build first: it checks the corpus builds and measures
	// the page shell the floor must write around each body.
	fmt.Fprintln(os.Stderr, "warm-up p2pc build, measuring the page shell ...")
	if _, err := runChild(work, bins.p2pc, p2pcArgs...); err != nil {
		return err
	}
	shell, err := measureShell(content, outs["p2pc"], lessons, pageOf)
	if err != nil {
		return err
	}
	aside := &trash{in: work}
	defer aside.empty()
	if err := aside.discard(outs["p2pc"]); err != nil {
		return fmt.Errorf("clear p2pc's output: %w", err)
	}

	samples := map[string][]sample{}
	measure := func(kind, tool string, check func(string) error, name string, args ...string) error {
		s, err := runChild(work, name, args...)
		if err != nil {
			return err
		}
		if err := check(outs[tool]); err != nil {
			return fmt.Errorf("%s: %w", kind, err)
		}
		samples[kind] = append(samples[kind], s)
		fmt.Fprintf(os.Stderr, "  %-22s wall %6.2fs  cpu %6.2fs  peak %5.0f MB\n", kind, s.wall.Seconds(), s.cpu().Seconds(), mb(s.rssKB*1024))
		return nil
	}
	p2pcCheck := func(out string) error { return checkPages(out, lessons, pageOf, checked, mark) }
	hugoCheck := func(out string) error { return checkPages(out, lessons, hugoPath, checked, mark) }
	floorCheck := func(out string) error {
		return checkPages(out, lessons, func(l string) string { return floorPath("", filepath.FromSlash(l)) }, checked, mark)
	}
	// p2pc keeps its build and parse caches in the user's cache folder:
	// here one of the work folder's, emptied before each build into an
	// empty output, so that build starts cold, as a first build does.
	cache := filepath.Join(work, "cache")
	if err := os.Setenv("XDG_CACHE_HOME", cache); err != nil { // Linux and the BSDs
		return err
	}
	switch runtime.GOOS { // where os.UserCacheDir looks elsewhere
	case "darwin", "ios":
		err = os.Setenv("HOME", filepath.Join(work, "home"))
		cache = filepath.Join(work, "home", "Library", "Caches")
	case "windows":
		err = os.Setenv("LocalAppData", cache)
	case "plan9":
		err = os.Setenv("home", filepath.Join(work, "home"))
		cache = filepath.Join(work, "home", "lib", "cache")
	}
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error {
			if err := aside.discard(outs["p2pc"]); err != nil {
				return err
			}
			if err := aside.discard(filepath.Join(cache, "p2pc")); err != nil {
				return err
			}
			if err := measure(p2pcClean, "p2pc", p2pcCheck, bins.p2pc, p2pcArgs...); err != nil {
				return err
			}
			return measure(p2pcAgain, "p2pc", p2pcCheck, bins.p2pc, p2pcArgs...)
		},
		func() error {
			if hugoBin == "" {
				return nil
			}
			if err := aside.discard(outs["hugo"]); err != nil {
				return err
			}
			args := []string{"--quiet", "-s", site, "-d", outs["hugo"]}
			if err := measure(hugoClean, "hugo", hugoCheck, hugoBin, args...); err != nil {
				return err
			}
			return measure(hugoAgain, "hugo", hugoCheck, hugoBin, args...)
		},
		func() error {
			if err := aside.discard(outs["floor"]); err != nil {
				return err
			}
			return measure(floorRun, "floor", floorCheck, bins.floor, "floor", "-shell", fmt.Sprint(shell), content, outs["floor"])
		},
	}

	loadBefore, psiBefore := loadAverage(), cpuPressure()
	busyBefore, _ := machineBusy()
	start := time.Now()
	var ours time.Duration
	for round := range c.runs {
		fmt.Fprintf(os.Stderr, "round %d of %d\n", round+1, c.runs)
		for i := range steps { // rotate the order so no tool always runs after the same one
			if err := steps[(round+i)%len(steps)](); err != nil {
				return err
			}
		}
	}
	elapsed := time.Since(start)
	if err := aside.empty(); err != nil {
		return err
	}
	busyAfter, busyErr := machineBusy()
	for _, ss := range samples {
		for _, s := range ss {
			ours += s.cpu()
		}
	}

	// The report.
	fmt.Printf("\ngo run ./generator/benchcmd %s\n", strings.Join(c.args, " "))
	if c.corpus != "" {
		fmt.Printf("%d lessons, %s, %d rounds of alternating runs, medians; %d cores\n",
			c.lessons, kind, c.runs, runtime.NumCPU())
	} else {
		fmt.Printf("%d %s lessons (%d Markdown files), %d rounds of alternating runs, medians; %d cores\n",
			c.lessons, kind, nFiles, c.runs, runtime.NumCPU())
	}
	fmt.Printf("p2pc: %s\n", bins.desc)
	fmt.Printf("floor: %s; page shell %d bytes (measured on p2pc's lesson pages)\n", bins.floorDesc, shell)
	if hugoVersion != "" {
		fmt.Printf("hugo: %s with %s\n", hugoVersion, c.hugoSite)
	}
	fmt.Printf("load average before %s, after %s", loadBefore, loadAverage())
	if busyErr == nil && elapsed > 0 {
		others := busyAfter - busyBefore - ours
		fmt.Printf("; other processes used %.2f cores on average during the runs", max(0, others.Seconds())/elapsed.Seconds())
	}
	fmt.Println()
	if psiBefore != "" {
		fmt.Printf("CPU pressure (share of time a task waited for a core, last 60 s) before %s, after %s\n", psiBefore, cpuPressure())
	}

	fmt.Println("\n| run | wall | CPU (user+sys) | sys | peak RSS | wall per lesson | peak RSS per lesson | wall min–max |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- | --- |")
	med := map[string]sample{}
	for _, k := range runKinds {
		ss := samples[k]
		if len(ss) == 0 {
			continue
		}
		m := medianSample(ss)
		med[k] = m
		lo, hi := minMaxWall(ss)
		fmt.Printf("| %s | %.2f s | %.2f s | %.2f s | %.0f MB | %.0f µs | %.1f KB | %.2f–%.2f s |\n",
			k, m.wall.Seconds(), m.cpu().Seconds(), m.sys.Seconds(), mb(m.rssKB*1024),
			float64(m.wall.Microseconds())/float64(c.lessons), float64(m.rssKB)*1.024/float64(c.lessons), lo.Seconds(), hi.Seconds())
	}

	hugoGoal := "≤ 0.25×"
	switch {
	case c.corpus != "":
		hugoGoal = "≤ 0.3× (set for technical lessons)"
	case c.technical:
		hugoGoal = "≤ 0.3×"
	}
	fmt.Println("\n| ratio of medians | measured | issue #10 target |")
	fmt.Println("| --- | --- | --- |")
	if _, ok := med[hugoClean]; ok {
		fmt.Printf("| p2pc / Hugo wall, empty output | %.2f× | %s |\n", ratio(med[p2pcClean].wall, med[hugoClean].wall), hugoGoal)
		fmt.Printf("| p2pc / Hugo CPU, empty output | %.2f× | |\n", ratio(med[p2pcClean].cpu(), med[hugoClean].cpu()))
		fmt.Printf("| p2pc / Hugo wall, nothing changed | %.2f× | ≤ 0.1× |\n", ratio(med[p2pcAgain].wall, med[hugoAgain].wall))
		fmt.Printf("| p2pc / Hugo CPU, nothing changed | %.2f× | |\n", ratio(med[p2pcAgain].cpu(), med[hugoAgain].cpu()))
	}
	fmt.Printf("| p2pc / floor wall, empty output | %.2f× | ≤ 2× |\n", ratio(med[p2pcClean].wall, med[floorRun].wall))
	fmt.Printf("| p2pc / floor CPU, empty output | %.2f× | |\n", ratio(med[p2pcClean].cpu(), med[floorRun].cpu()))
	fmt.Printf("| p2pc peak RSS, empty output | %.0f MB | ≤ 250 MB at 10,000 lessons |\n", mb(med[p2pcClean].rssKB*1024))

	fmt.Println("\n| files | count | bytes | on disk |")
	fmt.Println("| --- | --- | --- | --- |")
	for _, d := range []struct{ name, dir string }{{"Markdown", content}, {"p2pc output", outs["p2pc"]}, {"Hugo output", outs["hugo"]}, {"floor output", outs["floor"]}} {
		n, size, disk, err := dirSize(d.dir)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return err
		}
		fmt.Printf("| %s | %d | %.1f MB | %.1f MB |\n", d.name, n, mb(size), mb(disk))
	}
	fmt.Println("\nMB are 10^6 bytes; \"on disk\" counts allocated blocks (what du reports).")
	fmt.Printf("This command's own peak before starting a child was %.0f MB: no peak RSS above can be lower.\n", mb(ownPeakKB*1024))
	return nil
}

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

func mb(bytes int64) float64 { return float64(bytes) / 1e6 }

// ownPeakKB is the most resident memory this process had when it started a
// child, after resetPeak.
var ownPeakKB int64

// resetPeak returns this process's free memory to the system and resets its
// peak resident set size to the current one. Go starts children with vfork,
// and Linux counts the parent's peak at that moment in the child's Maxrss:
// without this, a child smaller than this process (the floor) would be
// reported at this process's size.
func resetPeak() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux ≥ 4.0; elsewhere figures may be high
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			ownPeakKB = max(ownPeakKB, int64(atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))))
		}
	}
}

// runChild runs a command in dir and returns its cost; pending writes are
// flushed first so that one run's write-back is not charged to the next.
func runChild(dir, name string, args ...string) (sample, error) {
	syscall.Sync()
	resetPeak()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, lastLines(out.String(), 20))
	}
	ps := cmd.ProcessState
	s := sample{wall: wall, user: ps.UserTime(), sys: ps.SystemTime()}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		s.rssKB = ru.Maxrss
	}
	return s, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func medianSample(ss []sample) sample {
	wall, cpu, sys, rss := make([]time.Duration, len(ss)), make([]time.Duration, len(ss)), make([]time.Duration, len(ss)), make([]int64, len(ss))
	for i, s := range ss {
		wall[i], cpu[i], sys[i], rss[i] = s.wall, s.cpu(), s.sys, s.rssKB
	}
	// user is set so that cpu() is the median of user+sys, not the sum of
	// two medians.
	m := sample{wall: median(wall), sys: median(sys), rssKB: median(rss)}
	m.user = median(cpu) - m.sys
	return m
}

func median[T int64 | time.Duration](v []T) T {
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func minMaxWall(ss []sample) (lo, hi time.Duration) {
	lo, hi = ss[0].wall, ss[0].wall
	for _, s := range ss {
		lo, hi = min(lo, s.wall), max(hi, s.wall)
	}
	return lo, hi
}

// numberPrefix is the ordering prefix p2pc drops from file and folder names.
var numberPrefix = regexp.MustCompile(`^\d+-`)

// p2pcPath is where p2pc writes a lesson's page: 001-module-1/002-lesson-2.md
// gives module-1/lesson-2/index.html.
func p2pcPath(lesson string) string {
	parts := strings.Split(strings.TrimSuffix(lesson, ".md"), "/")
	for i, p := range parts {
		parts[i] = numberPrefix.ReplaceAllString(p, "")
	}
	return filepath.Join(append(parts, "index.html")...)
}

// hugoSitePath is where p2pc writes a lesson's page when it reads the
// content as a Hugo site's: at Hugo's URL, the source path without .md,
// lowercased.
func hugoSitePath(lesson string) string { return strings.ToLower(hugoPath(lesson)) }

// hugoPath is where Hugo writes a lesson's page: the source path without .md.
func hugoPath(lesson string) string {
	return filepath.Join(filepath.FromSlash(strings.TrimSuffix(lesson, ".md")), "index.html")
}

// checkPages makes sure out has a page for every lesson and that the page of
// sample has mark in it: text only the rendered lesson has, such as its first
// section's heading id.
func checkPages(out string, lessons []string, path func(string) string, sample, mark string) error {
	missing := 0
	for _, l := range lessons {
		if _, err := os.Stat(filepath.Join(out, path(l))); err != nil {
			missing++
		}
	}
	if missing > 0 {
		return fmt.Errorf("%d of %d lesson pages missing in %s (e.g. %s)", missing, len(lessons), out, path(lessons[0]))
	}
	page, err := os.ReadFile(filepath.Join(out, path(sample)))
	if err != nil {
		return fmt.Errorf("check a page: %w", err)
	}
	if !bytes.Contains(page, []byte(mark)) {
		return fmt.Errorf("%s has no rendered section heading (%s)", filepath.Join(out, path(sample)), mark)
	}
	return nil
}

// measureShell returns the average number of bytes of p2pc's lesson pages
// that are not the lesson's rendered Markdown, over up to 300 lessons.
func measureShell(content, out string, lessons []string, pageOf func(string) string) (int, error) {
	md := newMarkdown()
	step := max(1, len(lessons)/300)
	var total, n int64
	for i := 0; i < len(lessons); i += step {
		src, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(lessons[i])))
		if err != nil {
			return 0, fmt.Errorf("measure the page shell: %w", err)
		}
		body, err := renderBody(md, src)
		if err != nil {
			return 0, fmt.Errorf("measure the page shell: %s: %w", lessons[i], err)
		}
		fi, err := os.Stat(filepath.Join(out, pageOf(lessons[i])))
		if err != nil {
			return 0, fmt.Errorf("measure the page shell: p2pc wrote no page for %s: %w", lessons[i], err)
		}
		total += fi.Size() - int64(len(body))
		n++
	}
	return int(total / n), nil
}

// dirSize counts the files below dir, their bytes and the bytes of the
// blocks allocated to them.
func dirSize(dir string) (files int, size, disk int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		files++
		size += fi.Size()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			disk += st.Blocks * 512
		}
		return nil
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return files, size, disk, nil
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// cpuPressure is the kernel's "some" CPU pressure over the last minute, or
// "" when the kernel does not report it.
func cpuPressure() string {
	b, err := os.ReadFile("/proc/pressure/cpu")
	if err != nil {
		return ""
	}
	for _, f := range strings.Fields(string(b)) {
		if v, ok := strings.CutPrefix(f, "avg60="); ok {
			return v + " %"
		}
	}
	return ""
}

// machineBusy is the CPU time all processes have used since boot, from
// /proc/stat (user, nice, system, irq, softirq, steal).
func machineBusy() (time.Duration, error) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, err
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, errors.New("unexpected /proc/stat")
	}
	ticks := 0
	for _, i := range []int{1, 2, 3, 6, 7, 8} {
		ticks += atoi(f[i])
	}
	return time.Duration(ticks) * time.Second / 100, nil // USER_HZ is 100 on Linux
}

// copyHugoSite copies hugo.toml and layouts/ from the Hugo benchmark site
// into site, next to its content folder.
func copyHugoSite(from, site string) error {
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if rel != "." && rel != "hugo.toml" && rel != "layouts" && !strings.HasPrefix(rel, "layouts"+string(filepath.Separator)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(site, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(site, rel), data, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copy the Hugo site from %s: %w", from, err)
	}
	return nil
}

// moduleRoot is the folder of the go.mod above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find the module: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run benchcmd inside the p2pc module (no go.mod above the working directory)")
		}
		dir = parent
	}
}

type binaries struct {
	p2pc, floor     string
	desc, floorDesc string
}

// buildBinaries builds p2pc, and the floor when the commit has it, from rev
// (a commit, or "." for the working tree) into work/bin.
func buildBinaries(root, rev, work string) (binaries, error) {
	bin := filepath.Join(work, "bin")
	b := binaries{p2pc: filepath.Join(bin, "p2pc")}
	self, err := os.Executable()
	if err != nil {
		return b, fmt.Errorf("find the floor (this command): %w", err)
	}
	b.floor, b.floorDesc = self, "this command, built from the working tree"
	head := strings.TrimSpace(gitOutput(root, "rev-parse", "--short", "HEAD"))
	if rev == "." {
		changed := strings.Count(gitOutput(root, "status", "--porcelain", "--untracked-files=no"), "\n")
		b.desc = fmt.Sprintf("working tree at %s with uncommitted changes (%d files changed)", head, changed)
		if changed == 0 {
			b.desc = "working tree at " + head + ", no uncommitted changes"
		}
		return b, goBuild(root, b.p2pc, ".")
	}
	short := strings.TrimSpace(gitOutput(root, "rev-parse", "--short", rev))
	if short == "" {
		return b, fmt.Errorf("-rev %s: not a commit of the repository at %s", rev, root)
	}
	src := filepath.Join(work, "src")
	if err := os.RemoveAll(src); err != nil {
		return b, fmt.Errorf("clear %s: %w", src, err)
	}
	if err := gitArchive(root, rev, src); err != nil {
		return b, err
	}
	b.desc = "commit " + short
	if rev != short && rev != "HEAD" {
		b.desc += " (" + rev + ")"
	}
	if err := goBuild(src, b.p2pc, "."); err != nil {
		return b, err
	}
	if _, err := os.Stat(filepath.Join(src, "generator", "benchcmd")); err == nil {
		b.floor, b.floorDesc = filepath.Join(bin, "benchcmd"), "built from commit "+short
		return b, goBuild(src, b.floor, "./generator/benchcmd")
	}
	return b, nil
}

func goBuild(dir, out, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s in %s: %w\n%s", pkg, dir, err, msg)
	}
	return nil
}

func gitOutput(root string, args ...string) string {
	out, err := exec.Command("git", append([]string{"-C", root}, args...)...).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// gitArchive extracts the tree of rev into dir.
func gitArchive(root, rev, dir string) error {
	cmd := exec.Command("git", "-C", root, "archive", "--format=tar", rev)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git archive: %w", err)
	}
	tr := tar.NewReader(pipe)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("git archive %s: %w", rev, err)
		}
		p := filepath.Join(dir, filepath.FromSlash(h.Name))
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(p, 0o755)
		case tar.TypeReg:
			err = writeFrom(p, tr, h.FileInfo().Mode().Perm())
		case tar.TypeSymlink:
			if err = os.MkdirAll(filepath.Dir(p), 0o755); err == nil {
				err = os.Symlink(h.Linkname, p)
			}
		}
		if err != nil {
			return fmt.Errorf("extract %s of %s: %w", h.Name, rev, err)
		}
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive %s: %w\n%s", rev, err, stderr.String())
	}
	return nil
}

func writeFrom(p string, r io.Reader, perm fs.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
