package network

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"boomerang/sim/datafile"
	"boomerang/sim/par"
)

// KindFile is the network kind read from a file (Params.Path) instead of
// generated: an edge list or GraphML (file.go, file_graphml.go).
const KindFile = "file"

// MaxFileNodes is the most people a network file may name: the engine's
// largest population (population.MaxSize).
const MaxFileNodes = 2_000_000

// IDs are the node ids of an imported network, agent i's at index i,
// stored compactly (one byte buffer and end offsets), so a million ids
// cost a few megabytes instead of a million strings.
type IDs struct {
	buf []byte
	end []int64
}

// Len returns the number of ids.
func (d *IDs) Len() int { return len(d.end) }

// ID returns agent i's id as written in the file.
func (d *IDs) ID(i int) string {
	lo := int64(0)
	if i > 0 {
		lo = d.end[i-1]
	}
	return string(d.buf[lo:d.end[i]])
}

// Index returns a map from id to agent, for joining other files by id.
func (d *IDs) Index() map[string]int32 {
	m := make(map[string]int32, d.Len())
	for i := range d.end {
		m[d.ID(i)] = int32(i)
	}
	return m
}

func (d *IDs) add(b []byte) {
	d.buf = append(d.buf, b...)
	d.end = append(d.end, int64(len(d.buf)))
}

// interner numbers ids in order of first appearance. Canonical decimal ids
// (the common case: SNAP, networkx, our own export) below a few times the
// number of ids seen go to a dense table, one array read per lookup (a
// hash map's probe cost 40 % of a million-person import); larger ones to
// an integer-keyed map; other ids to a string map.
type interner struct {
	dense []int32 // dense[v] = agent+1 for decimal id v; 0 = not there
	num   map[uint64]int32
	str   map[string]int32
	ids   IDs
}

// denseSlack is how far beyond 4 × (ids seen) a decimal id may be and
// still go to the dense table.
const denseSlack = 1 << 16

func newInterner() *interner {
	return &interner{num: map[uint64]int32{}, str: map[string]int32{}}
}

// decimal parses a canonical non-negative decimal (no sign, no leading
// zero, at most 18 digits).
func decimal(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 18 || (b[0] == '0' && len(b) > 1) {
		return 0, false
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return v, true
}

func (t *interner) lookup(b []byte) (int32, bool) {
	if v, ok := decimal(b); ok {
		if v < uint64(len(t.dense)) && t.dense[v] > 0 {
			return t.dense[v] - 1, true
		}
		i, ok := t.num[v]
		return i, ok
	}
	i, ok := t.str[string(b)]
	return i, ok
}

// intern returns b's agent number, adding it if new (added reports that).
func (t *interner) intern(b []byte) (i int32, added bool) {
	if i, ok := t.lookup(b); ok {
		return i, false
	}
	i = int32(t.ids.Len())
	if v, ok := decimal(b); ok {
		if v < 4*uint64(t.ids.Len())+denseSlack {
			if v >= uint64(len(t.dense)) {
				t.dense = append(t.dense, make([]int32, int(v)+1-len(t.dense))...)
			}
			t.dense[v] = i + 1
		} else {
			t.num[v] = i
		}
	} else {
		t.str[string(b)] = i
	}
	t.ids.add(b)
	return i, true
}

// Report says what an import read and what it dropped.
type Report struct {
	File       string `json:"file"`
	Format     string `json:"format"` // "edge list" or "GraphML"
	Directed   bool   `json:"directed"`
	Nodes      int    `json:"nodes"`
	Ties       int64  `json:"ties"`        // undirected ties kept
	Records    int64  `json:"records"`     // edge lines or <edge> elements read
	SelfLoops  int64  `json:"self_loops"`  // dropped
	Duplicates int64  `json:"duplicates"`  // repeated ties, dropped
	Reciprocal int64  `json:"reciprocal"`  // directed: pairs tied both ways, kept as one tie
	ZeroWeight int64  `json:"zero_weight"` // ties of weight 0, dropped
	Weighted   bool   `json:"weighted"`    // the file carried weights (validated, then ignored: ties are unweighted)
}

// String is the report as one line, for the CLI's stderr.
func (r Report) String() string {
	s := fmt.Sprintf("%s: %s, %d people, %d ties", r.File, r.Format, r.Nodes, r.Ties)
	var dropped []string
	for _, d := range []struct {
		n    int64
		what string
	}{{r.SelfLoops, "self-loops"}, {r.Duplicates, "duplicate ties"}, {r.ZeroWeight, "ties of weight 0"}} {
		if d.n > 0 {
			dropped = append(dropped, fmt.Sprintf("%d %s", d.n, d.what))
		}
	}
	if len(dropped) > 0 {
		s += "; dropped " + strings.Join(dropped, ", ")
	}
	if r.Reciprocal > 0 {
		s += fmt.Sprintf("; %d reciprocal pairs kept as one tie each", r.Reciprocal)
	}
	if r.Weighted {
		s += "; weights ignored (ties are unweighted)"
	}
	return s
}

// Imported is a network read from a file: the graph, each agent's id in
// the file, and the report.
type Imported struct {
	Graph  *Graph
	IDs    *IDs
	Report Report
}

// visitor receives what a parser reads: node declarations (GraphML nodes,
// one-column edge-list lines) and ties with their optional weight.
type visitor struct {
	node func(line int64, id []byte) error
	edge func(line int64, a, b []byte, w float64, weighted bool) error
}

// parser reads one file format, calling v; directed returns whether the
// file declared its ties directed (GraphML's edgedefault).
type parser func(src *datafile.Source, v visitor) (directed bool, err error)

func parserFor(p string) (parser, string) {
	switch strings.ToLower(path.Ext(p)) {
	case ".graphml", ".xml":
		return parseGraphML, "GraphML"
	}
	return parseEdgeList, "edge list"
}

// Import reads the network file src. Agents are numbered in the order in
// which their ids first appear in the file (a node line or element, or a
// tie's end), so the numbering is deterministic and an exported network
// comes back in its own order. directed reads edge-list ties as a→b
// (GraphML files say it themselves, edgedefault). The model's ties are
// mutual: a→b is a tie between a and b, and a→b with b→a is one tie
// (counted as reciprocal); undirected a–b written twice is a duplicate.
// Self-loops, duplicates and ties of weight 0 are dropped and counted.
//
// The file is parsed twice, streaming: first to number the people and
// count ties per person, then to place every tie straight into the CSR
// arrays, so the peak memory is the graph, the id index and nothing per
// tie beyond them.
func Import(src *datafile.Source, directed bool, workers int) (*Imported, error) {
	return importFile(src, directed, workers, false)
}

// importFile is Import; with scanOnly it stops after the first pass and
// returns the ids and the report without a graph.
func importFile(src *datafile.Source, directed bool, workers int, scanOnly bool) (*Imported, error) {
	parse, format := parserFor(src.Path)
	rep := Report{File: src.Name, Format: format}
	t := newInterner()
	var deg []int32
	declared, undeclared := []bool(nil), map[int32]int64{}
	isGraphML := format == "GraphML"
	add := func(line int64, id []byte) (int32, error) {
		if len(id) == 0 {
			return 0, src.Errorf(line, "empty node id")
		}
		i, added := t.intern(id)
		if added {
			if t.ids.Len() > MaxFileNodes {
				return 0, src.Errorf(line, "more than %d people: the engine's largest population", MaxFileNodes)
			}
			deg = append(deg, 0)
			declared = append(declared, false)
		}
		return i, nil
	}
	fileDirected, err := parse(src, visitor{
		node: func(line int64, id []byte) error {
			i, err := add(line, id)
			if err != nil {
				return err
			}
			if isGraphML {
				if declared[i] {
					return src.Errorf(line, "node id %q declared twice (ids are compared after trimming spaces)", id)
				}
				declared[i] = true
				delete(undeclared, i)
			}
			return nil
		},
		edge: func(line int64, a, b []byte, w float64, weighted bool) error {
			i, err := add(line, a)
			if err != nil {
				return err
			}
			j, err := add(line, b)
			if err != nil {
				return err
			}
			if isGraphML {
				for _, k := range []int32{i, j} {
					if _, seen := undeclared[k]; !declared[k] && !seen {
						undeclared[k] = line
					}
				}
			}
			rep.Records++
			rep.Weighted = rep.Weighted || weighted
			switch {
			case i == j:
				rep.SelfLoops++
			case weighted && w == 0:
				rep.ZeroWeight++
			default:
				deg[i]++
				deg[j]++
			}
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if len(undeclared) > 0 {
		first, at := int32(0), int64(-1)
		for k, line := range undeclared {
			if at < 0 || line < at || (line == at && k < first) {
				first, at = k, line
			}
		}
		return nil, src.Errorf(at, "tie to node %q, which no <node> declares", t.ids.ID(int(first)))
	}
	rep.Directed = directed || fileDirected
	n := t.ids.Len()
	if n == 0 {
		return nil, src.Errorf(0, "no nodes and no ties: an edge list has lines \"a b\" (or \"a,b\"), GraphML <node> and <edge> elements")
	}
	declared, undeclared = nil, nil
	src.TextChecked = true
	if scanOnly {
		rep.Nodes = n
		return &Imported{IDs: &t.ids, Report: rep}, nil
	}

	offsets := make([]int64, n+1)
	for i, d := range deg {
		offsets[i+1] = offsets[i] + int64(d)
	}
	cursor := deg // reuse: cursor[i] counts entries placed in i's list
	clear(cursor)
	adj := make([]int32, offsets[n])
	// Entries are keys id<<1|in: in = 1 marks j→i stored at i, so the
	// second pass can tell a repeated tie from a reciprocal one.
	var placed int64
	_, err = parse(src, visitor{
		node: func(int64, []byte) error { return nil },
		edge: func(line int64, a, b []byte, w float64, weighted bool) error {
			i, ok1 := t.lookup(a)
			j, ok2 := t.lookup(b)
			if !ok1 || !ok2 {
				return src.Errorf(line, "the file changed while it was read")
			}
			if i == j || (weighted && w == 0) {
				return nil
			}
			if cursor[i] >= int32(offsets[i+1]-offsets[i]) || cursor[j] >= int32(offsets[j+1]-offsets[j]) {
				return src.Errorf(line, "the file changed while it was read")
			}
			adj[offsets[i]+int64(cursor[i])] = j << 1
			cursor[i]++
			adj[offsets[j]+int64(cursor[j])] = i<<1 | 1
			cursor[j]++
			placed += 2
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	if placed != offsets[n] {
		return nil, src.Errorf(0, "the file changed while it was read")
	}
	ids := t.ids
	t = nil
	g := &Graph{N: n, Offsets: offsets, Adj: adj}
	rep.Duplicates, rep.Reciprocal = settle(g, cursor, rep.Directed, workers)
	rep.Nodes, rep.Ties = n, g.Edges()
	return &Imported{Graph: g, IDs: &ids, Report: rep}, nil
}

// settle sorts every list of direction-tagged keys, merges each
// neighbour's entries into one tie and compacts the arrays in place; fill
// is scratch of length N. It returns the dropped duplicates and, when
// directed, the reciprocal pairs, each counted once per pair.
func settle(g *Graph, fill []int32, directed bool, workers int) (dups, recip int64) {
	const chunk = 8192
	n := g.N
	count := (n + chunk - 1) / chunk
	dc := make([]int64, count)
	rc := make([]int64, count)
	par.Each(count, workers, func(_, c int) {
		for i := c * chunk; i < min((c+1)*chunk, n); i++ {
			l := g.Adj[g.Offsets[i]:g.Offsets[i+1]]
			sortInt32(l)
			m := 0
			for k := 0; k < len(l); {
				j := l[k] >> 1
				out, in := int64(0), int64(0)
				for ; k < len(l) && l[k]>>1 == j; k++ {
					if l[k]&1 == 1 {
						in++
					} else {
						out++
					}
				}
				if int(j) > i { // count each pair at its lower end
					if directed {
						dc[c] += max(out-1, 0) + max(in-1, 0)
						if out > 0 && in > 0 {
							rc[c]++
						}
					} else {
						dc[c] += out + in - 1
					}
				}
				l[m] = j
				m++
			}
			fill[i] = int32(m)
		}
	})
	var at int64
	for i := 0; i < n; i++ {
		start := g.Offsets[i]
		g.Offsets[i] = at
		at += int64(copy(g.Adj[at:], g.Adj[start:start+int64(fill[i])]))
	}
	g.Offsets[n] = at
	if at < int64(len(g.Adj))-int64(len(g.Adj))/8 {
		g.Adj = append([]int32(nil), g.Adj[:at]...)
	} else {
		g.Adj = g.Adj[:at:at]
	}
	for c := range dc {
		dups += dc[c]
		recip += rc[c]
	}
	return dups, recip
}

// parseEdgeList reads an edge list: one tie per line, "a b" separated by
// spaces, a tab or a comma (decided by the first data line), with an
// optional third column, the weight; a line with one id declares a person
// without ties (so isolated people survive a round trip); blank lines and
// # comments are skipped. The separator is decided by the first line with
// more than one field. If that line's first two fields are "source" and
// "target" (any case; Gephi's CSV) it is a header: it names the columns, a
// "weight" column is the weight and other columns are ignored.
func parseEdgeList(src *datafile.Source, v visitor) (bool, error) {
	var sep byte
	first := true                        // the separator is not decided yet
	colA, colB, colW, ncol := 0, 1, 2, 3 // column positions; ncol: most columns allowed
	var fields [][]byte
	err := src.Lines(func(line int64, text []byte) error {
		if datafile.Skip(text) {
			return nil
		}
		if first {
			sep = datafile.Separator(text)
			if sep == 0 && len(datafile.Fields(fields, text, 0)) < 2 {
				// One id, no separator yet: a person without ties.
				return v.node(line, datafile.Fields(fields, text, 0)[0])
			}
		}
		fields = datafile.Fields(fields, text, sep)
		if first {
			first = false
			if len(fields) >= 2 && strings.EqualFold(string(fields[0]), "source") && strings.EqualFold(string(fields[1]), "target") {
				colW, ncol = -1, len(fields)
				for k, f := range fields {
					if strings.EqualFold(string(f), "weight") {
						colW = k
					}
				}
				return nil
			}
		}
		switch {
		case len(fields) == 1:
			return v.node(line, fields[0])
		case len(fields) > ncol:
			return src.Errorf(line, "%d columns; an edge list has two ids and an optional weight", len(fields))
		case len(fields) < 2 || (ncol > 3 && len(fields) != ncol):
			return src.Errorf(line, "%d columns; the header names %d", len(fields), ncol)
		}
		w, weighted := 1.0, false
		if colW >= 0 && colW < len(fields) {
			var err error
			if w, err = weight(fields[colW]); err != nil {
				return src.Errorf(line, "%v", err)
			}
			weighted = true
		}
		return v.edge(line, fields[colA], fields[colB], w, weighted)
	})
	return false, err
}

// weight parses a tie weight: a finite number of 0 or more.
func weight(f []byte) (float64, error) {
	w, err := strconv.ParseFloat(string(bytes.TrimSpace(f)), 64)
	switch {
	case err != nil:
		return 0, fmt.Errorf("weight %q is not a number", f)
	case w < 0:
		return 0, fmt.Errorf("weight %s is negative: tie weights must be 0 or more", f)
	case w != w || w > 1e300:
		return 0, fmt.Errorf("weight %s is not a finite number", f)
	}
	return w, nil
}

// Scan checks the whole network file like Import, in one pass, and
// returns the people's ids without building the graph (for validation and
// for joining population.file).
func Scan(src *datafile.Source, directed bool) (*IDs, error) {
	imp, err := importFile(src, directed, 1, true)
	if err != nil {
		return nil, err
	}
	return imp.IDs, nil
}
