package main

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// newServeWebCmd serves the browser build (scripts/web-build.sh) as
// static files: on a lecturer's laptop for a class on the same network,
// or on this machine for scripts/web-test.sh.
func newServeWebCmd() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "serve-web DIR",
		Short: "Serve the browser build (scripts/web-build.sh) from DIR as a static web site",
		Long: `serve-web serves the static folder that scripts/web-build.sh (make web)
writes: index.html, boomerang.wasm and the files beside them. It sends
.wasm files as application/wasm (browsers compile them only then) and,
to a browser that accepts gzip, the precompressed FILE.gz beside a file
instead of FILE (the module is a quarter of its size compressed). Every
response may be cached but is revalidated, so a rebuilt folder is seen at
the next reload.

The default address serves this machine only. To serve a class on the
same network, listen on every interface and give the students this
machine's address:

  boomerang-cli serve-web out/web --addr 0.0.0.0:8080

Nothing is sent back to the server: the app runs in each browser.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			for _, f := range []string{"index.html", "boomerang.wasm", "wasm_exec.js"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					return usageError{fmt.Errorf("%s has no %s: build it first with scripts/web-build.sh %s", dir, f, dir)}
				}
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: webHandler(dir), ReadHeaderTimeout: 10 * time.Second}
			if !isQuiet(cmd) {
				fmt.Fprintf(cmd.OutOrStdout(), "serving %s at http://%s/ (Ctrl-C stops)\n", dir, ln.Addr())
			}
			ctx, cancel := signalContext(cmd)
			defer cancel()
			go func() {
				<-ctx.Done()
				shut, done := context.WithTimeout(context.Background(), 5*time.Second)
				defer done()
				srv.Shutdown(shut)
			}()
			if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (0.0.0.0:8080: every interface, for a class)")
	return cmd
}

// webHandler serves the static folder dir: "/" is index.html, each file
// has its type by extension (.wasm is application/wasm), and FILE.gz is
// sent instead of FILE, with Content-Encoding gzip, to a client that
// accepts gzip. Only GET and HEAD are answered.
func webHandler(dir string) http.Handler {
	root := http.Dir(dir)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		h := w.Header()
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Add("Vary", "Accept-Encoding")
		ctype := mime.TypeByExtension(path.Ext(name))
		switch path.Ext(name) {
		case ".wasm":
			ctype = "application/wasm"
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		case ".html":
			ctype = "text/html; charset=utf-8"
		}
		if ctype != "" {
			h.Set("Content-Type", ctype)
		}
		if acceptsGzip(r) {
			if f, err := root.Open(name + ".gz"); err == nil {
				defer f.Close()
				if st, err := f.Stat(); err == nil && !st.IsDir() {
					h.Set("Content-Encoding", "gzip")
					http.ServeContent(w, r, name, st.ModTime(), f)
					return
				}
			}
		}
		f, err := root.Open(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, st.ModTime(), f)
	})
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip
// (and does not refuse it with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") || strings.TrimSpace(enc) == "*" {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
