package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// webDir is a small stand-in for scripts/web-build.sh's folder.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte{0}, 4096)...)
	files := map[string][]byte{
		"index.html":     []byte("<!DOCTYPE html><title>Boomerang</title>"),
		"boomerang.wasm": wasm,
		"wasm_exec.js":   []byte("// go"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(wasm)
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "boomerang.wasm.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func get(t *testing.T, h http.Handler, path, acceptEncoding string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeWebTypesAndGzip(t *testing.T) {
	dir := webDir(t)
	h := webHandler(dir)
	want, _ := os.ReadFile(filepath.Join(dir, "boomerang.wasm"))

	// A browser that accepts gzip gets the precompressed file.
	res := get(t, h, "/boomerang.wasm", "gzip, deflate, br")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/wasm" ||
		res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip wasm: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if !bytes.Equal(got, want) {
		t.Errorf("gzip body decodes to %d bytes, want the %d of boomerang.wasm", len(got), len(want))
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("Vary = %q", res.Header.Get("Vary"))
	}

	// One that does not, or refuses it, gets the file itself.
	for _, ae := range []string{"", "identity", "gzip;q=0"} {
		res = get(t, h, "/boomerang.wasm", ae)
		body, _ := io.ReadAll(res.Body)
		if res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, want) ||
			res.Header.Get("Content-Type") != "application/wasm" {
			t.Errorf("Accept-Encoding %q: encoding %q, %d bytes, type %q", ae,
				res.Header.Get("Content-Encoding"), len(body), res.Header.Get("Content-Type"))
		}
	}

	// "/" is the page; the loader script is JavaScript.
	res = get(t, h, "/", "gzip")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(string(body), "Boomerang") {
		t.Errorf("/: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	if ct := get(t, h, "/wasm_exec.js", "").Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("wasm_exec.js: Content-Type %q", ct)
	}
}

func TestServeWebRefuses(t *testing.T) {
	dir := webDir(t)
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(secret, []byte("x"), 0o644)
	defer os.Remove(secret)
	h := webHandler(dir)
	for _, p := range []string{"/missing.js", "/../secret.txt", "/%2e%2e/secret.txt"} {
		if res := get(t, h, p, ""); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, res.StatusCode)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/index.html", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
}

func TestServeWebNeedsABuild(t *testing.T) {
	var out, errb bytes.Buffer
	code := execute([]string{"boomerang-cli", "serve-web", t.TempDir()}, &out, &errb)
	if code != 2 || !strings.Contains(errb.String(), "web-build.sh") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
