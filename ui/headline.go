package ui

import (
	"fmt"
	"math"
	"reflect"
	"strings"

	"fyne.io/fyne/v2/lang"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

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

// HeadlinesFor compares, at the last step of the runs (the shown run and
// its replications, same arms), the targeted arm with the largest effect
// on the mean over runs with broadcast, the effect being the campaign
// aim's (sim.EffectMetric: the vote share for an election, in percentage
// points, extra conversions otherwise); with no targeted arm it compares
// broadcast with control (issue 17). Arms are
// compared by paired differences within each run (the arms of a run are
// twins of one world) with a 95 % interval over runs: a card states a
// difference only when its interval excludes zero, says "no clear
// difference" otherwise, and with one run says that one run cannot tell.
// The other cards are means over runs. With backfires the last card
// counts the ads that backfired instead of the dashboard's claim, for a
// scenario whose story talks about backfires (StoryTalksBackfires).
// Captions and the sentence are in the current language (lang.L).
func HeadlinesFor(runs []sim.Result, aim string, backfires bool) Headline {
	eff := effectOf(aim)
	if len(runs) == 0 {
		return Headline{Sentence: lang.L("No campaign arm yet: the cards fill in once the run is built.")}
	}
	mean := MeanResult(runs[0], runs[1:])
	var broadcast, best int = -1, -1
	for i := range mean.Arms {
		a := &mean.Arms[i]
		if len(a.Series) == 0 || chart.IsControl(a.Name, a.Strategy) {
			continue
		}
		if a.Strategy == "broadcast" {
			if broadcast < 0 {
				broadcast = i
			}
			continue
		}
		if best < 0 || eff.mean(runs, a.Name) > eff.mean(runs, mean.Arms[best].Name) {
			best = i
		}
	}
	switch {
	case best >= 0 && broadcast >= 0:
		t, b := last(&mean.Arms[best]), last(&mean.Arms[broadcast])
		name := mean.Arms[best].Name
		diffs := pairedFinal(runs, name, mean.Arms[broadcast].Name, eff.value)
		base := eff.mean(runs, mean.Arms[broadcast].Name)
		cmp := compare(diffs, func(v float64) string { return eff.vsBroadcast(v, base) }, lang.L(eff.caption))
		cards := []Card{
			cmp.card,
			{numf("%.1f", t.AttributesPerImpression), lang.L("personal attributes per impression")},
			{numf("%.0f %%", 100*t.SensitiveShare), lang.L("of ads used a sensitive inference")},
			attributedCard(t),
		}
		if backfires { // the story talks about them: they take the dashboard's place
			cards[3] = Card{fmt.Sprint(t.Backfires), trf("ads backfired (broadcast %d)", b.Backfires)}
		}
		return Headline{
			Sentence: trf("%s: %s; %s personal attributes per impression; %s of ads used a sensitive inference.",
				title(DisplayName(name)), cmp.phrase, cards[1].Value, cards[2].Value),
			Cards: cards,
		}
	case best >= 0 || broadcast >= 0:
		k := best
		if k < 0 {
			k = broadcast
		}
		a := &mean.Arms[k]
		m := last(a)
		shift := compare(finalOf(runs, a.Name, func(m sim.Metrics) float64 { return m.ShiftVsControl }),
			func(v float64) string { return numf("%+.4f", v) }, lang.L("opinion shift vs control"))
		extra := compare(finalOf(runs, a.Name, eff.value), eff.vsControl, lang.L(eff.controlCaption))
		cards := []Card{shift.card, extra.card, {euro(m.CostPerConversion), lang.L("per extra conversion")}, attributedCard(m)}
		if backfires {
			cards[3] = Card{fmt.Sprint(m.Backfires), lang.L("ads backfired")}
		}
		return Headline{
			Sentence: trf("%s: %s; %s; %s per extra conversion.",
				title(DisplayName(a.Name)), shift.phrase, extra.phrase, cards[2].Value),
			Cards: cards,
		}
	}
	return Headline{Sentence: lang.L("No campaign arm yet: the cards fill in once the run is built.")}
}

// comparison is a difference as a card and as a phrase for the sentence.
type comparison struct {
	card   Card
	phrase string
}

// compare states the paired differences diffs (one per run) of the
// quantity named what: its mean (shown by format) when the 95 %
// interval excludes zero; "no clear difference" when it does not; and
// with one run, that one run cannot tell it from noise.
func compare(diffs []float64, format func(float64) string, what string) comparison {
	mean, lo, hi := tInterval(diffs)
	switch {
	case len(diffs) == 0 || math.IsNaN(mean):
		return comparison{Card{"–", what}, "– " + what}
	case len(diffs) == 1:
		return comparison{Card{"?", trf("%s: one run cannot tell %s from noise", what, format(mean))},
			trf("%s: one run cannot tell %s from noise", what, format(mean))}
	case lo > 0 || hi < 0:
		ci := trf("95 %% CI %s … %s", format(lo), format(hi))
		return comparison{Card{format(mean), what + " (" + ci + ")"}, format(mean) + " " + what}
	default:
		ci := trf("95 %% CI %s … %s", format(lo), format(hi))
		return comparison{Card{"≈", trf("no clear difference in %s", what) + " (" + ci + ")"},
			trf("no clear difference in %s", what)}
	}
}

// tInterval is the mean of x with its 95 % Student-t interval (NaN
// interval for fewer than two values).
func tInterval(x []float64) (mean, lo, hi float64) {
	if len(x) == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	mean = stat.Mean(x, nil)
	if len(x) < 2 {
		return mean, math.NaN(), math.NaN()
	}
	sd := stat.StdDev(x, nil)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(x) - 1)}.Quantile(0.975)
	half := q * sd / math.Sqrt(float64(len(x)))
	return mean, mean - half, mean + half
}

// finalOf is f of arm name's last row in every run that has it.
func finalOf(runs []sim.Result, name string, f func(sim.Metrics) float64) []float64 {
	var out []float64
	for _, r := range runs {
		for i := range r.Arms {
			if a := &r.Arms[i]; a.Name == name && len(a.Series) > 0 {
				out = append(out, f(last(a)))
			}
		}
	}
	return out
}

// pairedFinal is f(arm a) − f(arm b) at the last step of every run that
// has both: the paired difference of twins.
func pairedFinal(runs []sim.Result, a, b string, f func(sim.Metrics) float64) []float64 {
	var out []float64
	for _, r := range runs {
		va, vb := finalOf([]sim.Result{r}, a, f), finalOf([]sim.Result{r}, b, f)
		if len(va) == 1 && len(vb) == 1 {
			out = append(out, va[0]-vb[0])
		}
	}
	return out
}

// effect is what the cards compare arms on for a campaign aim: the
// column sim.EffectMetric names, and how its differences read.
type effect struct {
	value          func(sim.Metrics) float64 // the effect column's value in a row
	caption        string                    // the comparison with broadcast, English
	controlCaption string                    // the difference to control, English
	vsBroadcast    func(diff, base float64) string
	vsControl      func(v float64) string
}

// effectOf is the effect of a campaign with the given aim.
func effectOf(aim string) effect {
	col, _ := sim.MetricColumn(sim.EffectMetric(aim))
	e := effect{value: func(m sim.Metrics) float64 { return col.Value(&m) }}
	if aim == sim.CampaignVote { // a difference of shares: percentage points
		points := func(v float64) string { return trf("%s points", numf("%+.2f", 100*v)) }
		e.caption, e.controlCaption = "vote share vs broadcast", "vote share vs control"
		e.vsBroadcast = func(diff, _ float64) string { return points(diff) }
		e.vsControl = points
		return e
	}
	e.caption, e.controlCaption = "conversions vs broadcast", "extra conversions vs control"
	e.vsBroadcast = func(diff, base float64) string { return relative(base+diff, base) }
	e.vsControl = func(v float64) string { return numf("%+.0f", v) }
	return e
}

// mean is arm name's mean effect over runs (−∞ when no run has it).
func (e effect) mean(runs []sim.Result, name string) float64 {
	v := finalOf(runs, name, e.value)
	if len(v) == 0 {
		return math.Inf(-1)
	}
	return stat.Mean(v, nil)
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
