package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"p2pc/generator/synthetic"
)

// BenchmarkEditOneLesson serves a synthetic 10,000-lesson curriculum and,
// each iteration, saves one lesson with one word of its text changed, then
// waits for the reload event, which the server sends once the lesson's new
// page is on disk in the output folder. It reports medians:
//
//	ms/edit     from the save (the file event) to the page on disk, with
//	            the 50ms quiet time the watcher waits for more events
//	ms/rebuild  from the end of that wait to the page on disk, the search
//	            index brought up to date included
//	files/edit  the files written (the page, and the search index's)
//
//	go test -run XXX -bench EditOneLesson -benchtime 30x ./generator/serve/
//
// With P2PC_CPUPROFILE set, it writes a CPU profile of the edits alone
// (not of the first build) there.
func BenchmarkEditOneLesson(b *testing.B) {
	benchEdits(b, func(lesson string, i int) string { return editFirstWord(lesson, fmt.Sprintf("edit%d", i)) })
}

// BenchmarkEditTitle is BenchmarkEditOneLesson with the lesson's title
// changed: every page lists it in its sidebar or its module's lists, so
// every page is written again. It also reports ms/first-build, the
// server's first build of the whole site, which a title edit must not
// exceed (issue #10).
//
//	P2PC_BENCH_LESSONS=10000 go test -run XXX -bench EditTitle -benchtime 5x ./generator/serve/
func BenchmarkEditTitle(b *testing.B) {
	benchEdits(b, func(lesson string, i int) string {
		return strings.Replace(lesson, "\ntitle: ", fmt.Sprintf("\ntitle: edit%d ", i), 1)
	})
}

// benchEdits serves the synthetic curriculum and saves, each iteration,
// one lesson as edit changes it (i is the iteration), each time a page
// that is not the last one's; the edit must put "edit<i>" in its page.
func benchEdits(b *testing.B, edit func(lesson string, i int) string) {
	lessons := synthetic.Size(10000)
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	writeSynthetic(b, content, lessons)
	var stdout, stderr lockedBuffer
	start := time.Now()
	s, err := Start(Config{Addr: "127.0.0.1:0", Out: filepath.Join(dir, "public"),
		Content: os.DirFS(content), ContentDir: content, Layouts: builtinLayouts, Stdout: &stdout, Stderr: &stderr})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	first := time.Since(start)
	b.Logf("first build and write of %d lessons: %v", lessons, first.Round(time.Millisecond))
	events := subscribe(b, s.URL())

	var edits, rebuilds, files []time.Duration
	if name := os.Getenv("P2PC_CPUPROFILE"); name != "" { // of the edits alone
		f, err := os.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := (i*7919 + 13) % lessons
		file := filepath.Join(content, fmt.Sprintf("%03d-module-%d", n/100+1, n/100+1), lessonName(n))
		page := fmt.Sprintf("module-%d/lesson-%d/index.html", n/100+1, n)
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		edited := edit(string(data), i)
		builds := strings.Count(stdout.String(), "rebuilt in ")

		saved := time.Now()
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		for reloaded := false; !reloaded; {
			select {
			case ev := <-events:
				reloaded = ev.name == "reload" && strings.Contains(ev.data, `"`+page+`"`)
				if ev.name == "errors" {
					b.Fatalf("build failed: %s", ev.data)
				}
			case <-time.After(time.Minute):
				b.Fatalf("no reload for %s\n%s", page, stderr.String())
			}
		}
		edits = append(edits, time.Since(saved))

		b.StopTimer()
		if got, _ := os.ReadFile(filepath.Join(dir, "public", page)); !strings.Contains(string(got), fmt.Sprintf("edit%d", i)) {
			b.Fatalf("%s on disk does not have the edit", page)
		}
		rebuilds = append(rebuilds, lastDuration(b, stdout.String(), "rebuilt in ", builds))
		files = append(files, time.Duration(lastCount(b, stdout.String(), "rebuilt in ")))
		b.StartTimer()
	}
	b.ReportMetric(millis(median(edits)), "ms/edit")
	b.ReportMetric(millis(median(rebuilds)), "ms/rebuild")
	b.ReportMetric(float64(median(files)), "files/edit")
	b.ReportMetric(millis(first), "ms/first-build")
}

// editFirstWord replaces the first word of the lesson's text after its
// front matter, so the word count (and the navigation) stays the same.
func editFirstWord(lesson, word string) string {
	body := strings.Index(lesson, "\n---\n\n") + len("\n---\n\n")
	end := body + strings.IndexAny(lesson[body:], " .\n")
	return lesson[:body] + word + lesson[end:]
}

var durationAfter = regexp.MustCompile(`^[0-9.]+[µm]?s`)

// lastDuration returns the duration printed after prefix on the last line
// that has it; there must be more than before such lines.
func lastDuration(b *testing.B, log, prefix string, before int) time.Duration {
	b.Helper()
	if strings.Count(log, prefix) <= before {
		b.Fatalf("no new %q line in %s", prefix, log)
	}
	line := log[strings.LastIndex(log, prefix)+len(prefix):]
	d, err := time.ParseDuration(durationAfter.FindString(line))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var filesChanged = regexp.MustCompile(`: ([0-9]+) files changed`)

// lastCount returns the number of files changed on the last line that
// starts with prefix.
func lastCount(b *testing.B, log, prefix string) int {
	b.Helper()
	line := log[strings.LastIndex(log, prefix):]
	line, _, _ = strings.Cut(line, "\n")
	m := filesChanged.FindStringSubmatch(line)
	if m == nil {
		b.Fatalf("no file count in %q", line)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		b.Fatal(err)
	}
	return n
}
