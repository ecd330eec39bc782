package batch

import (
	"context"
	"fmt"
	"math"

	"boomerang/scenarios"
	"boomerang/sim"
)

// This file checks a story against the model (issue 17): every step of a
// built-in story runs over replications, each claim of the step is judged
// on the paired differences between arms of the same replication (twins
// of one world), and every placeholder of the step's texts gets its
// measured value. `boomerang-cli check-stories` prints the result;
// `--write` stores it for the app (scenarios.Measured).

// StoryOptions configure MeasureStory.
type StoryOptions struct {
	Reps    int  // replications per step (≥ 2 for an interval)
	Workers int  // ≤ 0: GOMAXPROCS
	Quick   bool // a claim passes when its mean lies on the claimed side (CI mode: few replications)
	// OnStep is called after each measured step (progress), may be nil.
	OnStep func(step, steps int)
}

// MeasureStory runs every step of cfg's story (step k with the settings of
// steps 1 to k) with opt.Reps replications from the scenario's seed, then
// judges each step's claims and fills its placeholders.
func MeasureStory(ctx context.Context, name string, cfg sim.Config, opt StoryOptions) (scenarios.StoryMeasure, error) {
	out := scenarios.StoryMeasure{Scenario: name, Seed: cfg.Seed, Reps: max(opt.Reps, 1), Quick: opt.Quick}
	n := len(cfg.Story.Steps)
	steps := make([][]Finals, n) // steps[k-1][rep]
	for k := 1; k <= n; k++ {
		sc, err := scenarios.StepConfig(cfg, k)
		if err != nil {
			return out, err
		}
		res, err := Run(ctx, Options{Config: sc, Reps: out.Reps, Workers: opt.Workers})
		if err != nil {
			return out, fmt.Errorf("%s, story step %d: %w", name, k, err)
		}
		for _, r := range res.Reps {
			steps[k-1] = append(steps[k-1], finalsOf(r.Result))
		}
		if opt.OnStep != nil {
			opt.OnStep(k, n)
		}
	}
	ev := storyEval{arms: map[string]int{}, cols: map[string]int{}, steps: steps}
	known := map[string]bool{}
	for i, a := range cfg.Arms {
		ev.arms[a.Name], known[a.Name] = i, true
	}
	for i, c := range sim.MetricColumns() {
		ev.cols[c.Name] = i
	}
	for k := 1; k <= n; k++ {
		sm, err := ev.step(k, cfg.Story.Steps[k-1], known, opt.Quick)
		if err != nil {
			return out, fmt.Errorf("%s, story step %d: %w", name, k, err)
		}
		out.Steps = append(out.Steps, sm)
	}
	return out, nil
}

// storyEval reads terms from the finals of every step of a story.
type storyEval struct {
	arms  map[string]int
	cols  map[string]int
	steps [][]Finals
}

// series is a term's value in each replication, read in step k unless
// the term names its own step.
func (e *storyEval) series(k int, t scenarios.Term) []float64 {
	if t.Step > 0 {
		k = t.Step
	}
	reps := e.steps[k-1]
	v := make([]float64, len(reps))
	m, a := e.cols[scenarios.MetricColumn(t.Metric)], e.arms[t.Arm]
	for r, f := range reps {
		v[r] = f[a][m]
	}
	return v
}

// side is Factor × term (or the constant) in each replication.
func (e *storyEval) side(k int, s scenarios.Side, reps int) []float64 {
	v := make([]float64, reps)
	var t []float64
	if s.Term != nil {
		t = e.series(k, *s.Term)
	}
	for r := range v {
		if t != nil {
			v[r] = s.Factor * t[r]
		} else {
			v[r] = s.Const
		}
	}
	return v
}

// step judges step k's claims and measures its placeholders.
func (e *storyEval) step(k int, st sim.StoryStep, known map[string]bool, quick bool) (scenarios.StepMeasure, error) {
	sm := scenarios.StepMeasure{Step: k, Values: map[string]float64{}}
	reps := len(e.steps[k-1])
	for _, text := range st.Expect {
		c, err := scenarios.ParseClaim(text, known)
		if err != nil {
			return sm, err
		}
		sm.Claims = append(sm.Claims, judge(c, e.side(k, c.Left, reps), e.side(k, c.Right, reps), quick))
	}
	for _, text := range []string{st.TextEN + st.QuestionEN, st.TextNL + st.QuestionNL} {
		ps, err := scenarios.Placeholders(text, known)
		if err != nil {
			return sm, err
		}
		for _, p := range ps {
			if v := e.placeholder(k, p); !math.IsNaN(v) && !math.IsInf(v, 0) {
				sm.Values[p.Text] = v
			}
		}
	}
	if len(sm.Values) == 0 {
		sm.Values = nil
	}
	return sm, nil
}

// placeholder is the measured value of one placeholder in step k: the mean
// of a term, the ratio of two means, or the mean paired difference.
func (e *storyEval) placeholder(k int, p scenarios.Placeholder) float64 {
	a := e.series(k, p.A)
	ma, _, _, _ := meanCI(a)
	switch p.Kind {
	case scenarios.PlaceRatio:
		mb, _, _, _ := meanCI(e.series(k, p.B))
		return ma / mb
	case scenarios.PlaceDiff:
		b := e.series(k, p.B)
		d := make([]float64, len(a))
		for i := range d {
			d[i] = a[i] - b[i]
		}
		md, _, _, _ := meanCI(d)
		return md
	}
	return ma
}

// judge decides a claim from the two sides' per-replication values: the
// paired difference left − right must have its 95 % interval above zero
// for ">" and below for "<" (in quick mode: its mean).
func judge(c scenarios.Claim, left, right []float64, quick bool) scenarios.ClaimResult {
	out := scenarios.ClaimResult{Claim: c.Text}
	var l, r, d []float64
	for i := range left {
		if math.IsNaN(left[i]) || math.IsNaN(right[i]) {
			out.Undefined = true
			continue
		}
		l, r, d = append(l, left[i]), append(r, right[i]), append(d, left[i]-right[i])
	}
	out.N = len(d)
	out.Left, _, _, _ = meanCI(l)
	out.Right, _, _, _ = meanCI(r)
	out.Diff, _, out.Lo, out.Hi = meanCI(d)
	if len(d) == 1 || allEqual(d) {
		out.Lo, out.Hi = out.Diff, out.Diff // no spread: the interval is the value
	}
	lo, hi := out.Lo, out.Hi
	if quick {
		lo, hi = out.Diff, out.Diff
	}
	if c.Greater {
		out.Pass = lo > 0
	} else {
		out.Pass = hi < 0
	}
	if out.Undefined || out.N == 0 {
		out.Pass = false
	}
	clean := func(v *float64) {
		if math.IsNaN(*v) || math.IsInf(*v, 0) {
			*v = 0
		}
	}
	for _, v := range []*float64{&out.Left, &out.Right, &out.Diff, &out.Lo, &out.Hi} {
		clean(v)
	}
	return out
}

func allEqual(x []float64) bool {
	for _, v := range x {
		if v != x[0] {
			return false
		}
	}
	return len(x) > 0
}
