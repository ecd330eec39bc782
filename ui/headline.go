package ui

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	"fyne.io/fyne/v2/lang"

	"boomerang/chart"
	"boomerang/sim"
)

// Card is one headline card: a big value and what it means.
type Card struct {
	Value   string // e.g. "+38 %"
	Caption string // e.g. "conversions vs broadcast"
}

// Headline is what the campaign view says in plain words about a result.
type Headline struct {
	Sentence string // one line, e.g. "Psychographic vs broadcast: +38 % conversions; …"
	Cards    []Card
}

// Headlines compares the best targeted arm (most conversions caused)
// with broadcast at the last step of res; with no targeted arm it
// compares broadcast with control. Captions and the sentence are in the
// current language (lang.L); numbers keep the English notation so that
// they read the same as the charts' axes, which gonum/plot draws.
func Headlines(res sim.Result) Headline { return HeadlinesFor(res, false) }

// HeadlinesFor is Headlines; with backfires the last card counts the ads
// that backfired instead of the cost (or the attributes), for a scenario
// whose story talks about backfires (StoryTalksBackfires), so that what
// the text says is on screen.
func HeadlinesFor(res sim.Result, backfires bool) Headline {
	var broadcast, best *sim.ArmResult
	for i := range res.Arms {
		a := &res.Arms[i]
		if len(a.Series) == 0 || chart.IsControl(a.Name, a.Strategy) {
			continue
		}
		if a.Strategy == "broadcast" {
			if broadcast == nil {
				broadcast = a
			}
			continue
		}
		if best == nil || last(a).ConversionsVsControl > last(best).ConversionsVsControl {
			best = a
		}
	}
	switch {
	case best != nil && broadcast != nil:
		t, b := last(best), last(broadcast)
		conv := relative(float64(t.ConversionsVsControl), float64(b.ConversionsVsControl))
		if conv == "" {
			conv = relative(float64(t.Conversions), float64(b.Conversions))
		}
		if conv == "" {
			conv = "±0 %"
		}
		cards := []Card{
			{conv, lang.L("conversions vs broadcast")},
			{numf("%.1f", t.AttributesPerImpression), lang.L("personal attributes per impression")},
			{numf("%.0f %%", 100*t.SensitiveShare), lang.L("of ads used a sensitive inference")},
			attributedCard(t),
		}
		if backfires { // the story talks about them: they take the dashboard's place
			cards[3] = Card{fmt.Sprint(t.Backfires), trf("ads backfired (broadcast %d)", b.Backfires)}
		}
		return Headline{
			Sentence: trf("%s vs broadcast: %s conversions; %s personal attributes per impression; %s of ads used a sensitive inference.",
				title(DisplayName(best.Name)), cards[0].Value, cards[1].Value, cards[2].Value),
			Cards: cards,
		}
	case best != nil || broadcast != nil:
		a := best
		if a == nil {
			a = broadcast
		}
		m := last(a)
		cards := []Card{
			{numf("%+.3f", m.ShiftVsControl), lang.L("opinion shift vs control")},
			{fmt.Sprintf("%+d", m.ConversionsVsControl), lang.L("extra conversions vs control")},
			{euro(m.CostPerConversion), lang.L("per extra conversion")},
			attributedCard(m),
		}
		if backfires {
			cards[3] = Card{fmt.Sprint(m.Backfires), lang.L("ads backfired")}
		}
		return Headline{
			Sentence: trf("%s vs control: opinion shift %s; %s extra conversions; %s per extra conversion.",
				title(DisplayName(a.Name)), cards[0].Value, cards[1].Value, cards[2].Value),
			Cards: cards,
		}
	}
	return Headline{Sentence: lang.L("No campaign arm yet: the cards fill in once the run is built.")}
}

func last(a *sim.ArmResult) sim.Metrics { return a.Series[len(a.Series)-1] }

// attributedCard sets what an ad dashboard claims (conversions within 7
// days after a click) beside what the campaign caused (extra conversions
// vs the control twin), issue 16: e.g. "312 vs +86". The cost per extra
// conversion stays in the campaign view's chart.
func attributedCard(m sim.Metrics) Card {
	return Card{fmt.Sprintf("%d vs %+d", m.AttributedConversions, m.ConversionsVsControl),
		lang.L("conversions attributed vs caused")}
}

// relative is "+38 %" for x against base, or "" when base is not positive.
func relative(x, base float64) string {
	if base <= 0 || math.IsNaN(x) || math.IsNaN(base) {
		return ""
	}
	return numf("%+.0f %%", 100*(x/base-1))
}

func euro(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if v >= 100 {
		return numf("€%.0f", v)
	}
	return numf("€%.2f", v)
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// MeanResult is res with the last row of each arm replaced by its mean
// over res and the replicas (arms matched by name), so that the cards
// say what the charts' mean lines show when several runs go side by
// side. Counts are rounded; the cost per extra conversion is the mean
// spend over the mean extra conversions (a mean of ratios would blow up
// on a run with none). With no replicas it returns res.
func MeanResult(res sim.Result, replicas []sim.Result) sim.Result {
	if len(replicas) == 0 {
		return res
	}
	out := res
	out.Arms = make([]sim.ArmResult, len(res.Arms))
	for i, a := range res.Arms {
		out.Arms[i] = a
		if len(a.Series) == 0 {
			continue
		}
		rows := []sim.Metrics{last(&res.Arms[i])}
		for _, r := range replicas {
			for j := range r.Arms {
				if b := &r.Arms[j]; b.Name == a.Name && len(b.Series) > 0 {
					rows = append(rows, last(b))
				}
			}
		}
		m := meanMetrics(rows)
		if m.ConversionsVsControl > 0 {
			m.CostPerConversion = m.Spend / float64(m.ConversionsVsControl)
		}
		out.Arms[i].Series = append(append([]sim.Metrics(nil), a.Series[:len(a.Series)-1]...), m)
	}
	return out
}

// meanMetrics averages every numeric field of rows (by reflection, so a
// new metric is averaged too); integer fields are rounded.
func meanMetrics(rows []sim.Metrics) sim.Metrics {
	out := rows[0]
	ov := reflect.ValueOf(&out).Elem()
	for f := range ov.NumField() {
		sum := 0.0
		for _, r := range rows {
			v := reflect.ValueOf(r).Field(f)
			switch v.Kind() {
			case reflect.Float64:
				sum += v.Float()
			case reflect.Int, reflect.Int64:
				sum += float64(v.Int())
			}
		}
		mean := sum / float64(len(rows))
		switch fv := ov.Field(f); fv.Kind() {
		case reflect.Float64:
			fv.SetFloat(mean)
		case reflect.Int, reflect.Int64:
			fv.SetInt(int64(math.Round(mean)))
		}
	}
	return out
}

// StoryTalksBackfires reports whether the scenario's story speaks of
// backfires (in its English text, which every story has).
func StoryTalksBackfires(cfg sim.Config) bool {
	text := cfg.Story.SummaryEN
	for _, st := range cfg.Story.Steps {
		text += " " + st.TextEN + " " + st.QuestionEN
	}
	return strings.Contains(strings.ToLower(text), "backfire")
}
