package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"boomerang/scenarios"
)

// Settings: keys with a fixed set of values are pickers (every string key
// of the panel is one), help texts carry no internal references, a
// search finds settings and says when nothing matches, a changed setting
// is marked with the scenario's value, and the story panel then says
// that its text describes the scenario's own settings.
func TestSettingsPickersSearchAndChanged(t *testing.T) {
	u, q := newTestApp(t)
	p := u.settings
	for _, k := range scenarios.Keys() {
		f := p.fields[k.Name]
		if f == nil {
			continue
		}
		if k.Type == "string" && !listKeys[k.Name] {
			choices, ok := enumChoices[k.Name]
			if !ok || f.pick == nil || !slices.Equal(f.pick.Options, choices()) {
				t.Errorf("%s: a string setting without a picker of its values (picker %v)", k.Name, f.pick != nil)
			}
		}
		for _, ref := range []string{"LITERATURE", "docs/", "MODEL"} {
			if strings.Contains(KeyDoc(k), ref) {
				t.Errorf("%s: help text names %q: %q", k.Name, ref, KeyDoc(k))
			}
		}
	}

	// Search.
	p.search.SetText("consent")
	var shown []string
	for name, f := range p.fields {
		if f.row.Visible() {
			shown = append(shown, name)
		}
	}
	if !slices.Contains(shown, "regulation.consent_design") || slices.Contains(shown, "campaign.budget") || p.noMatch.Visible() {
		t.Errorf("searching consent shows %v (no-match shown %v)", shown, p.noMatch.Visible())
	}
	p.search.SetText("xylophone")
	if !p.noMatch.Visible() || !strings.Contains(p.noMatch.Text, "No setting matches") {
		t.Errorf("a search without a match says %q (shown %v)", p.noMatch.Text, p.noMatch.Visible())
	}
	p.search.SetText("")
	if !p.fields["campaign.budget"].row.Visible() {
		t.Error("clearing the search does not show every setting again")
	}

	// A picked value applies and is marked changed; the story says why
	// its numbers may differ.
	f := p.fields["regulation.consent_design"]
	own := u.cfg.Regulation.ConsentDesign
	other := "no-reject-button"
	if own == other {
		other = "opt-in"
	}
	if f.changed.Visible() || u.story.changed.Visible() {
		t.Fatal("marked changed before any change")
	}
	f.pick.SetSelected(other)
	q.drain()
	if u.cfg.Regulation.ConsentDesign != other {
		t.Fatalf("picking %s left consent_design %s", other, u.cfg.Regulation.ConsentDesign)
	}
	if !f.changed.Visible() || !strings.Contains(f.changed.Text, own) {
		t.Errorf("changed mark %q (shown %v), want the scenario's %s", f.changed.Text, f.changed.Visible(), own)
	}
	if p.fields["campaign.budget"].changed.Visible() {
		t.Error("an unchanged setting is marked changed")
	}
	if !u.story.has() {
		t.Fatal("the default scenario should have a story")
	}
	if !u.story.changed.Visible() || !strings.Contains(u.story.changed.Text, "regulation.consent_design") {
		t.Errorf("story note %q (shown %v)", u.story.changed.Text, u.story.changed.Visible())
	}
	// The story's next page sets its own values: they are not the user's
	// changes; the user's change is carried and still marked.
	test.Tap(u.story.next)
	q.drain()
	if !f.changed.Visible() {
		t.Error("the user's change is no longer marked after Next")
	}
	for name, g := range p.fields {
		if name != "regulation.consent_design" && g.changed.Visible() {
			t.Errorf("after Next, %s is marked changed (%q): the story set it", name, g.changed.Text)
		}
	}
	// Back to the scenario's own value: no marks, no note.
	f.pick.SetSelected(own)
	q.drain()
	if f.changed.Visible() || u.story.changed.Visible() {
		t.Errorf("back to the scenario's value: mark %v, story note %v", f.changed.Visible(), u.story.changed.Visible())
	}
}

// The settings panel's hint of a key with declared limits states them
// (from the limits tag next to the parameter, as Validate checks them):
// a closed range, an open low end, and in Dutch with a decimal comma.
func TestKeyDocStatesDeclaredLimits(t *testing.T) {
	keys := map[string]scenarios.Key{}
	for _, k := range scenarios.Keys() {
		keys[k.Name] = k
	}
	for name, want := range map[string]string{
		"network.rewire":    "(allowed: 0 to 1)",
		"opinion.mean":      "(allowed: -1 to 1)",
		"influence.epsilon": "(allowed: above 0, at most 2)",
	} {
		k, ok := keys[name]
		if !ok {
			t.Fatalf("no key %s", name)
		}
		if doc := KeyDoc(k); !strings.HasSuffix(doc, want) {
			t.Errorf("%s hint %q does not end in %q", name, doc, want)
		}
	}
	i18nUseDutch(t)
	if doc := KeyDoc(keys["influence.mu"]); !strings.HasSuffix(doc, "(toegestaan: boven 0, hoogstens 0,5)") {
		t.Errorf("influence.mu hint in Dutch %q does not state its limits", doc)
	}
}
