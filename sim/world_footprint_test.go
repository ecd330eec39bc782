package sim

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// A world whose arms read no profiles and whose platform profiles nobody
// builds no footprint (issue 18); one built on demand is the footprint
// that the same world builds when an arm needs it.
func TestFootprintOnlyWhenRead(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size = 3000
	c.Data.QuizShare = 0
	c.Steps = 2
	if c.NeedsFootprint() {
		t.Fatal("control and broadcast with no quiz need a footprint")
	}
	w, err := BuildWorld(c, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	if w.Footprint != nil {
		t.Fatal("footprint built although nothing reads it")
	}
	lazy, prof, err := w.BuildFootprint(1)
	if err != nil || lazy == nil || prof == nil {
		t.Fatalf("on demand: %v", err)
	}
	d := c
	d.Arms = append(slices.Clone(c.Arms), ArmConfig{Name: "interests", Strategy: "interests"})
	if !d.NeedsFootprint() {
		t.Fatal("an interests arm reads likes")
	}
	full, err := BuildWorld(d, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	if full.Footprint == nil || !slices.Equal(full.Footprint.Likes.Pages, lazy.Likes.Pages) ||
		!slices.Equal(full.Footprint.Visibility.Flags, lazy.Visibility.Flags) {
		t.Fatal("the footprint built on demand differs from the world's")
	}
	if again, _, _ := full.BuildFootprint(2); again != full.Footprint {
		t.Error("BuildFootprint rebuilt a footprint the world has")
	}
	q := c
	q.Data.QuizShare = 0.003
	if !q.NeedsFootprint() {
		t.Error("a quiz profiles people: the profiling metrics read it")
	}
	// The run works without it, and reports nobody profiled.
	r, err := NewRunOn(w, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.RunToEnd()
	if got := r.Result().Arms[1].Series; len(got) == 0 || got[len(got)-1].ProfiledShare != 0 {
		t.Errorf("broadcast without a footprint: %+v", got)
	}
}

// A minimum audience larger than the town runs, and the run's notes say
// which setting and what value works.
func TestMinAudienceAboveTownNote(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size = 800
	c.Data.QuizShare = 0
	c.Steps = 1
	c.Regulation.MinAudience = 1000
	r, err := NewRun(c, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "regulation.min_audience = 1000 is more than the 800 people simulated: no targeted audience can reach it, so targeting falls back to broadcast (use regulation.min_audience ≤ 800, or population.size ≥ 1000)"
	if !slices.Contains(r.Notes(), want) {
		t.Errorf("notes %q lack %q", r.Notes(), want)
	}
}

// Without a footprint the run reports an untrained model: accuracies null
// in manifest.json, not 0.
func TestNoFootprintReportsNull(t *testing.T) {
	c := DefaultConfig()
	c.Population.Size, c.Data.QuizShare, c.Steps = 500, 0, 1
	r, err := NewRun(c, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(r.Result().Inference)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(j); !strings.Contains(s, `"trained":false`) || !strings.Contains(s, `"r_big_five_mean":null`) || !strings.Contains(s, `"population":500`) {
		t.Errorf("inference report without a footprint: %s", s)
	}
}
