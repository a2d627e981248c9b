package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// rawRequest sends a hand-written HTTP/1.1 request with the Host header
// host to the server at addr and returns its response, body read.
func rawRequest(t *testing.T, addr, method, target, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", method, target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s, Host %s: %v", method, target, host, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// startAt starts a server of a one-page site listening on addr, also
// answering for the names in allow. It returns the server and the
// 127.0.0.1 address to dial.
func startAt(t *testing.T, addr string, allow ...string) (*Server, string, *lockedBuffer) {
	t.Helper()
	stderr := &lockedBuffer{}
	s, err := Start(Config{Addr: addr, AllowHosts: allow, Out: filepath.Join(t.TempDir(), "public"),
		Content: fstest.MapFS{"_index.md": {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")}},
		Layouts: builtinLayouts, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	port := s.ln.Addr().(*net.TCPAddr).Port
	return s, fmt.Sprintf("127.0.0.1:%d", port), stderr
}

// wantHosts checks that GET / answers 200 for each host in ok and 421,
// naming --allow-host, for each in refused.
func wantHosts(t *testing.T, dial string, ok, refused []string) {
	t.Helper()
	for _, host := range ok {
		if resp, body := rawRequest(t, dial, "GET", "/", host); resp.StatusCode != 200 || !strings.Contains(body, "Welcome.") {
			t.Errorf("Host %s: %d %.200q, want 200 and the home page", host, resp.StatusCode, body)
		}
	}
	for _, host := range refused {
		resp, body := rawRequest(t, dial, "GET", "/", host)
		if resp.StatusCode != http.StatusMisdirectedRequest || !strings.Contains(body, "--allow-host") ||
			strings.Count(body, "\n") != 1 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("Host %s: %d %s %q, want 421 and one plain-text line naming --allow-host",
				host, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
}

func TestServeHostHeader(t *testing.T) {
	s, dial, stderr := startAt(t, "127.0.0.1:0")
	port := s.ln.Addr().(*net.TCPAddr).Port
	p := fmt.Sprint(port)
	machine, _ := os.Hostname()
	refused := []string{
		"evil.example:" + p,
		"evil.example",
		"localhost.evil.example:" + p,
		"127.0.0.1.evil.example:" + p,
		"localhost:" + p + ".evil.example",
		"127.0.0.1:9999",
		"localhost:9999",
		"127.0.0.1", // port 80
		"localhost",
		"[::1]:9999",
		".localhost:" + p,
		"0.0.0.0:" + p,
		"::1:" + p, // IPv6 without brackets
		"[evil.example]:" + p,
		"127.0.0.1:" + p + ":" + p,
		"127.0.0.1:-" + p,
	}
	if machine != "" && machine != "localhost" {
		// Other names of this machine are answered only when every
		// interface is listened on.
		refused = append(refused, machine+":"+p)
	}
	if ip := interfaceAddr(t); ip != "" {
		refused = append(refused, ip+":"+p)
	}
	wantHosts(t, dial, []string{
		"127.0.0.1:" + p,
		"localhost:" + p,
		"LocalHost:" + p,
		"localhost.:" + p,
		"lesson.localhost:" + p,
		"a.b.LOCALHOST:" + p,
		"127.0.0.2:" + p,
		"[::1]:" + p,
		"[::ffff:127.0.0.1]:" + p,
	}, refused)

	// The event stream and the script are kept from other sites too.
	for _, target := range []string{eventsPath, scriptPath, "/no/such/page"} {
		if resp, _ := rawRequest(t, dial, "GET", target, "evil.example:"+p); resp.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("GET %s, Host evil.example: %d, want 421", target, resp.StatusCode)
		}
	}

	// The terminal says why, once for each host.
	if n := strings.Count(stderr.String(), `Host "evil.example:`+p+`"`); n != 1 {
		t.Errorf("the terminal tells of evil.example %d times, want once:\n%s", n, stderr.String())
	}
	if !strings.Contains(stderr.String(), "--allow-host evil.example") {
		t.Errorf("the terminal does not say how to answer evil.example:\n%s", stderr.String())
	}
}

// interfaceAddr is an address of a network interface of this machine that
// is not a loopback address, or "" when there is none.
func interfaceAddr(t *testing.T) string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			ip, _ := netip.AddrFromSlice(n.IP)
			if ip.Unmap().Is4() && !ip.IsLoopback() {
				return ip.Unmap().String()
			}
		}
	}
	return ""
}

func TestServeAnyInterfaceHosts(t *testing.T) {
	_, dial, _ := startAt(t, "0.0.0.0:0")
	p := dial[strings.LastIndex(dial, ":")+1:]
	machine, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	ok := []string{"127.0.0.1:" + p, "localhost:" + p, strings.ToUpper(machine) + ":" + p}
	if ip := interfaceAddr(t); ip != "" {
		ok = append(ok, ip+":"+p)
	} else {
		t.Log("this machine has no network interface but loopback")
	}
	wantHosts(t, dial, ok, []string{"evil.example:" + p, machine + ":9999", machine + ".evil.example:" + p, "192.0.2.254:" + p})
}

func TestServeAllowHost(t *testing.T) {
	_, dial, _ := startAt(t, "127.0.0.1:0", "preview.example.test", "Tunnel.Example.Test.", "192.0.2.99", "[2001:db8::1]")
	p := dial[strings.LastIndex(dial, ":")+1:]
	wantHosts(t, dial,
		[]string{"preview.example.test", "preview.example.test:443", "PREVIEW.example.test:" + p,
			"tunnel.example.test:8080", "192.0.2.99:" + p, "[2001:db8::1]", "localhost:" + p},
		[]string{"example.test:" + p, "evil.preview.example.test", "preview.example.test.evil.example", "192.0.2.98:" + p, "[2001:db8::2]"})
}

func TestServeMethods(t *testing.T) {
	_, dial, _ := startAt(t, "127.0.0.1:0")
	for _, target := range []string{eventsPath, scriptPath, "/", "/index.html", "/no/such/page"} {
		for _, method := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
			resp, _ := rawRequest(t, dial, method, target, dial)
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q; want 405, Allow GET, HEAD", method, target, resp.StatusCode, resp.Header.Get("Allow"))
			}
		}
	}
	// HEAD of the event stream answers its headers and ends.
	resp, _ := rawRequest(t, dial, "HEAD", eventsPath, dial)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Errorf("HEAD %s: %d %q, want 200 text/event-stream", eventsPath, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, target := range []string{scriptPath, "/"} {
		if resp, body := rawRequest(t, dial, "HEAD", target, dial); resp.StatusCode != 200 || body != "" {
			t.Errorf("HEAD %s: %d %q, want 200 and no body", target, resp.StatusCode, body)
		}
	}
}

func TestHostCheck(t *testing.T) {
	machine := func() (string, error) { return "Studio", nil }
	ifaces := func() ([]net.Addr, error) {
		return []net.Addr{
			&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.ParseIP("192.168.1.20").To4(), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		}, nil
	}
	for _, c := range []struct {
		addr    string // as given to --addr
		ln      string // as listened on
		allow   []string
		ok, bad []string
	}{
		{addr: "127.0.0.1:1313", ln: "127.0.0.1:1313",
			ok:  []string{"127.0.0.1:1313", "localhost:1313", "x.localhost:1313", "[::1]:1313", "LOCALHOST:1313"},
			bad: []string{"", "evil.example:1313", "127.0.0.1:9999", "127.0.0.1", "localhost:", "studio:1313", "192.168.1.20:1313", "[fe80::1]:1313", "127.0.0.1:1313x", "[::1", "[::1]x"}},
		{addr: ":80", ln: "127.0.0.1:80",
			ok:  []string{"127.0.0.1", "localhost", "localhost:", "localhost:80", "[::1]"},
			bad: []string{"evil.example", "localhost:1313"}},
		{addr: "0.0.0.0:1313", ln: "0.0.0.0:1313",
			ok:  []string{"127.0.0.1:1313", "0.0.0.0:1313", "studio:1313", "Studio.local:1313", "192.168.1.20:1313", "[fe80::1]:1313", "[fe80::1%25eth0]:1313"},
			bad: []string{"studio:80", "studio.evil.example:1313", "192.168.1.21:1313", "evil.example:1313", "studio.local.evil.example:1313"}},
		{addr: "[::]:1313", ln: "[::]:1313",
			ok:  []string{"[::]:1313", "studio:1313", "192.168.1.20:1313"},
			bad: []string{"evil.example:1313"}},
		{addr: "Lesson.Box:1313", ln: "192.168.1.20:1313",
			ok:  []string{"lesson.box:1313", "192.168.1.20:1313", "localhost:1313"},
			bad: []string{"studio:1313", "lesson.box:80"}},
		{addr: "127.0.0.1:1313", ln: "127.0.0.1:1313", allow: []string{"docs.example.test", "10.0.0.7"},
			ok:  []string{"docs.example.test", "docs.example.test:8443", "DOCS.EXAMPLE.TEST.:1313", "10.0.0.7:1", "localhost:1313"},
			bad: []string{"example.test:1313", "x.docs.example.test", "10.0.0.8:1313"}},
	} {
		ln, err := net.ResolveTCPAddr("tcp", c.ln)
		if err != nil {
			t.Fatal(err)
		}
		hc, err := newHostCheck(c.addr, ln, c.allow)
		if err != nil {
			t.Fatal(err)
		}
		hc.hostname, hc.interfaceAddrs = machine, ifaces
		for _, h := range c.ok {
			if why := hc.refuse(h); why != "" {
				t.Errorf("--addr %s: Host %q refused: %s", c.addr, h, why)
			}
		}
		for _, h := range c.bad {
			if why := hc.refuse(h); why == "" {
				t.Errorf("--addr %s: Host %q answered, want refused", c.addr, h)
			} else if !strings.Contains(why, "--allow-host") && h != "" {
				t.Errorf("--addr %s: Host %q refused with %q, which does not name --allow-host", c.addr, h, why)
			}
		}
	}
}

func TestSplitHosts(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{in: "a.example", want: "a.example"},
		{in: "A.Example., b.example", want: "a.example b.example"},
		{in: "192.0.2.1,[2001:DB8::1],::1", want: "192.0.2.1 2001:db8::1 ::1"},
		{in: "my_box", want: "my_box"},
		{in: "", err: "empty"},
		{in: "a.example,", err: "empty"},
		{in: "https://a.example/", err: "URL"},
		{in: "a.example:8080", err: "port"},
		{in: "a example", err: "not a host name"},
		{in: ".", err: "not a host name"},
	} {
		names, err := SplitHosts(c.in)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("SplitHosts(%q): %v", c.in, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("SplitHosts(%q): error %v, want one saying %q", c.in, err, c.err)
		case c.err == "" && strings.Join(names, " ") != c.want:
			t.Errorf("SplitHosts(%q) = %q, want %q", c.in, names, c.want)
		}
	}
	if _, err := Start(Config{Addr: "127.0.0.1:0", AllowHosts: []string{"http://x"}, Out: filepath.Join(t.TempDir(), "public"),
		Content: fstest.MapFS{}, Layouts: builtinLayouts}); err == nil || !strings.Contains(err.Error(), "--allow-host") {
		t.Errorf("Start with a URL for a host: %v, want an --allow-host error", err)
	}
}
