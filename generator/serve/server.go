package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"p2pc/generator"
)

// DefaultAddr is where the site is served unless Config.Addr says otherwise.
const DefaultAddr = "127.0.0.1:1313"

// Config says what to build, where to write it and where to serve it.
type Config struct {
	// Addr is the host:port to listen on: DefaultAddr when empty. An empty
	// host is 127.0.0.1 too; other machines can connect only when a host
	// such as 0.0.0.0 is given. Port 0 picks a free port.
	Addr string
	// Content and Layouts are built from; ContentDir and LayoutsDir are
	// the folders on disk they come from, watched for changes ("" when
	// built in: nothing to watch).
	Content, Layouts       fs.FS
	ContentDir, LayoutsDir string
	// Out is the output folder, written and served.
	Out     string
	Options generator.Options
	// Stdout gets the URL and a line per build; Stderr the build errors.
	Stdout, Stderr io.Writer
	// Debounce is the quiet time after the last file event before a
	// rebuild starts; 0 means 50ms.
	Debounce time.Duration
	// AllowHosts are more names the server answers requests for, on any
	// port, besides its own address and loopback names (see host.go).
	AllowHosts []string
}

// A Server builds the site, serves the output folder over HTTP and
// rebuilds after every change to the watched folders.
type Server struct {
	cfg     Config
	out     string // absolute
	url     string
	ln      net.Listener
	http    *http.Server
	broker  *broker
	hosts   *hostCheck
	watcher *watcher // nil when nothing is watched
	rb      *rebuilder
	done    chan struct{} // closed when the rebuild loop has ended
	warned  string        // the warnings last printed

	closeOnce sync.Once
	closeErr  error

	refusedLog // the hosts refused so far
}

// Start checks the folders, listens, builds the site once and starts
// watching. A failed first build still starts the server, showing the
// errors in the page; the output folder is written by the first good build.
func Start(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = 50 * time.Millisecond
	}
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	s := &Server{cfg: cfg, broker: newBroker(), done: make(chan struct{})}
	var err error
	if s.out, err = filepath.Abs(cfg.Out); err != nil {
		return nil, err
	}
	var watched []string
	for _, dir := range []*string{&cfg.ContentDir, &cfg.LayoutsDir} {
		if *dir == "" {
			continue
		}
		if *dir, err = filepath.Abs(*dir); err != nil {
			return nil, err
		}
		if _, inside := within(*dir, s.out); inside {
			return nil, fmt.Errorf("output folder %s is inside the watched folder %s: every write would start a rebuild; choose another --out", cfg.Out, *dir)
		}
		watched = append(watched, *dir)
	}
	if err := generator.CheckOutput(s.out, cfg.ContentDir, cfg.LayoutsDir); err != nil {
		return nil, err
	}
	s.rb = newRebuilder(cfg.Content, cfg.Layouts, cfg.ContentDir, cfg.LayoutsDir, cfg.Options, s.out)
	if s.ln, err = listen(cfg.Addr, cfg.Stderr); err != nil {
		return nil, err
	}
	if s.hosts, err = newHostCheck(cfg.Addr, s.ln.Addr().(*net.TCPAddr), cfg.AllowHosts); err != nil {
		s.ln.Close()
		return nil, fmt.Errorf("--allow-host: %w", err)
	}
	s.url = "http://" + displayAddr(s.ln.Addr().(*net.TCPAddr)) + "/"
	s.report(s.rb.rebuild(nil), true)

	batches := make(chan []string)
	if len(watched) > 0 {
		if s.watcher, err = watch(watched, cfg.Out); err != nil {
			s.ln.Close()
			return nil, err
		}
		go debounce(s.watcher.changes, cfg.Debounce, batches)
		go s.logWatchErrors()
	} else {
		close(batches)
	}
	go s.loop(batches)

	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(s.ln)
	fmt.Fprintf(cfg.Stdout, "serving %s at %s\n", cfg.Out, s.url)
	if len(watched) == 0 {
		fmt.Fprintln(cfg.Stdout, "building the built-in curriculum: there is no content or layouts folder on disk to watch")
	} else {
		fmt.Fprintf(cfg.Stdout, "watching %s for changes; press Ctrl-C to stop\n", strings.Join(watched, " and "))
	}
	return s, nil
}

// URL is the address of the site: "http://127.0.0.1:1313/".
func (s *Server) URL() string { return s.url }

// Close stops watching, lets a build that is running finish writing (a
// build waiting for its debounce is dropped), ends the pages' event
// streams and stops the HTTP server. Calling it again does nothing.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		if s.watcher != nil {
			s.watcher.close()
		}
		<-s.done
		s.broker.close()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		s.closeErr = s.http.Shutdown(ctx)
	})
	return s.closeErr
}

// Run starts a server and stops it when ctx is done (Ctrl-C).
func Run(ctx context.Context, cfg Config) error {
	s, err := Start(cfg)
	if err != nil {
		return err
	}
	<-ctx.Done()
	return s.Close()
}

// ServeHTTP answers GET and HEAD requests whose Host header names the
// server (see host.go); others get 421 Misdirected Request or 405 Method
// Not Allowed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if why := s.hosts.refuse(r.Host); why != "" {
		s.misdirected(w, why, r.Host)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		if !getOrHead(w, r) {
			return
		}
		if r.Method == http.MethodHead {
			// The stream's headers alone: a HEAD request has no body to wait for.
			w.Header().Set("Content-Type", "text/event-stream")
			w.Header().Set("Cache-Control", "no-store")
			return
		}
		s.broker.ServeHTTP(w, r)
	case scriptPath:
		if !getOrHead(w, r) {
			return
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(liveReloadJS)
	default:
		s.serveFile(w, r)
	}
}

// getOrHead answers a request that is neither GET nor HEAD with 405
// Method Not Allowed, and says whether it is.
func getOrHead(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed: only GET and HEAD", http.StatusMethodNotAllowed)
	return false
}

// loop rebuilds after each batch of changes until the watcher stops.
func (s *Server) loop(batches <-chan []string) {
	defer close(s.done)
	for paths := range batches {
		s.report(s.rb.rebuild(paths), false)
	}
}

// report prints a build's outcome and tells the open pages.
func (s *Server) report(o outcome, first bool) {
	if o.err != nil {
		fmt.Fprintln(s.cfg.Stderr, o.err)
		fmt.Fprintf(s.cfg.Stderr, "build failed in %s: still serving the last good build\n", ms(o.took))
		s.broker.publish("errors", problems(o.err, s.cfg.Content))
		return
	}
	s.printWarnings(o.warnings)
	switch {
	case first:
		fmt.Fprintf(s.cfg.Stdout, "built %d pages into %s in %s\n", o.pages, s.cfg.Out, ms(o.took))
	case len(o.changed) == 0:
		fmt.Fprintf(s.cfg.Stdout, "rebuilt in %s: nothing changed\n", ms(o.took))
		s.broker.publish("ok", struct{}{})
	default:
		fmt.Fprintf(s.cfg.Stdout, "rebuilt in %s: %d files changed\n", ms(o.took), len(o.changed))
		msg := reloadMsg{Changed: o.changed, Edited: o.edited}
		if len(msg.Changed) > maxListed {
			msg.Changed, msg.All = []string{}, true
		}
		s.broker.publish("reload", msg)
	}
}

// printWarnings prints a build's warnings when they differ from the last
// build's, so an author sees each new one once.
func (s *Server) printWarnings(warnings []*generator.FileError) {
	var b strings.Builder
	for _, w := range warnings {
		fmt.Fprintln(&b, w)
	}
	if b.String() != s.warned {
		s.warned = b.String()
		fmt.Fprint(s.cfg.Stderr, s.warned)
	}
}

func (s *Server) logWatchErrors() {
	for err := range s.watcher.errs {
		fmt.Fprintf(s.cfg.Stderr, "watch: %v\n", err)
	}
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// listen listens on addr, on 127.0.0.1 when its host is empty, and warns
// when other machines can connect.
func listen(addr string, warn io.Writer) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %s: want host:port, such as %s", addr, DefaultAddr)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("port %s is already in use on %s: stop the other server, or choose another port with --addr %s (port 0 picks a free one)",
			port, host, net.JoinHostPort(host, "0"))
	}
	if err != nil {
		return nil, fmt.Errorf("--addr %s: %w", addr, err)
	}
	if a := ln.Addr().(*net.TCPAddr); !a.IP.IsLoopback() {
		fmt.Fprintf(warn, "warning: listening on %s: other machines that can reach this one can read the site (the default %s keeps it to this machine)\n",
			net.JoinHostPort(host, fmt.Sprint(a.Port)), DefaultAddr)
	}
	return ln, nil
}

// displayAddr is the address to open in a browser: 127.0.0.1 for a server
// listening on every interface.
func displayAddr(a *net.TCPAddr) string {
	if a.IP.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", fmt.Sprint(a.Port))
	}
	return a.String()
}
