package influence

import "slices"

// Friedkin & Johnsen (1990): DeGroot averaging anchored to each agent's
// initial opinion,
//
//	x' = λ·(W x) + (1−λ)·u,   λ = 1 − stubbornness,  u = x(0),
//
// with W the DeGroot weights of degroot.go (self-weight included). For
// λ < 1 the iteration is a contraction and converges to the unique fixed
// point x* = (I − λW)⁻¹ (1−λ) u, whatever the graph (Friedkin & Johnsen
// 1999). Stubbornness 0 is DeGroot; 1 freezes everyone at u.
//
// The anchors are Setup.Initial, read in place, not copied: every arm of
// a run anchors on the world's one slice of drawn opinions
// (World.Prejudice), which saves 4 bytes per agent and arm (issue 19), so
// the caller must not change Setup.Initial while the model is in use. If
// the first Step is handed Setup.Initial itself (a caller stepping its
// initial slice), the anchors are copied then, before anything moves. If
// Setup.Initial is missing (length ≠ N), the opinions passed to the first
// Step are the anchors (copied).

// friedkinJohnsen wraps the shared averager and fills in the anchors.
type friedkinJohnsen struct {
	*averager
	anchored bool // the anchors are set
	checked  bool // the first Step has checked that x is not the anchors
}

// newFriedkinJohnsen builds the FJ model; p.Stubbornness is clamped to [0, 1].
func newFriedkinJohnsen(p Params, s Setup) *friedkinJohnsen {
	st := p.Stubbornness
	if st < 0 || st != st {
		st = 0
	}
	if st > 1 {
		st = 1
	}
	m := &friedkinJohnsen{averager: newAverager(s, float32(1-st), nil)}
	if len(s.Initial) == s.Graph.N {
		m.anchor = s.Initial[:s.Graph.N:s.Graph.N]
		m.anchored = true
	}
	return m
}

// Step implements Model: one synchronous anchored averaging.
func (m *friedkinJohnsen) Step(t int, x []float32) {
	if !m.checked {
		m.checked = true
		if !m.anchored || (len(x) > 0 && &x[0] == &m.anchor[0]) {
			m.anchor = slices.Clone(x)
			m.anchored = true
		}
	}
	m.averager.Step(t, x)
}
