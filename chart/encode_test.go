package chart

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"boomerang/sim"
)

// TestEncodeMatchesSave: Encode writes what Save puts in a file, for
// every format, and refuses what Save refuses.
func TestEncodeMatchesSave(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range Formats() {
		p, err := Lines([]sim.Result{fakeResult(1, 20, 0)}, "conversions", Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, p, ext, 320, 200); err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		path := filepath.Join(dir, "c"+ext)
		if err := Save(p, path, 320, 200); err != nil {
			t.Fatal(err)
		}
		file, _ := os.ReadFile(path)
		if ext != ".pdf" && !bytes.Equal(buf.Bytes(), file) { // a PDF carries its creation time
			t.Errorf("%s: Encode wrote %d bytes, Save %d, and they differ", ext, buf.Len(), len(file))
		}
		if ext == ".png" {
			img, err := png.Decode(&buf)
			if err != nil || img.Bounds().Dx() != 320 || img.Bounds().Dy() != 200 {
				t.Errorf("png: %v, %v", err, img)
			}
		}
	}
	p, _ := Lines(nil, "conversions", Options{})
	if err := Encode(&bytes.Buffer{}, p, ".gif", 320, 200); err == nil {
		t.Error("a .gif was encoded")
	}
	if err := Encode(&bytes.Buffer{}, nil, ".png", 320, 200); err == nil {
		t.Error("a nil plot was encoded")
	}
	if err := Encode(&bytes.Buffer{}, p, ".png", 0, 200); err == nil {
		t.Error("a 0-pixel chart was encoded")
	}
}
