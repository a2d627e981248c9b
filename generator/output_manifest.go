package generator

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The manifest, MarkerFile, is a text file:
//
//	p2pc-site 1
//	# comment lines
//	SIZE HASH PATH
//
// one line per file the tool wrote, sorted by path: the size in bytes, the
// hash of the bytes (sum, 16 hex digits), and the slash-separated path,
// written as it is unless it starts with a quote or holds a control
// character (then Go-quoted). A file whose size and hash are not known (a
// file of the earlier versions, or named by PendingFile) has "- -".
// Nothing else is in it, so two builds of the same site write the same
// manifest.

// manifestHeader starts every manifest. legacyMarker starts the marker file
// of the versions of p2pc that replaced the whole folder.
const (
	manifestHeader = "p2pc-site 1\n"
	legacyMarker   = "Written by the p2pc site generator"
)

// manifestCache keeps the last manifest this process read or wrote, so
// that a server rebuilding after every save does not read and parse it
// again. It is used while the file on disk is that same file (os.SameFile:
// every manifest is a new file renamed into place), of the same size and
// time.
var manifestCache struct {
	sync.Mutex
	dir   string
	info  fs.FileInfo
	files map[string]entry // never changed once cached (see Output.manifest)
	names []string         // its keys, sorted
	data  []byte
	lines []int // where each name's line starts in data, and data's end
	// kept is what the build that wrote it kept, for the next (see keptCall)
	kept map[string]keptCall
}

// cacheManifest remembers the manifest of dir.
func cacheManifest(dir string, info fs.FileInfo, files map[string]entry, names []string, data []byte, lines []int, kept map[string]keptCall) {
	c := &manifestCache
	c.Lock()
	defer c.Unlock()
	c.dir, c.info, c.files, c.names, c.data, c.lines, c.kept = dir, info, files, names, data, lines, kept
}

// cachedManifest gives the remembered manifest of dir when info is still
// its file.
func cachedManifest(dir string, info fs.FileInfo) (map[string]entry, []string, []byte, []int, map[string]keptCall, bool) {
	c := &manifestCache
	c.Lock()
	defer c.Unlock()
	if c.dir != dir || c.info == nil || !os.SameFile(c.info, info) || c.info.Size() != info.Size() || !c.info.ModTime().Equal(info.ModTime()) {
		return nil, nil, nil, nil, nil, false
	}
	return c.files, c.names, c.data, c.lines, c.kept, true
}

// readManifest reads MarkerFile: the files of the last build that closed.
func (o *Output) readManifest() error {
	p := filepath.Join(o.dir, MarkerFile)
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", MarkerFile)
	}
	o.marked, o.stamp = true, st.ModTime()
	if files, names, data, lines, kept, ok := cachedManifest(o.dir, st); ok {
		o.old, o.oldNames, o.oldBytes, o.oldLines, o.shared, o.lastKept = files, names, data, lines, true, kept
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	switch {
	case bytes.HasPrefix(data, []byte(legacyMarker)):
		return o.adopt() // written by a version that swapped in whole folders
	case !bytes.HasPrefix(data, []byte(manifestHeader)):
		// empty or cut short: a power cut soon after a build can leave it
		// so (files are not synced). Nothing says which files are ours, so
		// none is touched.
		return fmt.Errorf("%s is not a manifest p2pc can read (empty or cut short, as a power cut may leave it): remove the output folder and build again", MarkerFile)
	}
	n := bytes.Count(data, []byte("\n"))
	o.old, o.oldNames, o.oldBytes = make(map[string]entry, n), make([]string, 0, n), data
	rest := string(data)
	for i := 1; rest != ""; i++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if i == 1 || line == "" || line[0] == '#' {
			continue
		}
		name, e, err := parseEntry(line)
		if err != nil {
			return fmt.Errorf("%s line %d: %w (remove the output folder and build again)", MarkerFile, i, err)
		}
		if _, dup := o.old[name]; !dup {
			o.oldNames = append(o.oldNames, name)
		}
		o.old[name] = e
	}
	if !slices.IsSorted(o.oldNames) {
		slices.Sort(o.oldNames)
	}
	placeEntries(o.old, o.oldNames)
	o.shared = true
	if canonical, lines := renderManifest(o.oldNames, o.old); bytes.Equal(canonical, data) {
		o.oldLines = lines // as this version writes it: patchManifest may patch it
	}
	cacheManifest(o.dir, st, o.old, o.oldNames, data, o.oldLines, nil)
	return nil
}

// own adds names to the files of the previous builds, with nothing known
// of them but that they are the tool's.
func (o *Output) own(names []string) {
	if o.shared {
		o.old, o.oldNames, o.shared = maps.Clone(o.old), slices.Clone(o.oldNames), false
	}
	o.oldLines = nil // oldNames no longer match the manifest's lines
	o.lastKept = nil // nor the places the last build kept
	for _, name := range names {
		if _, ok := o.old[name]; !ok {
			o.old[name] = entry{}
			o.oldNames = append(o.oldNames, name)
		}
	}
	slices.Sort(o.oldNames)
	placeEntries(o.old, o.oldNames)
}

// placeEntries sets where each entry of files is among names, its keys
// sorted.
func placeEntries(files map[string]entry, names []string) {
	for i, name := range names {
		e := files[name]
		e.at = int32(i)
		files[name] = e
	}
}

// adopt takes every file in the folder for the tool's: the marker file of
// the earlier versions said the whole folder was theirs.
func (o *Output) adopt() error {
	var names []string
	err := filepath.WalkDir(o.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(o.dir, p)
		name := filepath.ToSlash(rel)
		if !d.IsDir() && checkName(name) == nil {
			names = append(names, name)
		}
		return nil
	})
	o.own(names)
	return err
}

// readPending reads PendingFile, left by a build that did not close: the
// names it lists are the tool's too.
func (o *Output) readPending() error {
	data, err := os.ReadFile(filepath.Join(o.dir, PendingFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	o.pending = true
	lines := strings.Split(string(data), "\n")
	var names []string
	for _, line := range lines[:len(lines)-1] { // the last is cut short or empty
		name, err := unquoteName(line)
		if err == nil && checkName(name) == nil { // (a name written there was checked)
			names = append(names, name)
		}
	}
	o.own(names)
	return nil
}

// removeTemporary removes the temporary files a build that did not close
// may have left: beside a name of the manifest or of PendingFile.
func (o *Output) removeTemporary() error {
	return parallel(len(o.oldNames), func(i int) error {
		dir, base := path.Split(o.oldNames[i])
		inside, err := o.folder(path.Clean("./"+dir), false)
		if err != nil || !inside {
			return err
		}
		tmp := filepath.Join(o.dir, filepath.FromSlash(dir), "."+base+tmpSuffix)
		if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove a temporary file left by a stopped build: %w", err)
		}
		return nil
	})
}

// parseEntry reads a manifest line.
func parseEntry(line string) (string, entry, error) {
	size, rest, ok1 := strings.Cut(line, " ")
	hash, quoted, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return "", entry{}, fmt.Errorf("%q is not a line of a manifest", line)
	}
	name, err := unquoteName(quoted)
	if err == nil {
		err = checkName(name)
	}
	if err != nil {
		return "", entry{}, err
	}
	if size == "-" && hash == "-" {
		return name, entry{}, nil
	}
	n, err1 := strconv.ParseInt(size, 10, 64)
	h, err2 := strconv.ParseUint(hash, 16, 64)
	if err1 != nil || err2 != nil || n < 0 || len(hash) != 16 {
		return "", entry{}, fmt.Errorf("%q is not a line of a manifest", line)
	}
	return name, entry{size: n, hash: h, known: true}, nil
}

// quoteName writes a name as it is unless it needs quoting to stay on one
// line of the manifest: it starts with a quote or holds a control
// character.
func quoteName(name string) string {
	if name[0] == '"' || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return strconv.Quote(name)
	}
	return name
}

func unquoteName(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		name, err := strconv.Unquote(s)
		if err != nil {
			return "", fmt.Errorf("bad quoted name %s", s)
		}
		return name, nil
	}
	return s, nil
}

// manifest returns this build's files, their names sorted, the text of
// their manifest and where each name's line starts in it (and its end).
// The map is new, or old's when no file changed: a cached map is never
// changed.
func (o *Output) manifest() (map[string]entry, []string, []byte, []int) {
	if data, lines, changed, ok := o.patchManifest(); ok {
		files := o.old
		if len(changed) > 0 {
			files = maps.Clone(o.old) // a copy of its tables, not a map made again
			for _, i := range changed {
				name := o.oldNames[i]
				e := o.now[name]
				e.at = int32(i)
				files[name] = e
			}
		}
		return files, o.oldNames, data, lines
	}
	slices.Sort(o.added)
	files := make(map[string]entry, o.inOld+len(o.added))
	names := make([]string, 0, o.inOld+len(o.added))
	for i, j := 0, 0; i < len(o.oldNames) || j < len(o.added); {
		var name string
		if j == len(o.added) || i < len(o.oldNames) && o.oldNames[i] < o.added[j] {
			if name, i = o.oldNames[i], i+1; !o.isTaken(i - 1) {
				continue // gone
			}
		} else {
			name, j = o.added[j], j+1
		}
		e, put := o.now[name]
		if !put {
			e = o.old[name] // kept
		}
		e.at = int32(len(names))
		files[name] = e
		names = append(names, name)
	}
	data, lines := renderManifest(names, files)
	return files, names, data, lines
}

// renderManifest is the manifest of the files names (sorted) as files has
// them, and where each name's line starts in it (and its end).
func renderManifest(names []string, files map[string]entry) ([]byte, []int) {
	var b bytes.Buffer
	b.Grow(len(manifestHeader) + 200 + len(names)*64)
	b.WriteString(manifestHeader)
	b.WriteString("# The files the p2pc site generator wrote in this folder: size, hash (CRC-32C and CRC-32), path.\n")
	b.WriteString("# The next build replaces or removes them; it leaves every other file as it is.\n")
	lines := make([]int, 0, len(names)+1)
	var line []byte
	for _, name := range names {
		lines = append(lines, b.Len())
		line = manifestLine(line[:0], name, files[name])
		b.Write(line)
	}
	return b.Bytes(), append(lines, b.Len())
}

// manifestLine appends the manifest's line for the file name to line.
func manifestLine(line []byte, name string, e entry) []byte {
	if e.known {
		line = strconv.AppendInt(line, e.size, 10)
		line = append(line, ' ')
		line = append(line, "0000000000000000"[:16-hexLen(e.hash)]...)
		line = strconv.AppendUint(line, e.hash, 16)
		line = append(line, ' ')
	} else {
		line = append(line, "- - "...)
	}
	line = append(line, quoteName(name)...)
	return append(line, '\n')
}

// patchManifest makes this build's manifest from the last one when the
// build has the same files (a server's edit, mostly): the lines of the
// files Put are made again, the others copied. Making all 20,000 lines of
// a 10,000-lesson site took 3 ms of a 42 ms edit. changed are the places
// in oldNames of the lines that changed, in order. ok is false when the
// files differ or where each line starts is not known.
func (o *Output) patchManifest() (data []byte, lines, changed []int, ok bool) {
	if o.oldLines == nil || len(o.oldLines) != len(o.oldNames)+1 || o.inOld != len(o.oldNames) || len(o.skipped) > 0 || len(o.added) > 0 {
		return nil, nil, nil, false
	}
	for _, name := range o.claimed {
		if e, was := o.now[name], o.old[name]; !e.same(was) {
			changed = append(changed, int(was.at))
		}
	}
	manifestsPatched.Add(1)
	if len(changed) == 0 {
		return o.oldBytes, o.oldLines, nil, true
	}
	slices.Sort(changed)
	data = make([]byte, 0, len(o.oldBytes)+64*len(changed))
	data = append(data, o.oldBytes[:o.oldLines[0]]...) // the header
	lines = make([]int, len(o.oldLines))
	next := 0                 // the first line not placed yet
	copyTo := func(end int) { // copies lines next..end-1 as they are
		shift := len(data) - o.oldLines[next]
		for j := next; j < end; j++ {
			lines[j] = o.oldLines[j] + shift
		}
		data = append(data, o.oldBytes[o.oldLines[next]:o.oldLines[end]]...)
		next = end
	}
	for _, i := range changed {
		copyTo(i)
		lines[i] = len(data)
		data = manifestLine(data, o.oldNames[i], o.now[o.oldNames[i]])
		next = i + 1
	}
	copyTo(len(o.oldNames))
	lines[len(o.oldNames)] = len(data)
	return data, lines, changed, true
}

// manifestsPatched counts the manifests patchManifest made, for tests.
var manifestsPatched atomic.Int64

// hexLen is the number of hex digits of h.
func hexLen(h uint64) int {
	n := 1
	for h >= 16 {
		h >>= 4
		n++
	}
	return n
}

// sum is the hash the manifest keeps of a file: its CRC-32C and its
// CRC-32 (IEEE), both computed by the processor, together as likely to
// collide as one 64-bit CRC.
func sum(data []byte) uint64 {
	return uint64(crc32.Checksum(data, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(data))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeManifest writes the manifest through a temporary file.
// Like every file it is exchanged with the last one (replaceFile), so a
// power cut soon after may leave it empty: readManifest then refuses the
// folder rather than guess which files are the tool's.
func (o *Output) writeManifest(data []byte) error {
	p := filepath.Join(o.dir, MarkerFile)
	return o.writeFile(p, p+tmpSuffix, data)
}
