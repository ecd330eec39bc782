package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// learnHeadings are the headings of the Learn view, in order.
func learnHeadings(v *learnView) []string {
	var out []string
	for _, r := range v.sections {
		for _, s := range r.Segments {
			if t, ok := s.(*widget.TextSegment); ok && strings.HasPrefix(string(t.Style.SizeName), "heading") ||
				ok && strings.HasPrefix(string(t.Style.SizeName), "subHeading") {
				out = append(out, t.Text)
			}
		}
	}
	return out
}

func TestLearnViewSourcesAndQuestions(t *testing.T) {
	u, _ := newStoryTestApp(t, "broadcast-basics")
	u.ShowTab("learn")
	if u.CurrentTab() != "learn" {
		t.Fatalf("the Learn tab did not open: %q", u.CurrentTab())
	}
	v := u.learn
	heads := learnHeadings(v)
	want := []string{"How Boomerang works", "The population", "The data footprint and inference", "The strategies",
		"The response and opinion dynamics", "The ledger", "Regulation and defences", "Sources", "Questions for discussion"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", heads, want)
	}
	text := v.Text()
	for _, s := range []string{"Kosinski, Stillwell & Graepel (2013)", "Youyou", "Matz, Kosinski, Nave & Stillwell (2017)",
		"Coppock, Hill & Vavreck (2020)", "Tappin", "Because we can, should we want to?", "2024/900"} {
		if !strings.Contains(text, s) {
			t.Errorf("the Learn view does not mention %q", s)
		}
	}
	// The view scrolls and draws.
	u.Window.Canvas().Capture()
}

func TestLearnViewDutch(t *testing.T) {
	if err := SetLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetLanguage("en") })
	u, _ := newStoryTestApp(t, "broadcast-basics")
	heads := learnHeadings(u.learn)
	if len(heads) != len(learnSections()) || heads[0] != "Hoe Boomerang werkt" || heads[7] != "Bronnen" {
		t.Errorf("Dutch headings %q", heads)
	}
	if text := u.learn.Text(); !strings.Contains(text, "Omdat het kan, moeten we het ook willen?") ||
		strings.Contains(text, "Because we can") {
		t.Error("the Dutch Learn view lacks the essay's question in Dutch")
	}
}
