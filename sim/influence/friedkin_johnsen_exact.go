package influence

import (
	"gonum.org/v1/gonum/mat"

	"boomerang/sim/network"
)

// FriedkinJohnsenFixedPoint solves (I − λW) x* = (1 − λ) u densely with
// gonum, W the DeGroot weights with self-loop: the equilibrium the
// friedkin-johnsen model iterates towards (Friedkin & Johnsen 1990;
// LITERATURE §7: x* = (I − ΛW)⁻¹(I − Λ)u). It costs O(n³): a reference
// for tests and check-literature, not for runs.
func FriedkinJohnsenFixedPoint(g *network.Graph, lambda float64, u []float32) ([]float64, error) {
	n := g.N
	a := mat.NewDense(n, n, nil)
	b := mat.NewVecDense(n, nil)
	for i := range n {
		w := lambda / float64(g.Degree(i)+1)
		a.Set(i, i, 1-w)
		if g.Complete {
			for j := range n {
				if j != i {
					a.Set(i, j, -w)
				}
			}
		} else {
			for _, j := range g.Neighbours(i) {
				a.Set(i, int(j), -w)
			}
		}
		b.SetVec(i, (1-lambda)*float64(u[i]))
	}
	var x mat.VecDense
	if err := x.SolveVec(a, b); err != nil {
		return nil, err
	}
	return x.RawVector().Data, nil
}
