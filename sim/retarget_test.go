package sim

import (
	"slices"
	"testing"
)

// retargetRun runs a festival world with the interest arm and returns,
// per step, its retargeted impressions and what it knew before the step:
// the step of each person's last click and who had converted.
type retargetStep struct {
	t         int
	retarget  []Exposure
	lastClick []int32
	converted []bool
}

func retargetRun(t *testing.T, c Config) (*Run, []retargetStep) {
	t.Helper()
	c.Arms = []ArmConfig{{Name: "control", Strategy: "none"}, {Name: "interests", Strategy: "interests"}}
	r, err := NewRun(c, 2024, 2)
	if err != nil {
		t.Fatal(err)
	}
	var steps []retargetStep
	for !r.Done() {
		st := r.Arms[1].State
		s := retargetStep{lastClick: slices.Clone(st.lastClick), converted: slices.Clone(st.Converted)}
		r.Step()
		s.t = r.Arms[1].Series[len(r.Arms[1].Series)-1].Step
		for _, e := range st.Observed {
			if e.Why == WhyRetarget {
				s.retarget = append(s.retarget, e.Exposure)
			}
		}
		steps = append(steps, s)
	}
	return r, steps
}

// The interest arm retargets exactly the people who clicked its ad within
// campaign.retarget_window steps, have not bought, and consented to
// tracking: a harvested or quiz-visible clicker has no pixel and is never
// retargeted. Each retargeted impression books the tracking ID and the
// click history in the ledger, and every tracked clicker of the previous
// step is retargeted once the pilot is over.
func TestRetargeting(t *testing.T) {
	c := festivalConfig(20_000)
	r, steps := retargetRun(t, c)
	vis := r.World.Footprint.Visibility
	window := c.Campaign.RetargetWindow
	total := 0
	for _, s := range steps {
		got := map[int32]bool{}
		for _, e := range s.retarget {
			i := e.Agent
			total++
			if got[i] {
				t.Fatalf("step %d: %d retargeted twice", s.t, i)
			}
			got[i] = true
			if !vis.Consented(int(i)) {
				t.Fatalf("step %d: retargeted %d, who did not consent to tracking", s.t, i)
			}
			if c := s.lastClick[i]; c == 0 || s.t-int(c) > window || int(e.Detail) != int(c) {
				t.Fatalf("step %d: retargeted %d (click at %d), whose last click was at step %d (window %d)", s.t, i, e.Detail, c, window)
			}
			if s.converted[i] {
				t.Fatalf("step %d: retargeted %d, a buyer it knows of", s.t, i)
			}
			if e.Attributes != retargetAttrs || e.Sensitive {
				t.Fatalf("step %d: retargeted impression books %d attributes (sensitive %v), want %d", s.t, e.Attributes, e.Sensitive, retargetAttrs)
			}
		}
		if s.t <= c.Campaign.PilotSteps {
			if len(s.retarget) > 0 {
				t.Fatalf("step %d: retargeting in the pilot", s.t)
			}
			continue
		}
		for i, cl := range s.lastClick {
			if int(cl) == s.t-1 && !s.converted[i] && vis.Consented(i) && !got[int32(i)] {
				t.Fatalf("step %d: %d clicked at step %d, consented and did not buy, but was not retargeted", s.t, i, cl)
			}
		}
	}
	if total == 0 {
		t.Fatal("no retargeted impression")
	}
}

// Without consent (no pixel) or with retarget_window = 0 the channel is
// empty.
func TestRetargetingOff(t *testing.T) {
	for name, set := range map[string]func(*Config){
		"consent 0": func(c *Config) { c.Regulation.ConsentRate = 0 },
		"window 0":  func(c *Config) { c.Campaign.RetargetWindow = 0 },
	} {
		c := festivalConfig(10_000)
		set(&c)
		_, steps := retargetRun(t, c)
		for _, s := range steps {
			if len(s.retarget) > 0 {
				t.Errorf("%s: %d retargeted impressions at step %d", name, len(s.retarget), s.t)
				break
			}
		}
	}
}
