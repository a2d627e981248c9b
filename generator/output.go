package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// An Output writes a site into an output folder file by file, writing only
// the files whose bytes differ from what the folder holds, and removing, at
// Close, the files the previous build wrote that this one did not.
//
// The folder's manifest, MarkerFile, lists the files the tool wrote, each
// with its size and hash. Only those files are ever replaced or removed: a
// file the manifest does not list (put there by hand) is left as it is,
// even when the site has a file of that name (Changes.Skipped), and
// Foreign lists them all.
//
// Each file is written to a temporary file beside it (".NAME.p2pc-tmp")
// and renamed into place (on Linux, exchanged with the file it replaces:
// see replaceFile), so no file is ever seen half-written. A name the
// manifest does not list yet is first appended to PendingFile, and that
// file exists from the first change on disk until Close has written the
// new manifest: a build killed at any point leaves every file whole (its
// old or its new bytes) and every name it may have written on record. The
// next build removes the temporary files it left before its own first
// change, and its Close removes what the site no longer has and writes the
// manifest: the folder is then what a clean build leaves, byte for byte.
// Until its first change an Output only reads the folder, so a build that
// fails before writing (content errors) leaves it as it was.
//
// A file is taken to be unchanged without reading it when its size is the
// manifest's, it was last modified before the manifest was written, and
// the new bytes have the manifest's hash; otherwise its bytes are read and
// compared (a file changed by hand keeps neither its time nor, mostly, its
// size). Nothing is written outside the folder: names are clean
// slash-separated paths inside it, and a symbolic link to a folder inside
// it is an error naming it before anything is read, written or removed
// through it (a file found unchanged from the manifest alone is not looked
// at, but Foreign lists the link).
//
// A folder the build made itself is taken to hold only what the build puts
// in it, so a file there is written without a look first: no other program
// may write into the output folder while a build runs.
//
// Put and Keep may be called from many goroutines at once.
type Output struct {
	dir string // absolute

	old      map[string]entry // the files of the previous builds: manifest and pending
	oldNames []string         // the keys of old, sorted
	shared   bool             // old and oldNames are the manifest cache's: copy before a change
	oldBytes []byte           // the manifest as read ("" when none)
	// oldLines are where each of oldNames' lines starts in oldBytes, and
	// its end last; nil when not known (see patchManifest)
	oldLines []int
	stamp    time.Time // the manifest's modification time
	marked   bool      // the folder has a manifest
	pending  bool      // PendingFile existed or was made

	noTrust bool // read and compare every file (for benchmarks)
	// stop, set by tests, is called at each point where a killed build
	// may stop; an error it returns stops the build there, as a kill
	// would: nothing is cleaned up.
	stop func() error

	startMu  sync.Mutex // held by start
	started  bool
	startErr error

	mu  sync.Mutex
	now map[string]entry // the names Put, and those kept that old has not
	// taken marks, by their place in oldNames, the names of old this
	// build Put or kept: a server's edit keeps thousands of names, and
	// marking each is one look-up in old, not a copy of old made again
	taken   []uint64
	added   []string        // names Put that the previous builds did not write
	claimed []string        // names Put, in no order
	inOld   int             // names of old Put or kept: all of old when len(oldNames)
	skipped []string        // names Put or kept that a foreign file holds
	dirs    map[string]bool // folders known to be real folders inside dir
	made    map[string]bool // folders this build made: all in them, it put there
	journal *os.File        // PendingFile, open from the first change
	changes Changes
	// lastKept and kept are what the last build and this one kept, by
	// call (see keptCall)
	lastKept, kept map[string]keptCall
	refresh        bool  // a file newer than the manifest was found unchanged
	failed         error // the first Put that failed
	closed         bool
}

// entry is what the manifest says of one file.
type entry struct {
	size    int64
	hash    uint64
	known   bool // size and hash are known (else: only that the file is ours)
	skipped bool // a foreign file holds the name: not ours, not written
	// at is the name's place among the sorted names of the manifest
	// the entry is in (Output.oldNames); 0 in this build's entries
	at int32
}

// same reports whether e and f say the same of a file, wherever each is.
func (e entry) same(f entry) bool {
	e.at = f.at
	return e == f
}

// Changes says what an Output changed on disk. The lists are sorted.
type Changes struct {
	// Written are the files written: new, or with new bytes.
	Written []string
	// Removed are the files of the previous build that this one did not
	// make, removed (a folder they leave empty goes too).
	Removed []string
	// Skipped are files of the site that were not written because a file
	// the tool did not write holds the name; that file was left as it is.
	Skipped []string
}

// Changed lists the written and the removed files, sorted.
func (c *Changes) Changed() []string {
	all := slices.Concat(c.Written, c.Removed)
	slices.Sort(all)
	return all
}

// PendingFile sits beside the manifest while a build is changing the
// output folder: it lists the names the build may have written that the
// manifest does not list yet. It is gone once a build has closed.
const PendingFile = MarkerFile + ".pending"

// tmpSuffix ends the name of the temporary file a file is written to
// before it is renamed into place: dir/.NAME.p2pc-tmp.
const tmpSuffix = ".p2pc-tmp"

// OpenOutput opens the folder dir (made at the first change when absent)
// to write a site into, reading its manifest and the PendingFile a stopped
// build left. Put (or Keep) the site's files, then Close; or Abort.
func OpenOutput(dir string) (*Output, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	o := &Output{dir: abs, old: map[string]entry{}, now: map[string]entry{}, dirs: map[string]bool{}, made: map[string]bool{}}
	st, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return o, nil
	}
	if err == nil && !st.IsDir() {
		err = errors.New("not a folder")
	}
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if err := o.readManifest(); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	if err := o.readPending(); err != nil {
		return nil, fmt.Errorf("output folder %s: %w", dir, err)
	}
	o.taken = make([]uint64, (len(o.oldNames)+63)/64)
	return o, nil
}

// checkName accepts a clean slash-separated path inside the output folder
// that is not one of the tool's own files there.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", name)
	}
	if reserved(name) {
		return fmt.Errorf("refusing to write %q: the name of a file p2pc keeps in the output folder", name)
	}
	return nil
}

// reserved reports whether name is the manifest's, PendingFile's or a
// temporary file's.
func reserved(name string) bool {
	return strings.HasPrefix(name, MarkerFile) || strings.HasSuffix(name, tmpSuffix)
}

// Put writes the file name (a slash-separated path inside the folder) with
// data, unless the folder holds those bytes there already, or a file the
// tool did not write holds the name (see Changes.Skipped). Each name may
// be Put once.
func (o *Output) Put(name string, data []byte) error {
	err := checkName(name)
	if err == nil {
		err = o.claim(name)
	}
	if err == nil {
		if err = o.put(name, data); err != nil {
			err = fmt.Errorf("write %s: %w", name, err)
		}
	}
	if err != nil {
		o.mu.Lock()
		if o.failed == nil {
			o.failed = err
		}
		o.mu.Unlock()
	}
	return err
}

// claim records that name is Put or kept in this build.
func (o *Output) claim(name string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return fmt.Errorf("write %s: the output is closed", name)
	}
	if e, ours := o.old[name]; ours {
		if !o.take(e.at) {
			return fmt.Errorf("write %s: written twice in one build", name)
		}
	} else if _, dup := o.now[name]; dup {
		return fmt.Errorf("write %s: written twice in one build", name)
	}
	o.now[name] = entry{}
	o.claimed = append(o.claimed, name)
	return nil
}

// take marks the name at place i of oldNames Put or kept, and reports
// whether it was not yet; o.mu is held.
func (o *Output) take(i int32) bool {
	w, bit := i/64, uint64(1)<<(i%64)
	if o.taken[w]&bit != 0 {
		return false
	}
	o.taken[w] |= bit
	o.inOld++
	return true
}

// isTaken reports whether the name at place i of oldNames was Put or kept.
func (o *Output) isTaken(i int) bool { return o.taken[i/64]&(1<<(i%64)) != 0 }

func (o *Output) put(name string, data []byte) error {
	dir, base := path.Split(name)
	dir = path.Clean("./" + dir)
	hash := sum(data)
	e := entry{size: int64(len(data)), hash: hash, known: true}
	prev, ours := o.old[name]
	p := filepath.Join(o.dir, filepath.FromSlash(name))

	// The file as the manifest has it, older than the manifest: unchanged
	// when the bytes have its hash. Its folders are not looked at: nothing
	// is read or written.
	var st fs.FileInfo
	statErr := fs.ErrNotExist // in a folder this build made, a file is new
	if !o.fresh(dir) {
		st, statErr = os.Lstat(p)
	}
	if statErr == nil && ours && prev.known && !o.noTrust && st.Mode().IsRegular() &&
		st.Size() == e.size && st.ModTime().Before(o.stamp) && prev.hash == hash {
		o.record(name, e)
		return nil
	}
	inside, err := o.folder(dir, false)
	if err != nil {
		return err
	}
	switch {
	case !inside:
		st = nil
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return statErr
	}
	switch {
	case st == nil: // a new file
	case st.IsDir():
		if err := o.clearFolder(name); err != nil {
			return err
		}
	case !ours:
		o.mu.Lock()
		o.now[name] = entry{skipped: true}
		o.skipped = append(o.skipped, name)
		o.mu.Unlock()
		return nil
	case st.Mode().IsRegular() && st.Size() == e.size:
		if !o.noTrust && prev.known && st.ModTime().Before(o.stamp) {
			break // the file holds the manifest's bytes, and they changed
		}
		same, err := sameBytes(p, data)
		if err != nil {
			return err
		}
		if same {
			o.mu.Lock()
			o.refresh = o.refresh || st.ModTime().After(o.stamp)
			o.mu.Unlock()
			o.record(name, e)
			return nil
		}
	}
	if err := o.start(); err != nil {
		return err
	}
	if !ours {
		if err := o.note(name); err != nil {
			return err
		}
	}
	if _, err := o.folder(dir, true); err != nil {
		return err
	}
	created := false
	if st == nil { // a new file: made whole, without a name, then named (see createFile)
		var err error
		if created, err = createFile(p, data, o.stopped); err != nil {
			return err
		}
	}
	if !created {
		if err := o.writeFile(p, filepath.Join(filepath.Dir(p), "."+base+tmpSuffix), data); err != nil {
			return err
		}
	}
	o.mu.Lock()
	o.changes.Written = append(o.changes.Written, name)
	o.mu.Unlock()
	o.record(name, e)
	return nil
}

// record sets what the manifest will say of name.
func (o *Output) record(name string, e entry) {
	o.mu.Lock()
	o.now[name] = e
	o.mu.Unlock()
}

// Keep keeps the files of the previous build with these names as they
// are, without looking at them: the caller knows their bytes did not
// change (a server that rebuilt part of a site it wrote). A name the
// previous build did not write is left alone.
func (o *Output) Keep(names ...string) error {
	if len(names) == 0 {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	last := o.lastKept[names[0]]
	// a copy of names: the caller may reuse its slice
	call := keptCall{names: slices.Clone(names), at: make([]int32, len(names))}
	j := 0 // where last is: one name behind or ahead of names at most
	for i, name := range names {
		at := int32(-1)
		for k := j; k < min(j+2, len(last.names)); k++ {
			if last.names[k] == name {
				at, j = last.at[k], k+1
				break
			}
		}
		at, err := o.keep(name, at)
		if err != nil {
			if o.failed == nil {
				o.failed = err
			}
			return err
		}
		call.at[i] = at
	}
	if o.kept == nil {
		o.kept = map[string]keptCall{}
	}
	o.kept[names[0]] = call
	return nil
}

// A keptCall is one call of Keep: its names, and the place of each among
// oldNames (-1: not one of them). A server's edit keeps every page it did
// not render in one call, with the names the last edit's call had (but
// the page it rendered and the one the last edit did), in the same order,
// and often the same strings: looking each up in old cost 4 ms an edit at
// 10,000 lessons, most of it waiting for memory. The next build, when its
// manifest has the same names (so the same places), finds a name's place
// in the last call that began with the same name, at the next name there
// or the one after: a string comparison, which takes no time when both
// are the same string.
type keptCall struct {
	names []string
	at    []int32
}

// keptPlaced counts the names Keep found the place of in a keptCall, for
// tests.
var keptPlaced atomic.Int64

// keep keeps one file, given its place among oldNames when known (else
// -1), and returns that place (-1: not among them); o.mu is held.
func (o *Output) keep(name string, at int32) (int32, error) {
	if o.closed {
		return -1, fmt.Errorf("keep %s: the output is closed", name)
	}
	if at >= 0 {
		keptPlaced.Add(1)
		if !o.take(at) {
			return -1, fmt.Errorf("keep %s: written twice in one build", name)
		}
		return at, nil
	}
	e, ours := o.old[name]
	if ours {
		at = e.at
	}
	return at, o.keepLooked(name, e, ours)
}

// keepLooked is keep for a name looked up in old.
func (o *Output) keepLooked(name string, e entry, ours bool) error {
	switch {
	case ours && !o.take(e.at):
		return fmt.Errorf("keep %s: written twice in one build", name)
	case ours:
		return nil // the manifest says of it what old does
	}
	if _, dup := o.now[name]; dup {
		return fmt.Errorf("keep %s: written twice in one build", name)
	}
	o.now[name] = entry{skipped: true}
	o.skipped = append(o.skipped, name)
	return nil
}

// PutAll puts every file of a site, on all cores. Every name is checked
// before anything is written.
func (o *Output) PutAll(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if err := checkName(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return parallel(len(names), func(i int) error {
		return o.Put(names[i], files[names[i]])
	})
}

// start readies the folder for changes, once, before the first change:
// it makes the folder, removes the temporary files a stopped build left,
// makes an empty manifest when there is none, and opens PendingFile.
// Until then the folder is only read, so that a build that fails before
// writing leaves it as it was.
func (o *Output) start() error {
	o.startMu.Lock()
	defer o.startMu.Unlock()
	if o.started {
		return o.startErr
	}
	o.started = true
	o.startErr = func() error {
		if err := os.MkdirAll(o.dir, 0o755); err != nil {
			return err
		}
		if o.pending {
			if err := o.removeTemporary(); err != nil {
				return err
			}
		}
		if err := os.Remove(filepath.Join(o.dir, MarkerFile+tmpSuffix)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if !o.marked {
			if err := o.writeManifest([]byte(manifestHeader)); err != nil {
				return err
			}
		}
		f, err := os.OpenFile(filepath.Join(o.dir, PendingFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		o.mu.Lock()
		o.journal, o.pending = f, true
		o.mu.Unlock()
		return nil
	}()
	if o.startErr != nil {
		o.startErr = fmt.Errorf("output folder %s: %w", o.dir, o.startErr)
	}
	return o.startErr
}

// note appends name to PendingFile before its file is made.
func (o *Output) note(name string) error {
	line := quoteName(name) + "\n"
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, err := o.journal.WriteString(line); err != nil {
		return fmt.Errorf("output folder %s: %s: %w", o.dir, PendingFile, err)
	}
	o.added = append(o.added, name)
	return o.stopped()
}

// folder reports whether the folder rel (slash-separated, "." for the
// output folder) exists as a real folder, making it and the folders above
// it when create is set. A symbolic link or a file on the way is an error.
func (o *Output) folder(rel string, create bool) (bool, error) {
	if rel == "." {
		if !create {
			return true, nil
		}
		return true, os.MkdirAll(o.dir, 0o755)
	}
	o.mu.Lock()
	known := o.dirs[rel]
	o.mu.Unlock()
	if known {
		return true, nil
	}
	if inside, err := o.folder(path.Dir(rel), create); err != nil || !inside {
		return false, err
	}
	p := filepath.Join(o.dir, filepath.FromSlash(rel))
	var st fs.FileInfo
	err := fs.ErrNotExist // in a folder this build made, one it has not made yet
	if !o.fresh(rel) {
		st, err = os.Lstat(p)
	}
	if errors.Is(err, fs.ErrNotExist) && create {
		mkErr := os.Mkdir(p, 0o755)
		if mkErr != nil && !errors.Is(mkErr, fs.ErrExist) {
			return false, mkErr
		}
		if err := o.stopped(); err != nil {
			return false, err
		}
		if mkErr == nil { // a folder of its own: what is in it, this build puts there
			o.mu.Lock()
			o.dirs[rel], o.made[rel] = true, true
			o.mu.Unlock()
			return true, nil
		}
		st, err = os.Lstat(p) // made meanwhile by another Put, or there after all
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case st.Mode()&fs.ModeSymlink != 0:
		return false, fmt.Errorf("%s in the output folder is a symbolic link: refusing to write through it", rel)
	case st.Mode().IsRegular() && !create:
		return false, nil // nothing inside it; when made, see below
	case st.Mode().IsRegular():
		if _, ours := o.old[rel]; !ours {
			return false, fmt.Errorf("%s in the output folder is a file the tool did not write, where the site has a folder", rel)
		}
		// The previous build's file; this build has a folder there.
		if err := o.removeFile(rel); err != nil {
			return false, err
		}
		return o.folder(rel, create)
	case !st.IsDir():
		return false, fmt.Errorf("%s in the output folder is not a folder", rel)
	}
	o.mu.Lock()
	o.dirs[rel] = true
	o.mu.Unlock()
	return true, nil
}

// fresh reports whether the folder rel holds nothing this build did not
// put there: this build made it, or made the folder it would be in and
// has not made it yet (so it does not exist).
func (o *Output) fresh(rel string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.made[rel] || rel != "." && !o.dirs[rel] && o.made[path.Dir(rel)]
}

// clearFolder removes the previous build's files in the folder name, where
// this build has a file; a file the tool did not write there is an error.
func (o *Output) clearFolder(name string) error {
	if err := o.start(); err != nil {
		return err
	}
	var names []string
	for old := range o.old {
		if strings.HasPrefix(old, name+"/") {
			names = append(names, old)
		}
	}
	for _, old := range names {
		if err := o.removeFile(old); err != nil {
			return err
		}
	}
	if err := o.pruneFolders(names); err != nil {
		return err
	}
	if _, err := os.Lstat(filepath.Join(o.dir, filepath.FromSlash(name))); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s in the output folder is a folder holding files the tool did not write, where the site has a file", name)
	}
	return nil
}

// removeFile removes the previous build's file name, if it is there.
func (o *Output) removeFile(name string) error {
	inside, err := o.folder(path.Dir(name), false)
	if err != nil || !inside {
		return err
	}
	p := filepath.Join(o.dir, filepath.FromSlash(name))
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		return nil // not a file any more: whatever is in it is not the manifest's
	}
	if err := o.start(); err != nil {
		return err
	}
	if err := o.stopped(); err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", name, err)
	}
	o.mu.Lock()
	o.changes.Removed = append(o.changes.Removed, name)
	o.mu.Unlock()
	return nil
}

// pruneFolders removes the folders of the names, and the folders above
// them, that are empty, deepest first.
func (o *Output) pruneFolders(names []string) error {
	seen := map[string]bool{}
	var dirs []string
	for _, name := range names {
		for dir := path.Dir(name); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			dirs = append(dirs, dir)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		if d := strings.Count(b, "/") - strings.Count(a, "/"); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, dir := range dirs {
		if inside, err := o.folder(dir, false); err != nil || !inside {
			continue
		}
		if err := o.stopped(); err != nil {
			return err
		}
		if os.Remove(filepath.Join(o.dir, filepath.FromSlash(dir))) == nil { // else not empty
			o.mu.Lock()
			delete(o.dirs, dir)
			delete(o.made, dir)
			o.mu.Unlock()
		}
	}
	return nil
}

// Close finishes the build: it removes the files of the previous build
// that were neither Put nor kept, and the folders they leave empty, then
// writes the manifest (when anything changed) and removes PendingFile. It
// returns what changed. After an error the folder is as a stopped build
// leaves it: the next build repairs it.
func (o *Output) Close() (*Changes, error) {
	o.mu.Lock()
	if o.closed {
		o.mu.Unlock()
		return nil, errors.New("output closed twice")
	}
	o.closed = true
	failed := o.failed
	o.mu.Unlock()
	if failed != nil {
		o.abort()
		return nil, failed
	}
	var gone []string
	for i, name := range o.oldNames {
		if o.inOld == len(o.oldNames) {
			break // every old name was Put or kept: a server's edit, mostly
		}
		if !o.isTaken(i) {
			gone = append(gone, name)
		}
	}
	err := parallel(len(gone), func(i int) error { return o.removeFile(gone[i]) })
	if err == nil {
		err = o.pruneFolders(gone)
	}
	if err != nil {
		o.abort()
		return nil, err
	}

	files, names, manifest, lines := o.manifest()
	if o.pending || o.refresh || !o.marked || !bytes.Equal(manifest, o.oldBytes) {
		if err := o.start(); err != nil {
			o.abort()
			return nil, err
		}
		if err := o.writeManifest(manifest); err != nil {
			o.abort()
			return nil, fmt.Errorf("output folder %s: %w", o.dir, err)
		}
	}
	if st, err := os.Lstat(filepath.Join(o.dir, MarkerFile)); err == nil {
		var kept map[string]keptCall
		if len(names) == len(o.oldNames) && (len(names) == 0 || &names[0] == &o.oldNames[0] || slices.Equal(names, o.oldNames)) {
			kept = o.kept // the same names in the same places
		}
		cacheManifest(o.dir, st, files, names, manifest, lines, kept)
	}
	if o.journal != nil {
		o.journal.Close()
	}
	if o.pending {
		if err := o.stopped(); err != nil {
			return nil, err
		}
		if err := os.Remove(filepath.Join(o.dir, PendingFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("output folder %s: %w", o.dir, err)
		}
	}
	c := o.changes
	for _, name := range o.skipped {
		if _, err := os.Lstat(filepath.Join(o.dir, filepath.FromSlash(name))); err == nil {
			c.Skipped = append(c.Skipped, name)
		}
	}
	slices.Sort(c.Written)
	slices.Sort(c.Removed)
	slices.Sort(c.Skipped)
	return &c, nil
}

// Abort gives up the build: the files Put so far stay, each whole, and
// PendingFile stays, so that the next build repairs the folder.
func (o *Output) Abort() {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	o.abort()
}

func (o *Output) abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.journal != nil {
		o.journal.Close()
		o.journal = nil
	}
}

// Foreign walks the output folder and lists, sorted, the files (and
// symbolic links) in it that the tool did not write. Call it after Close.
func (o *Output) Foreign() ([]string, error) {
	var foreign []string
	err := filepath.WalkDir(o.dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == o.dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(o.dir, p)
		name := filepath.ToSlash(rel)
		if name == MarkerFile || name == PendingFile {
			return nil
		}
		if !o.ours(name) {
			foreign = append(foreign, name)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", o.dir, err)
	}
	return foreign, nil
}

// ours reports whether this build wrote or kept the file name.
func (o *Output) ours(name string) bool {
	if e, ok := o.now[name]; ok {
		return !e.skipped
	}
	e, ok := o.old[name]
	return ok && o.isTaken(int(e.at))
}

// stopped calls the test hook o.stop.
func (o *Output) stopped() error {
	if o.stop == nil {
		return nil
	}
	return o.stop()
}

// writeFile writes data to tmp and puts it in place of dst (replaceFile).
func (o *Output) writeFile(dst, tmp string, data []byte) error {
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if err := o.stopped(); err != nil {
			return err
		}
		err = replaceFile(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// readBuf holds buffers for reading files to compare.
var readBuf = sync.Pool{New: func() any { return new([]byte) }}

// sameBytes reports whether the file at p holds exactly data.
func sameBytes(p string, data []byte) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	bp := readBuf.Get().(*[]byte)
	defer readBuf.Put(bp)
	if cap(*bp) < len(data)+1 {
		*bp = make([]byte, len(data)+1)
	}
	buf := (*bp)[:len(data)+1]
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false, err
	}
	return n == len(data) && bytes.Equal(buf[:n], data), nil
}
