//go:build ignore

// gen_icon draws assets/icon.png, the app icon: a boomerang in flight on
// its way back, on a rounded square. Run it with `go generate ./assets`.
package main

import (
	"image/color"
	"log"
	"math"

	"git.sr.ht/~sbinet/gg"
)

const size = 512

func main() {
	dc := gg.NewContext(size, size)

	// Rounded-square background, deep blue with a soft vertical gradient.
	bg := gg.NewLinearGradient(0, 0, 0, size)
	bg.AddColorStop(0, color.RGBA{0x1B, 0x4F, 0x8C, 0xFF})
	bg.AddColorStop(1, color.RGBA{0x0B, 0x2A, 0x52, 0xFF})
	dc.DrawRoundedRectangle(16, 16, size-32, size-32, 96)
	dc.SetFillStyle(bg)
	dc.Fill()

	// The return path: a dashed arc sweeping round, ending in an arrowhead.
	cx, cy, r := 256.0, 262.0, 196.0
	dc.SetRGBA(1, 1, 1, 0.55)
	dc.SetLineWidth(14)
	dc.SetLineCapRound()
	dc.SetDash(2, 30)
	a0, a1 := gg.Radians(165), gg.Radians(412)
	dc.DrawArc(cx, cy, r, a0, a1)
	dc.Stroke()
	dc.SetDash()
	// Arrowhead at the end of the arc, pointing along it.
	ex, ey := cx+r*math.Cos(a1), cy+r*math.Sin(a1)
	tx, ty := -math.Sin(a1), math.Cos(a1) // tangent (direction of travel)
	nx, ny := math.Cos(a1), math.Sin(a1)  // outward normal
	dc.MoveTo(ex+tx*34, ey+ty*34)
	dc.LineTo(ex-tx*8+nx*24, ey-ty*8+ny*24)
	dc.LineTo(ex-tx*8-nx*24, ey-ty*8-ny*24)
	dc.ClosePath()
	dc.SetRGBA(1, 1, 1, 0.8)
	dc.Fill()

	// The boomerang: two tapered, slightly curved arms meeting at a
	// rounded elbow, drawn as a filled outline, tilted as if spinning.
	dc.Push()
	dc.RotateAbout(gg.Radians(-18), 256, 256)
	dc.ScaleAbout(0.86, 0.86, 256, 256)
	dc.Translate(0, 24)
	outline := func() {
		// Outer edge: tip A → elbow → tip B; inner edge back.
		dc.MoveTo(118, 214)
		dc.QuadraticTo(180, 120, 262, 132) // outer edge, arm A
		dc.QuadraticTo(300, 138, 318, 170) // round the elbow
		dc.QuadraticTo(360, 250, 392, 356) // outer edge, arm B
		dc.QuadraticTo(404, 400, 372, 404) // tip B
		dc.QuadraticTo(352, 404, 344, 382)
		dc.QuadraticTo(308, 270, 272, 212) // inner edge, arm B
		dc.QuadraticTo(262, 196, 244, 198) // inner elbow
		dc.QuadraticTo(188, 204, 150, 250) // inner edge, arm A
		dc.QuadraticTo(126, 276, 108, 256) // tip A
		dc.QuadraticTo(96, 240, 118, 214)
		dc.ClosePath()
	}
	// Shadow.
	dc.Push()
	dc.Translate(8, 12)
	outline()
	dc.SetRGBA(0, 0, 0, 0.30)
	dc.Fill()
	dc.Pop()
	// Wood: Okabe–Ito orange to vermillion.
	wood := gg.NewLinearGradient(120, 130, 390, 400)
	wood.AddColorStop(0, color.RGBA{0xF2, 0xB1, 0x2E, 0xFF})
	wood.AddColorStop(1, color.RGBA{0xD5, 0x5E, 0x00, 0xFF})
	outline()
	dc.SetFillStyle(wood)
	dc.FillPreserve()
	dc.SetRGBA255(0x6B, 0x2E, 0x00, 0xFF)
	dc.SetLineWidth(5)
	dc.Stroke()
	// Highlight along the outer edge.
	dc.SetRGBA(1, 1, 1, 0.45)
	dc.SetLineWidth(7)
	dc.SetLineCapRound()
	dc.MoveTo(140, 206)
	dc.QuadraticTo(190, 140, 262, 148)
	dc.QuadraticTo(296, 152, 308, 178)
	dc.Stroke()
	dc.Pop()

	if err := dc.SavePNG("icon.png"); err != nil {
		log.Fatal(err)
	}
}
