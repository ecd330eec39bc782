package influence

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
// The anchors are Setup.Initial, copied at construction. If Setup.Initial
// is missing (length ≠ N), the opinions passed to the first Step are the
// anchors.

// friedkinJohnsen wraps the shared averager and fills in the anchors.
type friedkinJohnsen struct {
	*averager
	anchored bool
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
	anchor := make([]float32, s.Graph.N)
	m := &friedkinJohnsen{averager: newAverager(s, float32(1-st), anchor)}
	if len(s.Initial) == s.Graph.N {
		copy(anchor, s.Initial)
		m.anchored = true
	}
	return m
}

// Step implements Model: one synchronous anchored averaging.
func (m *friedkinJohnsen) Step(t int, x []float32) {
	if !m.anchored {
		copy(m.anchor, x)
		m.anchored = true
	}
	m.averager.Step(t, x)
}
