package browsertest

import (
	"context"
	"fmt"
	"sync"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Console collects the errors a page reports: uncaught exceptions,
// console.error calls and resources that failed to load.
type Console struct {
	mu     sync.Mutex
	errors []string
}

// WatchConsole starts collecting errors in the tab of ctx; call it before navigating.
func WatchConsole(ctx context.Context) (*Console, error) {
	c := &Console{}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			c.add("exception: " + ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				msg := "console.error:"
				for _, a := range ev.Args {
					msg += " " + string(a.Value)
				}
				c.add(msg)
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError {
				c.add(fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		return cdplog.Enable().Do(ctx)
	}))
	return c, err
}

func (c *Console) add(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors = append(c.errors, s)
}

// Take returns the errors collected since the last call and forgets them.
func (c *Console) Take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.errors
	c.errors = nil
	return out
}
