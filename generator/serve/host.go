package serve

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
)

// A page on another site can make the browser send requests to the
// preview server by DNS rebinding: its name, evil.example, is made to
// resolve to 127.0.0.1, and the browser then treats the preview as part
// of evil.example and lets the page read it. The browser still sends
// "Host: evil.example:1313", so the server answers only requests whose
// Host header names it:
//
//   - the host it was told to listen on (--addr), with its port;
//   - a loopback name with its port: localhost, any name ending in
//     .localhost, 127.0.0.1 (any of 127.0.0.0/8) or [::1];
//   - when it listens on every interface (--addr 0.0.0.0:PORT or [::]:PORT),
//     with its port: this machine's host name (os.Hostname, also with
//     .local added when it has no dot, as mDNS names it) and the addresses
//     of its network interfaces, read again at each request for another
//     name so that a new address counts at once;
//   - a name given with --allow-host, on any port or none (a tunnel or a
//     proxy in front of the server says its own port, or none).
//
// Names are compared without regard to case and to a final dot; IPv6
// addresses are written in brackets ([::1]:1313). A Host header without a
// port means port 80. Any other request gets 421 Misdirected Request with
// a line saying why and naming --allow-host.

// hostCheck decides which Host headers the server answers.
type hostCheck struct {
	port     int
	bound    map[string]bool // the host of --addr and the address listened on
	anywhere bool            // listening on every interface
	allowed  map[string]bool // --allow-host names, on any port

	// hostname and interfaceAddrs read this machine's names when it
	// listens on every interface; tests replace them.
	hostname       func() (string, error)
	interfaceAddrs func() ([]net.Addr, error)
}

// newHostCheck returns the check for a server listening on ln that was
// asked to listen on addr (the --addr value), answering also for the
// names in allow.
func newHostCheck(addr string, ln *net.TCPAddr, allow []string) (*hostCheck, error) {
	hc := &hostCheck{port: ln.Port, bound: map[string]bool{}, allowed: map[string]bool{},
		anywhere: ln.IP.IsUnspecified(), hostname: os.Hostname, interfaceAddrs: net.InterfaceAddrs}
	if ip, ok := netip.AddrFromSlice(ln.IP); ok {
		hc.bound[ip.Unmap().String()] = true
	}
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		hc.bound[canonical(host)] = true
	}
	for _, name := range allow {
		n, err := allowedName(name)
		if err != nil {
			return nil, err
		}
		hc.allowed[n] = true
	}
	return hc, nil
}

// SplitHosts splits an --allow-host value at its commas and checks each
// name: a host name or an IP address, without a scheme, port or path.
func SplitHosts(value string) ([]string, error) {
	var names []string
	for _, name := range strings.Split(value, ",") {
		n, err := allowedName(name)
		if err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, nil
}

// allowedName checks an --allow-host name and returns it in the form
// Host headers are compared in.
func allowedName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", errors.New("empty host name")
	case strings.Contains(name, "://") || strings.Contains(name, "/"):
		return "", fmt.Errorf("%q is a URL: give its host name alone, such as example.test", name)
	}
	if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
		name = name[1 : len(name)-1]
	}
	if ip, err := netip.ParseAddr(name); err == nil {
		return ip.WithZone("").Unmap().String(), nil
	}
	if strings.Contains(name, ":") {
		return "", fmt.Errorf("%q has a port: give the name alone (any port is answered for it)", name)
	}
	n := canonical(name)
	if !validName(n) {
		return "", fmt.Errorf("%q is not a host name: want letters, digits, '-' and '_' in labels joined by dots", name)
	}
	return n, nil
}

// validName says whether a canonical name is a host name: labels of
// letters, digits, '-' and '_', joined by dots.
func validName(n string) bool {
	for _, label := range strings.Split(n, ".") {
		if label == "" {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// canonical is a host name or an IP address in the form compared: lower
// case, without a final dot, an IP address without its zone and brackets.
func canonical(host string) string {
	host = strings.TrimPrefix(strings.TrimSuffix(host, "]"), "[")
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.WithZone("").Unmap().String()
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// splitHost splits a Host header into its host, in canonical form, and
// port: 80 when it has none.
func splitHost(h string) (host string, port int, ok bool) {
	rest := ""
	if strings.HasPrefix(h, "[") {
		end := strings.IndexByte(h, ']')
		if end < 0 {
			return "", 0, false
		}
		host, rest = h[1:end], h[end+1:]
		if _, err := netip.ParseAddr(host); err != nil {
			return "", 0, false
		}
	} else {
		host, _, _ = strings.Cut(h, ":")
		rest = h[len(host):]
	}
	port = 80
	if rest != "" {
		p, found := strings.CutPrefix(rest, ":")
		if !found {
			return "", 0, false
		}
		if p != "" { // "host:" is port 80 too (RFC 3986)
			n, err := strconv.ParseUint(p, 10, 16)
			if err != nil {
				return "", 0, false
			}
			port = int(n)
		}
	}
	host = canonical(host)
	if _, err := netip.ParseAddr(host); err != nil && !validName(host) {
		return "", 0, false
	}
	return host, port, true
}

// refuse says why the server does not answer a request with Host header
// h, or "" when it does.
func (hc *hostCheck) refuse(h string) string {
	if h == "" {
		return "p2pc serve answers only requests with a Host header, and this one has none"
	}
	host, port, ok := splitHost(h)
	if !ok {
		return fmt.Sprintf("p2pc serve does not answer for Host %s: it is not a host name or address with an optional port, so no --allow-host name matches it", quote(h))
	}
	if hc.allowed[host] {
		return ""
	}
	if !hc.own(host) {
		return fmt.Sprintf("p2pc serve does not answer for Host %s: only for its own address and loopback names such as localhost:%d; to answer it, start serve with --allow-host%s",
			quote(h), hc.port, hint(host))
	}
	if port != hc.port {
		return fmt.Sprintf("p2pc serve does not answer for Host %s: it listens on port %d; behind a proxy or port forward that changes the port, start it with --allow-host%s",
			quote(h), hc.port, hint(host))
	}
	return ""
}

// own says whether host names this server, whatever the port.
func (hc *hostCheck) own(host string) bool {
	if hc.bound[host] || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err == nil && ip.IsLoopback() {
		return true
	}
	if !hc.anywhere {
		return false
	}
	if err != nil {
		name, err := hc.hostname()
		if err != nil || name == "" {
			return false
		}
		name = canonical(name)
		return host == name || !strings.Contains(name, ".") && host == name+".local"
	}
	addrs, err := hc.interfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		var ifIP net.IP
		switch a := a.(type) {
		case *net.IPNet:
			ifIP = a.IP
		case *net.IPAddr:
			ifIP = a.IP
		}
		if own, ok := netip.AddrFromSlice(ifIP); ok && own.Unmap() == ip {
			return true
		}
	}
	return false
}

// hint is " HOST" to follow --allow-host in a message, or " NAME" when
// host cannot be given to it.
func hint(host string) string {
	n, err := allowedName(host)
	if err != nil {
		return " NAME"
	}
	if strings.Contains(n, ":") {
		n = "[" + n + "]"
	}
	return " " + n
}

// quote quotes a Host header for a message, cut short when long.
func quote(h string) string {
	if len(h) > 80 {
		h = h[:80] + "..."
	}
	return strconv.Quote(h)
}

// misdirected answers a request for a host the server does not answer for
// with 421 Misdirected Request and the reason, and prints the reason in
// the terminal the first time a host is refused, for the first few hosts.
func (s *Server) misdirected(w http.ResponseWriter, why string, host string) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusMisdirectedRequest)
	fmt.Fprintln(w, why)
	s.refusedMu.Lock()
	defer s.refusedMu.Unlock()
	if s.refused == nil {
		s.refused = map[string]bool{}
	}
	if !s.refused[host] && len(s.refused) < maxRefusedLogged {
		s.refused[host] = true
		fmt.Fprintln(s.cfg.Stderr, why)
	}
}

// maxRefusedLogged is the number of refused hosts printed in the terminal.
const maxRefusedLogged = 20

// refusedLog is the Server's record of the hosts refused so far.
type refusedLog struct {
	refusedMu sync.Mutex
	refused   map[string]bool
}
