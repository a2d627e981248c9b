package generator

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A BuildCache remembers, from one build into an output folder to the
// next, the digest of the inputs of every page and of the search index,
// with the size and modification time each file had when the build ended.
// A build that starts from it renders only the pages whose inputs changed,
// or whose file in the output folder is not as the last build left it.
//
// It is used only by the same p2pc program that wrote it (the same
// executable file), since another version may render the same inputs
// otherwise. It lives in the user's cache folder (p2pc/builds/ under
// os.UserCacheDir), one file per output folder, never in the output
// folder. A missing, unreadable or outdated cache only makes the build
// render everything; deleting it is always safe.
type BuildCache struct {
	path  string // the cache file
	out   string // the output folder, absolute
	files map[string]cachedFile
	docs  uint64 // digest of the search documents
}

type cachedFile struct {
	print uint64 // digest of the inputs ("" for files that are not pages)
	size  int64
	mtime int64 // nanoseconds
}

const buildCacheHeader = "p2pc-build-cache 2"

// programID names the running program: a cache written by another build of
// p2pc (which may render the same inputs otherwise) is not used. It is
// worked out once: the build and parse caches each ask when read and saved.
var programID = sync.OnceValue(func() string {
	id := "unknown"
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			id = fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		id += " " + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	return strings.ReplaceAll(id, "\n", " ")
})

// OpenBuildCache returns the cache of builds into the folder out, empty
// when there is none or it cannot be read.
func OpenBuildCache(out string) *BuildCache {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(abs))
	c := &BuildCache{path: filepath.Join(dir, "p2pc", "builds", strconv.FormatUint(h.Sum64(), 16)), out: abs, files: map[string]cachedFile{}}
	c.read()
	return c
}

// read loads the cache file; any fault leaves the cache empty.
func (c *BuildCache) read() {
	data, err := os.ReadFile(c.path)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != buildCacheHeader || !sc.Scan() || sc.Text() != programID() ||
		!sc.Scan() || sc.Text() != c.out || !sc.Scan() {
		return
	}
	docs, err := strconv.ParseUint(sc.Text(), 16, 64)
	if err != nil {
		return
	}
	files := map[string]cachedFile{}
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 4)
		if len(f) != 4 {
			return
		}
		var e cachedFile
		var err1, err2, err3 error
		e.print, err1 = strconv.ParseUint(f[0], 16, 64)
		e.size, err2 = strconv.ParseInt(f[1], 10, 64)
		e.mtime, err3 = strconv.ParseInt(f[2], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		files[f[3]] = e
	}
	c.files, c.docs = files, docs
}

// intact reports whether the file name in the output folder is as the
// last build left it: same size and modification time.
func (c *BuildCache) intact(name string) bool {
	e, ok := c.files[name]
	if !ok {
		return false
	}
	st, err := os.Lstat(filepath.Join(c.out, filepath.FromSlash(name)))
	return err == nil && st.Mode().IsRegular() && st.Size() == e.size && st.ModTime().UnixNano() == e.mtime
}

// Resume makes p's next run start from the build the cache remembers:
// a page whose inputs and file are unchanged is kept, not rendered, and
// a source whose parse key is unchanged is not parsed to be checked (see
// the parse cache).
func (p *Pipeline) Resume(c *BuildCache) {
	if c == nil || p.last != nil {
		return
	}
	p.spool = c.spoolDir()
	if !p.keep { // a server's pipeline keeps its parses already
		if parses := c.readParses(); parses != nil {
			p.parses = parses
		}
		p.keepParses = true
	}
	if len(c.files) == 0 {
		return
	}
	last := newLastRun(len(c.files))
	last.docs = c.docs
	names := slices.Collect(maps.Keys(c.files))
	intact := make([]bool, len(names))
	_ = parallel(len(names), func(i int) error { // a look at each file: on all cores
		intact[i] = c.intact(names[i])
		return nil
	})
	for i, name := range names {
		if !intact[i] {
			if strings.HasPrefix(name, "search/") {
				last.docs = 0 // the index is not whole: make it again
			}
			continue
		}
		last.outputs[name] = true
		if e := c.files[name]; e.print != 0 {
			last.prints[name] = e.print
		}
	}
	p.last, p.resumed = last, true
}

// Save records the run p just made into the output folder, once the
// folder holds it. A failure to save is returned but harms nothing.
func (c *BuildCache) Save(p *Pipeline) error {
	if c == nil || p.last == nil {
		return nil
	}
	err := writeCacheFile(c.path, func(w io.Writer) error {
		fmt.Fprintf(w, "%s\n%s\n%s\n%x\n", buildCacheHeader, programID(), c.out, p.last.docs)
		for _, name := range p.last.names() {
			st, err := os.Lstat(filepath.Join(c.out, filepath.FromSlash(name)))
			if err != nil || !st.Mode().IsRegular() || strings.ContainsAny(name, "\n\r") {
				continue
			}
			print, _ := p.last.print(name)
			fmt.Fprintf(w, "%x %d %d %s\n", print, st.Size(), st.ModTime().UnixNano(), name)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("build cache: %w", err)
	}
	if p.keepParses {
		return c.writeParses(p.parses)
	}
	return nil
}

// writeCacheFile writes a cache file whole, as write makes it piece by
// piece through a buffer: to a temporary file beside it, then renamed
// into place.
func writeCacheFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
