package serve

import (
	"bytes"
	_ "embed"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// scriptPath is where the live-reload script is served.
const scriptPath = "/__p2pc/livereload.js"

//go:embed livereload.js
var liveReloadJS []byte

// scriptTag is put before </body> of every HTML page served.
const scriptTag = `<script src="` + scriptPath + `"></script>`

// inject adds the live-reload script to an HTML page.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag)+1)
	out = append(out, page[:i]...)
	out = append(out, scriptTag+"\n"...)
	return append(out, page[i:]...)
}

// noSite is served for missing pages before any build has succeeded, so
// the overlay can show why.
const noSite = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>p2pc serve</title>
<body><p>No site has been built yet: fix the errors shown, and this page reloads.</p></body></html>
`

// serveFile serves a file of the output folder. Only clean paths inside
// the folder are served: a path with a ".." or "." segment (also encoded,
// %2e%2e), an empty segment, a backslash or a hidden name, and a symbolic
// link leading out of the folder get 404. Folders are served as their
// index.html. HTML pages get the live-reload script.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		s.notFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.out)
	if err != nil {
		s.notFound(w, r)
		return
	}
	defer root.Close()
	f, st, err := open(root, name)
	if err == nil && st.IsDir() {
		f.Close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			// The site's links are relative to the folder.
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		f, st, err = open(root, name)
	}
	if err != nil || st.IsDir() {
		if err == nil {
			f.Close()
		}
		s.notFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("Cache-Control", "no-cache")
	if path.Ext(name) == ".html" {
		data, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		writeHTML(w, r, http.StatusOK, inject(data))
		return
	}
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// fileName turns a request path into a file name inside the output folder.
func fileName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name := strings.TrimSuffix(p[1:], "/")
	if name == "" {
		return ".", true
	}
	if !fs.ValidPath(name) {
		return "", false // "..", ".", empty segments
	}
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false // the marker file, temporary files
		}
	}
	return name, true
}

// open opens name in root; root refuses symbolic links that lead out of it.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// notFound serves the site's 404.html with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	page := []byte(noSite)
	if root, err := os.OpenRoot(s.out); err == nil {
		if data, err := root.ReadFile("404.html"); err == nil {
			page = data
		}
		root.Close()
	}
	writeHTML(w, r, http.StatusNotFound, inject(page))
}

func writeHTML(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}
