package play

import (
	"testing"
	"time"

	"boomerang/scenarios"
	"boomerang/sim"
)

// startSmall starts a controller on broadcast-basics with 300 people, 6
// steps and r replications; its snapshots arrive on the channel.
func startSmall(t *testing.T, r int) (*Controller, <-chan Snapshot) {
	t.Helper()
	cfg, err := scenarios.Builtin("broadcast-basics")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Population.Size, cfg.Steps = 300, 6
	cfg.Campaign.Budget = 100
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	out := make(chan Snapshot, 256)
	c := NewController(cfg, 5, 1, func(s Snapshot) { out <- s }, func(err error) { t.Error(err) })
	c.SetReplications(r)
	c.SetStepDelay(0)
	c.Start()
	t.Cleanup(c.Stop)
	return c, out
}

// until waits for a snapshot that satisfies ok.
func until(t *testing.T, out <-chan Snapshot, what string, ok func(Snapshot) bool) Snapshot {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case s := <-out:
			if ok(s) {
				return s
			}
		case <-deadline:
			t.Fatalf("no snapshot with %s", what)
		}
	}
}

// The controller publishes step 0, steps exactly one on Step, plays to
// the end and stops there, and Reset goes back to step 0 of the same
// run: the same opinions after the same number of steps.
func TestControllerStepPlayReset(t *testing.T) {
	c, out := startSmall(t, 2)
	s := until(t, out, "the replicas", func(s Snapshot) bool { return len(s.Replicas) == 1 })
	if s.T != 0 || s.Playing || s.Done {
		t.Fatalf("first snapshot: T %d playing %v done %v", s.T, s.Playing, s.Done)
	}
	c.Step()
	one := until(t, out, "step 1", func(s Snapshot) bool { return s.T == 1 })
	if one.Playing || len(one.History) != 2 {
		t.Errorf("after Step: playing %v, %d history rows (want 2)", one.Playing, len(one.History))
	}
	c.Play()
	end := until(t, out, "the end", func(s Snapshot) bool { return s.Done })
	if end.T != 6 || end.Playing || len(end.Replicas[0].Arms[0].Series) != 7 {
		t.Errorf("at the end: T %d playing %v", end.T, end.Playing)
	}
	c.Reset()
	until(t, out, "step 0 again", func(s Snapshot) bool { return s.T == 0 })
	c.Step()
	again := until(t, out, "step 1 again", func(s Snapshot) bool { return s.T == 1 })
	for i, x := range one.Opinions {
		if again.Opinions[i] != x {
			t.Fatalf("person %d: %v after Reset and Step, %v the first time", i, again.Opinions[i], x)
		}
	}
}

// DefaultShownArm opens on the last arm that tries to persuade: not the
// control, not a demobiliser.
func TestDefaultShownArm(t *testing.T) {
	cfg := sim.Config{Arms: []sim.ArmConfig{{Strategy: "none"}, {Strategy: "psychographic"}, {Strategy: "demobilise"}}}
	if got := DefaultShownArm(cfg); got != 1 {
		t.Errorf("DefaultShownArm = %d, want 1 (psychographic)", got)
	}
	cfg.Arms = cfg.Arms[:1]
	if got := DefaultShownArm(cfg); got != 0 {
		t.Errorf("control only: DefaultShownArm = %d, want 0", got)
	}
}
