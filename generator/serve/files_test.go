package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawGet sends target as the request line as is, so that no client cleans
// it first, and returns the status code and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeOnlyTheOutputFolder(t *testing.T) {
	ts := startTest(t)
	secret := filepath.Join(ts.dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Links planted in the output folder, leading out of it.
	if err := os.Symlink(secret, filepath.Join(ts.out, "basics", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(ts.dir, filepath.Join(ts.out, "up")); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimSuffix(strings.TrimPrefix(ts.URL(), "http://"), "/")
	for _, target := range []string{
		"/../secret.txt",
		"/basics/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/basics/%2e%2e/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%5csecret.txt",
		"/basics/..%5c..%5csecret.txt",
		"//" + strings.TrimPrefix(secret, "/"),
		secret, // an absolute path: served as a path inside the folder, where there is none
		"/basics/leak.txt",
		"/up/secret.txt",
		"/up/content/_index.md",
		"/.p2pc-site",
		"/basics/./first/index.html",
		"/basics//first/index.html",
		"/basics/first/index.html%00",
		"http://" + addr + "/../secret.txt",
	} {
		code, body := rawGet(t, addr, target)
		if code != 404 || strings.Contains(body, "SECRET") || strings.Contains(body, "Welcome.") && strings.HasPrefix(target, "/up") {
			t.Errorf("GET %s: %d, want 404", target, code)
		}
	}
	// http.NewRequest with an opaque path: Go's client sends it unchanged.
	for _, opaque := range []string{"/../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/basics/../../../secret.txt"} {
		req, err := http.NewRequest("GET", ts.URL(), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = opaque
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(body), "SECRET") {
			t.Errorf("GET (opaque) %s: %d, want 404", opaque, resp.StatusCode)
		}
	}
	// What is in the folder is served; a folder without its slash is redirected.
	for target, want := range map[string]int{"/": 200, "/index.html": 200, "/basics/first/": 200,
		"/basics/first/index.html": 200, "/more/03-diagram.txt": 200, "/assets/x.css": 200,
		"/basics/first": 301, "/nowhere/": 404} {
		if code, _ := rawGet(t, addr, target); code != want {
			t.Errorf("GET %s: %d, want %d", target, code, want)
		}
	}
	// Only GET and HEAD.
	resp, err := http.Post(ts.URL()+"index.html", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestFileName(t *testing.T) {
	for p, want := range map[string]string{"/": ".", "/a/b/": "a/b", "/a/b.html": "a/b.html"} {
		if got, ok := fileName(p); !ok || got != want {
			t.Errorf("fileName(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
	for _, p := range []string{"", "a", "/..", "/a/../b", "/./a", "//a", "/a//b", `/a\b`, "/a\x00", "/.git/config", "/a/.x.tmp-1"} {
		if got, ok := fileName(p); ok {
			t.Errorf("fileName(%q) = %q, want refused", p, got)
		}
	}
}

func TestListen(t *testing.T) {
	ln, err := listen(":0", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		t.Errorf("an empty host listens on %v, want 127.0.0.1", ip)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	_, err = listen("127.0.0.1:"+port, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "port "+port+" is already in use") {
		t.Errorf("second listen on port %s: %v", port, err)
	}
	var warn lockedBuffer
	all, err := listen("0.0.0.0:0", &warn)
	if err != nil {
		t.Fatal(err)
	}
	defer all.Close()
	if !strings.Contains(warn.String(), "warning: listening on 0.0.0.0:") {
		t.Errorf("no warning for 0.0.0.0: %q", warn.String())
	}
	if got := displayAddr(all.Addr().(*net.TCPAddr)); !strings.HasPrefix(got, "127.0.0.1:") {
		t.Errorf("URL host for 0.0.0.0: %s", got)
	}
	if _, err := listen("1313", io.Discard); err == nil || !strings.Contains(err.Error(), "want host:port") {
		t.Errorf("listen(1313): %v", err)
	}
}

func TestStartRefusesOutputInsideContent(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(content, 0o755)
	_, err := Start(Config{Addr: "127.0.0.1:0", Content: os.DirFS(content), ContentDir: content, Layouts: builtinLayouts,
		Out: filepath.Join(content, "public")})
	if err == nil || !strings.Contains(err.Error(), "inside the watched folder") {
		t.Errorf("Start: %v", err)
	}
}
