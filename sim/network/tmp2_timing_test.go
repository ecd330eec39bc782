package network

import (
	"os"
	"testing"
)

func TestTmpProf(t *testing.T) {
	n := 1_000_000
	a := attrs(t, n)
	kind := os.Getenv("KIND")
	p := params(kind)
	for range 4 {
		Build(p, n, a, 1, 1)
	}
}
