package footprint

import (
	"slices"
	"strings"
	"testing"
)

// TestPageTitles: every page has a title, all different, the same for the
// same page count, and no title names the attribute its page loads on
// (the attribute's own name or the first topic word of its high end,
// e.g. "religion").
func TestPageTitles(t *testing.T) {
	for _, pages := range []int{200, 2000, 10_000} {
		c := NewCatalogue(pages)
		titles := c.Titles()
		if !slices.Equal(titles, NewCatalogue(pages).Titles()) {
			t.Fatalf("%d pages: titles differ between two catalogues", pages)
		}
		seen := map[string]int{}
		for p, title := range titles {
			if title == "" {
				t.Fatalf("page %d has no title", p)
			}
			if q, ok := seen[title]; ok {
				t.Errorf("%d pages: pages %d and %d are both %q", pages, q, p, title)
			}
			seen[title] = p
			a := c.Pages[p].Attribute
			if a >= NumAttributes {
				continue
			}
			trait := strings.Fields(attributeKinds[a][0].topic)[0] // e.g. "religion"
			for _, w := range strings.Fields(strings.ToLower(title)) {
				if w == a.String() || w == trait {
					t.Errorf("page %d (%s) is titled %q: it names its attribute", p, c.TopicKey(p), title)
				}
			}
		}
	}
	if len(interestKinds) != NumInterests {
		t.Errorf("%d interest kinds for %d interests", len(interestKinds), NumInterests)
	}
}

// TestPageTopicFindsReligiousPages: the topic words let a search for
// "religion" find the religious pages (sign +) and the fan pages of the
// interest "religion and spirituality", and only those.
func TestPageTopicFindsReligiousPages(t *testing.T) {
	c := NewCatalogue(2000)
	found := 0
	for p, pg := range c.Pages {
		hit := strings.Contains(c.Topic(p), "religion")
		k, isInterest := c.InterestOf(p)
		want := pg.Attribute == Religious && pg.Sign > 0 || isInterest && InterestName(k) == "religion and spirituality"
		if hit != want {
			t.Errorf("page %d (%s): search for religion finds it: %v", p, c.TopicKey(p), hit)
		}
		if hit {
			found++
		}
	}
	if found == 0 {
		t.Error("no religious page")
	}
}
