// Package network holds the social network as compressed sparse rows (CSR)
// and the generators that build it: complete, random (Erdős–Rényi),
// small-world (Watts–Strogatz) and homophilous.
package network

// Graph is an undirected graph in CSR form: the neighbours of agent i are
// Adj[Offsets[i]:Offsets[i+1]], sorted ascending, without self-loops or
// duplicates. Every tie appears twice (i→j and j→i).
//
// A complete graph is not materialised: Complete is true, Adj is nil and
// code that needs neighbours must treat every other agent as one
// (see Neighbours / Degree). That keeps N = 2,000,000 complete graphs
// representable for models that only sample partners.
type Graph struct {
	N        int
	Complete bool
	Offsets  []int64 // len N+1; nil when Complete
	Adj      []int32 // len Offsets[N]; nil when Complete
}

// Degree returns the number of neighbours of agent i.
func (g *Graph) Degree(i int) int {
	if g.Complete {
		return g.N - 1
	}
	return int(g.Offsets[i+1] - g.Offsets[i])
}

// Neighbours returns the neighbour list of agent i. It panics on a complete
// graph, whose lists are implicit; check Complete first.
func (g *Graph) Neighbours(i int) []int32 {
	if g.Complete {
		panic("network: Neighbours on an implicit complete graph")
	}
	return g.Adj[g.Offsets[i]:g.Offsets[i+1]]
}

// Edges returns the number of undirected ties.
func (g *Graph) Edges() int64 {
	if g.Complete {
		return int64(g.N) * int64(g.N-1) / 2
	}
	return g.Offsets[g.N] / 2
}

// MeanDegree returns 2·edges / N.
func (g *Graph) MeanDegree() float64 {
	if g.N == 0 {
		return 0
	}
	return 2 * float64(g.Edges()) / float64(g.N)
}

// Params are the scenario's [network] settings.
type Params struct {
	Kind      string  `toml:"kind" comment:"complete, random (Erdős–Rényi), small-world (Watts–Strogatz), homophilous, or file (read from network.path)"`
	Degree    float64 `toml:"degree" comment:"mean degree (ties per agent); ignored for complete"`
	Rewire    float64 `toml:"rewire" limits:"0 1" comment:"small-world: probability that a lattice tie is rewired"`
	Homophily float64 `toml:"homophily" limits:"0 1" comment:"homophilous: 0 ties ignore similarity, 1 ties only between the most similar (ideology, age, region)"`
	Path      string  `toml:"path,omitempty" comment:"file: the network file, relative to the scenario file: an edge list (a b per line; spaces, tab or comma; # comments) or GraphML (.graphml); people are numbered in the order their ids first appear; population.size follows the file"`
	Directed  bool    `toml:"directed,omitempty" comment:"file: read edge-list lines a b as directed ties a->b (GraphML says it itself); ties stay mutual in the model, so a->b and b->a count as one reciprocal tie instead of a duplicate (default false)"`
}

// Attributes are the agent traits that homophilous tie formation reads.
// All slices have length N.
type Attributes struct {
	Ideology []float32 // standardised
	Age      []uint8   // years
	Region   []uint8
}
