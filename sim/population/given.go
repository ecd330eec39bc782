package population

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"boomerang/sim/datafile"
)

// This file reads population.file: a CSV of per-person attributes joined
// to the network by id. Every attribute a row gives replaces the drawn
// value at the moment it is drawn, and the draws after it condition on
// it as the model's own order allows (age → gender, region, education,
// migration → Big Five → ideology → dispositions → likes → special
// categories and party): Big Five given age and gender, ideology given
// the traits and age, party given ideology, a trait given the traits
// before it (openness, conscientiousness, extraversion, agreeableness,
// neuroticism) through their correlations. Nothing conditions backwards
// (age is not drawn given ideology). Random draws are made in the same
// order whether a value is given or not, so a person without a row is
// drawn exactly as without a file.

// Column is one attribute population.file may give.
type Column int

// The columns of population.file, in the model's drawing order.
const (
	ColAge Column = iota
	ColGender
	ColRegion
	ColEducation
	ColMigrant
	ColOpenness
	ColConscientiousness
	ColExtraversion
	ColAgreeableness
	ColNeuroticism
	ColIdeology
	ColMediaLiteracy
	ColSusceptibility
	ColPrivacyConcern
	ColLikes
	ColReligious
	ColLGB
	ColHealth
	ColParty
	ColOpinion
	numColumns
)

// ColumnNames returns the header names of population.file's columns,
// index Column (the names of agents.csv where it has them).
func ColumnNames() []string {
	return []string{"age", "gender", "region", "education", "migrant",
		"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism",
		"ideology", "media_literacy", "susceptibility", "privacy_concern", "likes",
		"religious", "lgb", "health_condition", "party", "opinion_initial"}
}

// Given holds what population.file gave: per column, a value per agent
// and whether it was given (an empty cell or a missing row draws it).
type Given struct {
	File string
	Rows int
	vals [numColumns][]float32
	set  [numColumns][]bool
}

// Get returns agent i's given value of c, if any.
func (g *Given) Get(c Column, i int) (float32, bool) {
	if g == nil || g.set[c] == nil || !g.set[c][i] {
		return 0, false
	}
	return g.vals[c][i], true
}

// Sources lists which attributes came from the file and which were drawn,
// for manifest.json.
type Sources struct {
	File     string   `json:"file"`
	Rows     int      `json:"rows"`
	Imported []string `json:"imported"`         // given for every person
	Partly   []string `json:"partly,omitempty"` // given for some, drawn for the others
	Drawn    []string `json:"drawn"`            // drawn for everyone
}

// Sources reports the imported and drawn attributes.
func (g *Given) Sources() Sources {
	s := Sources{File: g.File, Rows: g.Rows, Imported: []string{}, Drawn: []string{}}
	for c, name := range ColumnNames() {
		n := 0
		for _, ok := range g.set[c] {
			if ok {
				n++
			}
		}
		switch {
		case n == 0:
			s.Drawn = append(s.Drawn, name)
		case n == len(g.set[c]):
			s.Imported = append(s.Imported, name)
		default:
			s.Partly = append(s.Partly, name)
		}
	}
	return s
}

// ReadGiven reads population.file for n people in regions regions. index
// maps an id to its agent (the network file's ids, or "0" … "n-1" for a
// generated network). The file is a CSV (or TSV) with a header: "id" and
// any of ColumnNames (opinion_initial may be written opinion); every
// problem is one line naming the file, the line and the value.
func ReadGiven(src *datafile.Source, n, regions int, index func(id string) (int, bool)) (*Given, error) {
	g := &Given{File: src.Name}
	var cols []Column // per file column; -1 for id
	idCol := -1
	var sep byte
	var fields [][]byte
	rowLine := make([]int64, n)
	err := src.Lines(func(line int64, text []byte) error {
		if datafile.Skip(text) {
			return nil
		}
		if cols == nil {
			sep = datafile.Separator(text)
			fields = datafile.Fields(fields, text, sep)
			seen := map[string]bool{}
			for k, f := range fields {
				name := strings.ToLower(string(f))
				if name == "opinion" {
					name = "opinion_initial"
				}
				if seen[name] {
					return src.Errorf(line, "column %q appears twice", name)
				}
				seen[name] = true
				if name == "id" {
					idCol = k
					cols = append(cols, -1)
					continue
				}
				c := columnIndex(name)
				if c < 0 {
					return src.Errorf(line, "unknown column %q (allowed: id, %s)", f, strings.Join(ColumnNames(), ", "))
				}
				cols = append(cols, c)
				g.vals[c] = make([]float32, n)
				g.set[c] = make([]bool, n)
			}
			if idCol < 0 {
				return src.Errorf(line, "missing column \"id\": the header must name the id column that joins rows to the network")
			}
			return nil
		}
		fields = datafile.Fields(fields, text, sep)
		if len(fields) != len(cols) {
			return src.Errorf(line, "%d columns; the header names %d", len(fields), len(cols))
		}
		id := string(fields[idCol])
		i, ok := index(id)
		if !ok {
			return src.Errorf(line, "id %q is not a person of the network", id)
		}
		if rowLine[i] != 0 {
			return src.Errorf(line, "id %q already has a row (line %d; ids are compared after trimming spaces)", id, rowLine[i])
		}
		rowLine[i] = line
		g.Rows++
		for k, c := range cols {
			if c < 0 || len(fields[k]) == 0 {
				continue
			}
			v, err := parseValue(c, string(fields[k]), regions)
			if err != nil {
				return src.Errorf(line, "%s = %q: %v", ColumnNames()[c], fields[k], err)
			}
			g.vals[c][i], g.set[c][i] = v, true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cols == nil {
		return nil, src.Errorf(0, "empty file: a population file has a header line (id,age,gender,...) and one row per person")
	}
	return g, nil
}

func columnIndex(name string) Column {
	for c, n := range ColumnNames() {
		if n == name {
			return Column(c)
		}
	}
	return -1
}

// parseValue reads one cell of column c, checking its range.
func parseValue(c Column, s string, regions int) (float32, error) {
	word := strings.ToLower(s)
	choice := func(opts ...string) (float32, error) {
		for k, o := range opts {
			for _, alt := range strings.Split(o, "|") {
				if word == alt {
					return float32(k), nil
				}
			}
		}
		return 0, fmt.Errorf("must be one of %s", strings.ReplaceAll(strings.Join(opts, ", "), "|", " or "))
	}
	number := func(lo, hi float64, whole bool) (float32, error) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) {
			return 0, fmt.Errorf("not a number")
		}
		if whole && v != math.Trunc(v) {
			return 0, fmt.Errorf("not a whole number")
		}
		if v < lo || v > hi {
			return 0, fmt.Errorf("must be between %v and %v", lo, hi)
		}
		return float32(v), nil
	}
	switch c {
	case ColAge:
		return number(MinorAge, MaxAge, true)
	case ColGender:
		return choice("female|f|woman|0", "male|m|man|1")
	case ColRegion:
		return number(0, float64(regions-1), true)
	case ColEducation:
		return choice("low|0", "middle|1", "high|2")
	case ColMigrant, ColReligious, ColLGB, ColHealth:
		return choice("false|no|0", "true|yes|1")
	case ColParty:
		return choice("left|0", "right|1")
	case ColMediaLiteracy, ColSusceptibility, ColPrivacyConcern:
		return number(0, 1, false)
	case ColLikes:
		return number(likesMin, likesMax, true)
	case ColOpinion:
		return number(-1, 1, false)
	}
	return number(-10, 10, false) // standardised traits and ideology
}

// overrideAge returns the age-dependent values for a given age, as the
// calibration tables (adults) or minorAge (13–17) give them.
func overrideAge(age int) (u, pFemale, pMigrant, ageG float64, minor bool) {
	if age < AdultAge {
		return (float64(age) - cal.meanAge) / cal.sdAge, 1 - maleShareYoung, migrantShareAt18, 0, true
	}
	k := age - MinAge
	return cal.ageU[k], cal.pFemale[k], cal.pMigrant[k], cal.ageG[k], false
}

// logit is the inverse of logistic, kept finite at 0 and 1.
func logit(p float32) float64 {
	q := min(max(float64(p), 1e-6), 1-1e-6)
	return math.Log(q / (1 - q))
}

type floatCol struct {
	c   Column
	dst []float32
}

type boolCol struct {
	c   Column
	dst []bool
}

// floats lists the dispositions a file may give, with their slices (nil
// when nothing is given, so the generator's loop costs nothing).
func (g *Given) floats(p *Population) []floatCol {
	if g == nil {
		return nil
	}
	return []floatCol{{ColMediaLiteracy, p.MediaLiteracy}, {ColSusceptibility, p.Susceptibility}, {ColPrivacyConcern, p.PrivacyConcern}}
}

// bools lists the special categories a file may give (nil: none given).
func (g *Given) bools(p *Population) []boolCol {
	if g == nil {
		return nil
	}
	return []boolCol{{ColReligious, p.Religious}, {ColLGB, p.LGB}, {ColHealth, p.HealthCondition}}
}
