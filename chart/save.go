package chart

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"git.sr.ht/~sbinet/gg"
	stdfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// SaveDPI is the resolution Save assumes to turn pixels into the physical
// size of a vector file (SVG, PDF) and to size the text of a PNG.
const SaveDPI = 96

// Formats lists the file extensions Save understands.
func Formats() []string { return []string{".png", ".svg", ".pdf"} }

// Save writes p to path as PNG, SVG or PDF, chosen by the extension
// (case-insensitive), widthPx × heightPx pixels at SaveDPI. SVG and PDF
// carry their fonts. The file is written whole or not at all: the chart
// goes to a temporary file in the same directory, renamed over path only
// once complete.
func Save(p *plot.Plot, path string, widthPx, heightPx int) error {
	cw, err := canvasFor(p, path, filepath.Ext(path), widthPx, heightPx)
	if err != nil {
		return err
	}
	return writeAtomic(path, cw)
}

// Encode writes p to w as Save would write it to a file named with the
// extension ext (".png", ".svg" or ".pdf"): for a browser download or
// any other place that is not a file.
func Encode(w io.Writer, p *plot.Plot, ext string, widthPx, heightPx int) error {
	cw, err := canvasFor(p, "chart"+ext, ext, widthPx, heightPx)
	if err != nil {
		return err
	}
	_, err = cw.WriteTo(w)
	return err
}

// canvasFor draws p on a canvas of the format of ext, widthPx × heightPx
// pixels at SaveDPI; name is only for error messages.
func canvasFor(p *plot.Plot, name, ext string, widthPx, heightPx int) (vg.CanvasWriterTo, error) {
	if p == nil {
		return nil, errNoPlot
	}
	if widthPx <= 0 || heightPx <= 0 {
		return nil, fmt.Errorf("chart: %s: size %d×%d must be positive", name, widthPx, heightPx)
	}
	w := vg.Length(widthPx) * vg.Inch / SaveDPI
	h := vg.Length(heightPx) * vg.Inch / SaveDPI
	var cw vg.CanvasWriterTo
	switch ext = strings.ToLower(ext); ext {
	case ".png":
		cw = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(SaveDPI))}
	case ".svg":
		cw = vgsvg.NewWith(vgsvg.UseWH(w, h), vgsvg.EmbedFonts(true))
	case ".pdf":
		// vgpdf registers every font under the regular style but selects
		// bold ones as "B", which fails: draw the PDF title regular.
		if wt := p.Title.TextStyle.Font.Weight; wt != stdfont.WeightNormal {
			p.Title.TextStyle.Font.Weight = stdfont.WeightNormal
			defer func() { p.Title.TextStyle.Font.Weight = wt }()
		}
		c := vgpdf.New(w, h)
		c.EmbedFonts(true)
		cw = c
	default:
		return nil, fmt.Errorf("chart: %s: unsupported format %q (use %s)", name, ext, strings.Join(Formats(), ", "))
	}
	drawWithMargin(p, draw.New(cw))
	return cw, nil
}

// writeAtomic writes w to path through a temporary file in the same
// directory and a rename, removing the temporary file on any error.
func writeAtomic(path string, w io.WriterTo) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = w.WriteTo(f); err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	if err = os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("chart: %s: %w", path, err)
	}
	return nil
}

// Render draws p into img, filling it entirely, at dpi dots per inch
// (≤ 0 means 96): the physical size of the chart is img's size divided by
// dpi, so a higher dpi makes text and lines larger in pixels. Render draws
// straight into img's pixels — no copy — so the app can reuse one buffer
// for every frame. It must not be called on the same img concurrently.
func Render(p *plot.Plot, img *image.RGBA, dpi float64) {
	if p == nil || img == nil || img.Bounds().Empty() {
		return
	}
	if dpi <= 0 || math.IsNaN(dpi) || math.IsInf(dpi, 0) {
		dpi = 96
	}
	// vgimg.UseImage would copy img into a fresh buffer (gg.NewContextForImage);
	// a context made with NewContextForRGBA draws into img itself. The
	// context needs the same set-up vgimg.NewWith gives its own contexts.
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	c := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(max(1, int(math.Round(dpi)))))
	drawWithMargin(p, draw.New(c))
}

// drawWithMargin fills the canvas with the plot's background and draws
// the plot in its plot area (plotArea).
func drawWithMargin(p *plot.Plot, dc draw.Canvas) {
	if p.BackgroundColor != nil {
		dc.SetColor(p.BackgroundColor)
		dc.Fill(dc.Rectangle.Path())
	}
	plotArea(p, dc, func(c draw.Canvas) { p.Draw(c) })
}

// plotArea calls f with the part of dc the plot is laid out in: inside a
// small margin, so that the title and the last tick label do not touch
// the edge of the image. A y-axis label longer, rotated, than half the
// height is left out while f runs: gonum/plot would otherwise shrink the
// plot area until the label fits, and a small chart (the app's live
// charts on a projector) would become a strip; the title says what is
// drawn. Rendering and PointPixels both lay out through here, so a click
// maps to what was drawn.
func plotArea(p *plot.Plot, dc draw.Canvas, f func(draw.Canvas)) {
	w, h := dc.Max.X-dc.Min.X, dc.Max.Y-dc.Min.Y
	m := min(vg.Points(10), w/20, h/20)
	if label := p.Y.Label.Text; label != "" && p.Y.Label.TextStyle.Width(label) > h/2 {
		p.Y.Label.Text = ""
		defer func() { p.Y.Label.Text = label }()
	}
	f(draw.Crop(dc, m, -m, m, -m))
}

// errNoPlot is returned when a nil plot is passed.
var errNoPlot = errors.New("chart: no plot")
