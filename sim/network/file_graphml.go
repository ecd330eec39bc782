package network

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"boomerang/sim/datafile"
)

// parseGraphML reads a GraphML file (graphml.graphdrawing.org): <node id>
// elements, <edge source target> elements and, when a <key> for edges is
// named "weight" (attr.name), each edge's weight from its <data>. Other
// keys and data (attributes exported by Boomerang or Gephi) are skipped.
// One graph per file; nested graphs and hyperedges are refused. The
// decoder streams: only the current element is in memory.
func parseGraphML(src *datafile.Source, v visitor) (bool, error) {
	rc, err := src.Reader()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = true
	line := func() int64 { l, _ := dec.InputPos(); return int64(l) }
	weightKey := ""
	directed := false
	graphs, depth := 0, 0
	var (
		inEdge     bool
		edgeLine   int64
		ea, eb     []byte
		inWeight   bool
		wtext      bytes.Buffer
		w          float64
		hasW       bool
		edgeDirect bool
	)
	sawRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false, xmlError(src, line(), err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if !sawRoot {
				if e.Name.Local != "graphml" {
					return false, src.Errorf(line(), "not GraphML: the root element is <%s>, not <graphml>", e.Name.Local)
				}
				sawRoot = true
				continue
			}
			switch e.Name.Local {
			case "key":
				if strings.EqualFold(attr(e, "attr.name"), "weight") && (attr(e, "for") == "edge" || attr(e, "for") == "all") {
					weightKey = attr(e, "id")
				}
			case "graph":
				graphs++
				if graphs > 1 {
					return false, src.Errorf(line(), "a second <graph>: one graph per file, no nested graphs")
				}
				switch attr(e, "edgedefault") {
				case "directed":
					directed = true
				case "undirected", "":
				default:
					return false, src.Errorf(line(), "edgedefault=%q: must be directed or undirected", attr(e, "edgedefault"))
				}
			case "node":
				id := bytes.TrimSpace([]byte(attr(e, "id")))
				if len(id) == 0 {
					return false, src.Errorf(line(), "<node> without an id")
				}
				if err := v.node(line(), id); err != nil {
					return false, err
				}
			case "edge":
				inEdge, edgeLine, hasW, w = true, line(), false, 1
				ea = append(ea[:0], bytes.TrimSpace([]byte(attr(e, "source")))...)
				eb = append(eb[:0], bytes.TrimSpace([]byte(attr(e, "target")))...)
				if len(ea) == 0 || len(eb) == 0 {
					return false, src.Errorf(edgeLine, "<edge> needs a source and a target")
				}
				edgeDirect = attr(e, "directed") == "true"
			case "hyperedge":
				return false, src.Errorf(line(), "<hyperedge> is not supported: ties join two people")
			case "data":
				if inEdge && weightKey != "" && attr(e, "key") == weightKey {
					inWeight = true
					wtext.Reset()
				}
			}
		case xml.CharData:
			if inWeight {
				if wtext.Len()+len(e) > datafile.MaxLine {
					return false, src.Errorf(line(), "weight longer than %d bytes", datafile.MaxLine)
				}
				wtext.Write(e)
			}
		case xml.EndElement:
			depth--
			switch e.Name.Local {
			case "data":
				if inWeight {
					inWeight = false
					x, err := weight(wtext.Bytes())
					if err != nil {
						return false, src.Errorf(line(), "%v", err)
					}
					w, hasW = x, true
				}
			case "edge":
				inEdge = false
				directed = directed || edgeDirect
				if err := v.edge(edgeLine, ea, eb, w, hasW); err != nil {
					return false, err
				}
			}
		}
	}
	if !sawRoot {
		return false, src.Errorf(0, "not GraphML: no <graphml> element")
	}
	if depth != 0 {
		return false, src.Errorf(line(), "unexpected end of file (truncated?)")
	}
	return directed, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		local := a.Name.Local
		if a.Name.Space != "" && a.Name.Space != "http://graphml.graphdrawing.org/xmlns" {
			continue
		}
		if local == name {
			return a.Value
		}
	}
	return ""
}

// xmlError turns the decoder's error into one line at its line.
func xmlError(src *datafile.Source, line int64, err error) error {
	var de *datafile.Error
	if errors.As(err, &de) {
		return err
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.Contains(msg, "unexpected EOF") {
			msg = "unexpected end of file (truncated?)"
		}
		return src.Errorf(int64(se.Line), "not well-formed XML: %s", msg)
	}
	return src.Errorf(line, "%s", fmt.Sprint(err))
}
