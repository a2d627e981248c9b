// Package browsertest starts a real headless Chromium for tests through chromedp.
//
// Tests call New to get a browser context. When no Chromium is installed the
// test is skipped, unless the CI environment variable is set: then a missing
// browser fails the run, so CI can never pass without running browser tests.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// ChromiumPath finds the browser binary: $CHROMIUM, then the usual names on PATH.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless Chromium and returns a tab context that is closed
// when the test ends. Width and height set the window size in CSS pixels.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium not found and CI is set: install it (apt-get install -y chromium)")
		}
		t.Skip("Chromium not found; set CHROMIUM or install chromium to run browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		// Cancel waits for the browser to exit, so its profile folder can be removed.
		_ = chromedp.Cancel(ctx)
		cancelCtx()
		cancelAlloc()
	})
	// Headless windows have a minimum width; emulating the viewport gives true phone sizes.
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}
