package ui

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"boomerang/chart"
	"boomerang/sim"
)

// TestUITextHasGlyphs checks that every text the widgets show can be
// drawn with the font Fyne embeds: a rune it lacks (→, −, ▶, ●, ≥ …)
// comes out as a box or a stray mark on a machine without a fallback
// font — a projector laptop, say. Chart texts are exempt: gonum/plot
// draws them with Liberation Sans, which has those glyphs.
func TestUITextHasGlyphs(t *testing.T) {
	var fonts []*sfnt.Font
	for _, r := range [][]byte{theme.TextFont().Content(), theme.TextBoldFont().Content(), theme.TextItalicFont().Content()} {
		f, err := sfnt.Parse(r)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	missing := func(s string) string {
		var out []string
		for _, r := range s {
			if r < 0x80 {
				continue
			}
			for _, f := range fonts {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					out = append(out, fmt.Sprintf("%c (U+%04X)", r, r))
					break
				}
			}
		}
		return strings.Join(out, ", ")
	}
	chartOnly := map[string]bool{}
	for _, c := range sim.MetricColumns() {
		if l, ok := chart.MetricLabel(c.Name); ok {
			chartOnly[l.Title], chartOnly[l.Axis] = true, true
		}
	}
	for _, c := range sim.MetricColumns() {
		chartOnly[c.ShortAxis()] = true
	}
	var bad []string
	for file, uses := range i18nKeysInSource(t) {
		for _, u := range uses {
			if m := missing(u.key); m != "" && !chartOnly[u.key] {
				bad = append(bad, fmt.Sprintf("%s: %q lacks %s", u.pos, u.key, m))
			}
		}
		_ = file
	}
	for key, nl := range i18nDutch(t) {
		if m := missing(nl); m != "" && !chartOnly[key] {
			bad = append(bad, fmt.Sprintf("Dutch of %q: %q lacks %s", key, nl, m))
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}
