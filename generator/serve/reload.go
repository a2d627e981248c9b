package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// The browser learns about builds through Server-Sent Events on
// eventsPath. Every finished build sends exactly one event:
//
//	reload  the output changed: data is a reloadMsg
//	errors  the build failed: data is the list of problems (see overlay.go)
//	ok      the build succeeded and changed nothing (clears an overlay)
//
// A page that connects while the last build failed gets its errors at once.
const eventsPath = "/__p2pc/events"

// reloadMsg tells open pages what a build changed.
type reloadMsg struct {
	// Changed are the output files written or removed; empty with All.
	Changed []string `json:"changed"`
	// All says that more files changed than are worth listing (a title or
	// a layout changed): every page reloads.
	All bool `json:"all,omitempty"`
	// Edited is the output page of the one Markdown file the build was
	// for, when there is one: pages showing another lesson go there.
	Edited string `json:"edited,omitempty"`
}

// maxListed is the number of changed files listed in a reload event;
// beyond it the event says All.
const maxListed = 200

type event struct {
	name string
	data []byte
}

// broker sends events to every connected page.
type broker struct {
	mu      sync.Mutex
	clients map[chan event]bool
	failed  *event // the errors of the last build, if it failed
	closed  chan struct{}
}

func newBroker() *broker {
	return &broker{clients: map[chan event]bool{}, closed: make(chan struct{})}
}

// publish sends an event named name with data as JSON to every page.
func (b *broker) publish(name string, data any) {
	js, err := json.Marshal(data)
	if err != nil {
		panic(err) // only our own plain structs are sent
	}
	ev := event{name, js}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failed = nil
	if name == "errors" {
		b.failed = &ev
	}
	for c := range b.clients {
		select {
		case c <- ev:
		default: // a page that does not keep up misses this build, not the next
		}
	}
}

// close ends every event stream, so that the server can shut down.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.closed:
	default:
		close(b.closed)
	}
}

func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 8)
	b.mu.Lock()
	b.clients[c] = true
	if b.failed != nil {
		c <- *b.failed
	}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.clients, c)
		b.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n") // reconnect quickly when serve restarts
	flusher.Flush()
	for {
		select {
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			flusher.Flush()
		case <-r.Context().Done():
			return
		case <-b.closed:
			return
		}
	}
}
