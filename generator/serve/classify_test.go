package serve

import (
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Made-up event sequences of editors saving content/lesson.md, as inotify
// reports them through fsnotify (a rename shows as Rename of the old name
// and Create of the new one).
func editorSaves() map[string][]fsnotify.Event {
	const f = "content/lesson.md"
	ev := func(op fsnotify.Op, name string) fsnotify.Event { return fsnotify.Event{Name: name, Op: op} }
	c, w, r, rm, ch := fsnotify.Create, fsnotify.Write, fsnotify.Rename, fsnotify.Remove, fsnotify.Chmod
	return map[string][]fsnotify.Event{
		"write in place": {ev(w, f), ev(w, f)},
		"atomic save (temp file renamed over)": {
			ev(c, "content/.lesson.md.tmp123"), ev(w, "content/.lesson.md.tmp123"),
			ev(r, "content/.lesson.md.tmp123"), ev(c, f)},
		"go os.CreateTemp then rename": {
			ev(c, "content/lesson.md.1234.tmp"), ev(w, "content/lesson.md.1234.tmp"),
			ev(r, "content/lesson.md.1234.tmp"), ev(c, f)},
		"vim (backup by rename, swap file, 4913 probe)": {
			ev(c, "content/.lesson.md.swp"), ev(w, "content/.lesson.md.swp"),
			ev(c, "content/4913"), ev(ch, "content/4913"), ev(rm, "content/4913"),
			ev(r, f), ev(c, "content/lesson.md~"),
			ev(c, f), ev(w, f), ev(ch, f),
			ev(rm, "content/lesson.md~"), ev(w, "content/.lesson.md.swp")},
		"helix (old file renamed to .bck)": {
			ev(r, f), ev(c, "content/lesson.mdU77clA.bck"),
			ev(c, f), ev(w, f), ev(ch, f), ev(rm, "content/lesson.mdU77clA.bck")},
		"JetBrains safe write": {
			ev(c, "content/lesson.md___jb_tmp___"), ev(w, "content/lesson.md___jb_tmp___"),
			ev(r, f), ev(c, "content/lesson.md___jb_old___"),
			ev(r, "content/lesson.md___jb_tmp___"), ev(c, f),
			ev(rm, "content/lesson.md___jb_old___")},
		"emacs (lock link, auto-save, backup)": {
			ev(c, "content/.#lesson.md"), ev(c, "content/#lesson.md#"), ev(w, "content/#lesson.md#"),
			ev(r, f), ev(c, "content/lesson.md~"), ev(c, f), ev(w, f),
			ev(rm, "content/#lesson.md#"), ev(rm, "content/.#lesson.md")},
		"delete and re-create": {ev(rm, f), ev(c, f), ev(w, f)},
	}
}

// TestClassifyEditorSaves: whatever the editor does, the only path that
// reaches the rebuild is the lesson's.
func TestClassifyEditorSaves(t *testing.T) {
	for name, events := range editorSaves() {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, ev := range events {
				if p, ok := classify(ev); ok && !slices.Contains(got, p) {
					got = append(got, p)
				}
			}
			if want := []string{"content/lesson.md"}; !slices.Equal(got, want) {
				t.Errorf("paths %q, want %q", got, want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		ev   fsnotify.Event
		want bool
	}{
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Create}, true},
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Remove}, true},
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Rename}, true},
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Chmod}, false}, // touch, chmod: no new content
		{fsnotify.Event{Name: "content/a.md", Op: fsnotify.Write | fsnotify.Chmod}, true},
		{fsnotify.Event{Name: "content/new-module", Op: fsnotify.Create}, true},
		{fsnotify.Event{Name: "content/diagram.svg", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "layouts/base.html", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "content/site.yaml", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "content/.a.md.swp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/a.md.swp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/.a.md.swx", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/a.md~", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/4913", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/.#a.md", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/#a.md#", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/a.tmp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/a.md.TMP", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/a.md___jb_tmp___", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "content/a.md___jb_old___", Op: fsnotify.Remove}, false},
		{fsnotify.Event{Name: "content/a.mdX1b2c3.bck", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/.DS_Store", Op: fsnotify.Create}, false},
		{fsnotify.Event{Name: "content/.git", Op: fsnotify.Create}, false},
	} {
		if _, got := classify(tc.ev); got != tc.want {
			t.Errorf("classify(%v) = %v, want %v", tc.ev, got, tc.want)
		}
	}
}

// TestBurstIsOneBatch feeds hundreds of events, as a checkout or a
// search-and-replace over the content makes, through classify and
// debounce: one batch comes out, holding each real file once.
func TestBurstIsOneBatch(t *testing.T) {
	in := make(chan string)
	out := make(chan []string)
	go debounce(in, 20*time.Millisecond, out)
	defer close(in)
	for i := range 500 {
		for _, ev := range editorSaves()["vim (backup by rename, swap file, 4913 probe)"] {
			if p, ok := classify(ev); ok {
				in <- p
			}
		}
		ev := fsnotify.Event{Name: "content/other-" + string(rune('a'+i%10)) + ".md", Op: fsnotify.Write}
		if p, ok := classify(ev); ok {
			in <- p
		}
	}
	batch := <-out
	if len(batch) != 11 || !slices.Contains(batch, "content/lesson.md") {
		t.Fatalf("batch %q, want lesson.md and the 10 other files", batch)
	}
	select {
	case b := <-out:
		t.Fatalf("a second batch %q", b)
	case <-time.After(100 * time.Millisecond): // five quiet times: nothing else may come
	}
}
