package batch

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"boomerang/sim"
)

// Graph export (run --graph): the network of the first replication with
// every person's attributes, what the platform inferred, and per arm the
// impressions, final opinion and conversion, as GraphML (networkx,
// igraph, yEd, Gephi) or GEXF 1.2 (Gephi); or the bare network as an edge
// list that network.kind = "file" reads back in the same agent order. Node ids are the network
// file's ids (network.kind = file) or the agent numbers of agents.csv;
// an inferred value the platform does not have is left out (no <data>).

// GraphFormats lists the accepted --graph formats.
func GraphFormats() []string { return []string{"graphml", "gexf", "edgelist"} }

// GraphFile is the file name of the export in format.
func GraphFile(format string) string {
	if format == "edgelist" {
		return "graph.edges"
	}
	return "graph." + format
}

// graphAttr is one node attribute: its name, its type and its value for
// agent i ("" = missing).
type graphAttr struct {
	name string
	typ  string // int, double, boolean, string
	val  func(i int) string
}

// graphAttrs lists the node attributes of run's export.
func graphAttrs(run *sim.Run) []graphAttr {
	w := run.World
	p, prof := w.Pop, w.Profiles
	f32 := func(v float32) string { return strconv.FormatFloat(float64(v), 'g', -1, 32) }
	num := func(s []float32) func(int) string { return func(i int) string { return f32(s[i]) } }
	attrs := []graphAttr{
		{"agent", "int", strconv.Itoa},
		{"degree", "int", func(i int) string { return strconv.Itoa(w.Graph.Degree(i)) }},
		{"age", "int", func(i int) string { return strconv.Itoa(int(p.Age[i])) }},
		{"gender", "string", func(i int) string { return genderName(p.Gender[i]) }},
		{"region", "int", func(i int) string { return strconv.Itoa(int(p.Region[i])) }},
		{"education", "string", func(i int) string { return educationName(p.Education[i]) }},
		{"migrant", "boolean", func(i int) string { return strconv.FormatBool(p.Migrant[i]) }},
		{"openness", "double", num(p.Openness)},
		{"conscientiousness", "double", num(p.Conscientiousness)},
		{"extraversion", "double", num(p.Extraversion)},
		{"agreeableness", "double", num(p.Agreeableness)},
		{"neuroticism", "double", num(p.Neuroticism)},
		{"ideology", "double", num(p.Ideology)},
		{"likes", "int", func(i int) string { return strconv.Itoa(int(p.Likes[i])) }},
	}
	for _, a := range []struct {
		name string
		attr sim.Attr
	}{{"openness", sim.AttrOpenness}, {"conscientiousness", sim.AttrConscientiousness},
		{"extraversion", sim.AttrExtraversion}, {"agreeableness", sim.AttrAgreeableness},
		{"neuroticism", sim.AttrNeuroticism}, {"ideology", sim.AttrIdeology}} {
		attrs = append(attrs, graphAttr{a.name + "_inferred", "double", func(i int) string {
			if !prof.Known(a.attr, i) {
				return ""
			}
			return f32(prof.Inferred[a.attr][i])
		}})
	}
	attrs = append(attrs,
		graphAttr{"susceptibility", "double", num(p.Susceptibility)},
		graphAttr{"media_literacy", "double", num(p.MediaLiteracy)},
		graphAttr{"privacy_concern", "double", num(p.PrivacyConcern)},
		graphAttr{"opinion_initial", "double", num(w.Initial)},
	)
	for _, arm := range run.Arms {
		st := arm.State
		name := graphName(arm.Name)
		attrs = append(attrs,
			graphAttr{name + "_impressions", "int", func(i int) string { return strconv.Itoa(int(st.Impressions[i])) }},
			graphAttr{name + "_opinion_final", "double", num(st.Opinion)},
			graphAttr{name + "_converted", "boolean", func(i int) string { return strconv.FormatBool(st.Converted[i]) }},
		)
	}
	return attrs
}

// graphName turns an arm name into an attribute-name prefix: letters,
// digits and _ only.
func graphName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
}

// xmlAttr escapes s for an XML attribute value or text.
func xmlAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\t', '\n', '\r':
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteGraph writes run's network with its people's attributes and
// results in format (GraphFormats) to w.
func WriteGraph(w io.Writer, format string, run *sim.Run) error {
	switch format {
	case "graphml":
		return writeGraphML(w, run)
	case "gexf":
		return writeGEXF(w, run)
	case "edgelist":
		return writeEdgeList(w, run)
	}
	return fmt.Errorf("--graph %q: unknown format (allowed: %s)", format, strings.Join(GraphFormats(), ", "))
}

// eachEdge calls f for every tie i < j once.
func eachEdge(g *sim.World, f func(k int64, i, j int)) {
	gr := g.Graph
	var k int64
	for i := 0; i < gr.N; i++ {
		if gr.Complete {
			for j := i + 1; j < gr.N; j++ {
				f(k, i, j)
				k++
			}
			continue
		}
		for _, j := range gr.Neighbours(i) {
			if int(j) > i {
				f(k, i, int(j))
				k++
			}
		}
	}
}

func writeGraphML(out io.Writer, run *sim.Run) error {
	w := bufio.NewWriterSize(out, 1<<16)
	wd := run.World
	attrs := graphAttrs(run)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for k, a := range attrs {
		fmt.Fprintf(w, "  <key id=\"d%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, a.name, a.typ)
	}
	fmt.Fprintf(w, "  <graph id=\"%s\" edgedefault=\"undirected\">\n", xmlAttr(wd.Config.Name))
	for i := 0; i < wd.Pop.N; i++ {
		fmt.Fprintf(w, "    <node id=\"%s\">", xmlAttr(wd.Imports.ID(i)))
		for k, a := range attrs {
			if v := a.val(i); v != "" {
				fmt.Fprintf(w, "<data key=\"d%d\">%s</data>", k, xmlAttr(v))
			}
		}
		w.WriteString("</node>\n")
	}
	eachEdge(wd, func(_ int64, i, j int) {
		fmt.Fprintf(w, "    <edge source=\"%s\" target=\"%s\"/>\n", xmlAttr(wd.Imports.ID(i)), xmlAttr(wd.Imports.ID(j)))
	})
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

func writeGEXF(out io.Writer, run *sim.Run) error {
	w := bufio.NewWriterSize(out, 1<<16)
	wd := run.World
	attrs := graphAttrs(run)
	gexfType := map[string]string{"int": "integer", "double": "double", "boolean": "boolean", "string": "string"}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>Boomerang %s</creator><description>%s</description></meta>
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
`, xmlAttr(sim.Version), xmlAttr(wd.Config.Name+": "+wd.Config.Title))
	for k, a := range attrs {
		fmt.Fprintf(w, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", k, a.name, gexfType[a.typ])
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	for i := 0; i < wd.Pop.N; i++ {
		id := xmlAttr(wd.Imports.ID(i))
		fmt.Fprintf(w, "      <node id=\"%s\" label=\"%s\"><attvalues>", id, id)
		for k, a := range attrs {
			if v := a.val(i); v != "" {
				fmt.Fprintf(w, "<attvalue for=\"%d\" value=\"%s\"/>", k, xmlAttr(v))
			}
		}
		w.WriteString("</attvalues></node>\n")
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	eachEdge(wd, func(k int64, i, j int) {
		fmt.Fprintf(w, "      <edge id=\"%d\" source=\"%s\" target=\"%s\"/>\n", k, xmlAttr(wd.Imports.ID(i)), xmlAttr(wd.Imports.ID(j)))
	})
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return w.Flush()
}

// writeEdgeList writes the bare network as an edge list: every id alone on
// a line first (so agents keep their numbers and isolated people are kept
// when it is read back), then one "a b" line per tie.
func writeEdgeList(out io.Writer, run *sim.Run) error {
	w := bufio.NewWriterSize(out, 1<<16)
	wd := run.World
	fmt.Fprintf(w, "# %s: %d people, %d ties (Boomerang %s; network.kind = \"file\" reads it back)\n", wd.Config.Name, wd.Pop.N, wd.Graph.Edges(), sim.Version)
	for i := 0; i < wd.Pop.N; i++ {
		w.WriteString(edgeListID(wd.Imports.ID(i)))
		w.WriteByte('\n')
	}
	eachEdge(wd, func(_ int64, i, j int) {
		w.WriteString(edgeListID(wd.Imports.ID(i)))
		w.WriteByte(' ')
		w.WriteString(edgeListID(wd.Imports.ID(j)))
		w.WriteByte('\n')
	})
	return w.Flush()
}

// edgeListID quotes an id that contains spaces, quotes or a comma.
func edgeListID(id string) string {
	if strings.ContainsAny(id, " \t,\"#") {
		return `"` + strings.ReplaceAll(id, `"`, `""`) + `"`
	}
	return id
}
