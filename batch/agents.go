package batch

import (
	"bytes"
	"strconv"
	"strings"

	"boomerang/sim"
)

// agentsColumns is the header of agents.csv (names fixed by the CLI
// contract; more columns may be appended, never renamed). The *_inferred
// columns are empty wherever the platform cannot see the person.
func agentsColumns() []string {
	return []string{
		"arm", "rep", "id", "degree", "age", "gender", "region", "education", "migrant",
		"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism",
		"ideology", "likes",
		"openness_inferred", "conscientiousness_inferred", "extraversion_inferred",
		"agreeableness_inferred", "neuroticism_inferred", "ideology_inferred",
		"susceptibility", "media_literacy", "privacy_concern",
		"opinion_initial", "opinion_final", "converted", "impressions",
		"relevance", // true relevance to the campaign's offer, mean one (issue 16)
	}
}

// AgentsHeader returns the header line of agents.csv.
func AgentsHeader() string { return strings.Join(agentsColumns(), ",") + "\n" }

// agentRows renders one row per agent per arm at the end of a run.
func agentRows(rep int, run *sim.Run) []byte {
	w := run.World
	p := w.Pop
	var b bytes.Buffer
	r := strconv.Itoa(rep)
	f32 := func(v float32) { b.WriteString(strconv.FormatFloat(float64(v), 'g', -1, 32)) }
	prof := w.Profiles
	for _, arm := range run.Arms {
		name := csvField(arm.Name)
		st := arm.State
		for i := 0; i < p.N; i++ {
			b.WriteString(name)
			b.WriteByte(',')
			b.WriteString(r)
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(i))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(w.Graph.Degree(i)))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(int(p.Age[i])))
			b.WriteByte(',')
			b.WriteString(genderName(p.Gender[i]))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(int(p.Region[i])))
			b.WriteByte(',')
			b.WriteString(educationName(p.Education[i]))
			b.WriteByte(',')
			b.WriteString(strconv.FormatBool(p.Migrant[i]))
			for _, v := range []float32{p.Openness[i], p.Conscientiousness[i], p.Extraversion[i], p.Agreeableness[i], p.Neuroticism[i], p.Ideology[i]} {
				b.WriteByte(',')
				f32(v)
			}
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(int(p.Likes[i])))
			// What the operator inferred; empty where it cannot see the person.
			for _, a := range []sim.Attr{sim.AttrOpenness, sim.AttrConscientiousness, sim.AttrExtraversion,
				sim.AttrAgreeableness, sim.AttrNeuroticism, sim.AttrIdeology} {
				b.WriteByte(',')
				if prof.Known(a, i) {
					f32(prof.Inferred[a][i])
				}
			}
			for _, v := range []float32{p.Susceptibility[i], p.MediaLiteracy[i], p.PrivacyConcern[i], w.Initial[i], st.Opinion[i]} {
				b.WriteByte(',')
				f32(v)
			}
			b.WriteByte(',')
			b.WriteString(strconv.FormatBool(st.Converted[i]))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(int(st.Impressions[i])))
			b.WriteByte(',')
			f32(float32(w.Relevance(i)))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func genderName(g uint8) string {
	if g == 0 {
		return "female"
	}
	return "male"
}

func educationName(e uint8) string {
	switch e {
	case 0:
		return "low"
	case 1:
		return "middle"
	}
	return "high"
}
