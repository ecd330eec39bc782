package literature

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"boomerang/sim"
	"boomerang/sim/influence"
)

// Row is one checked target.
type Row struct {
	ID        string  `json:"id"`        // stable identifier, e.g. "deffuant-eps0.30"
	Group     string  `json:"group"`     // the check that produced it, e.g. "deffuant"
	Kind      string  `json:"kind"`      // KindCalibration (defaults were set from it) or KindHoldOut (checked, never tuned)
	Target    string  `json:"target"`    // what is reproduced, in words
	Source    string  `json:"source"`    // citation (LITERATURE.md section)
	Published string  `json:"published"` // the published value or result
	Ours      float64 `json:"ours"`      // our value (mean over replications)
	Lo        float64 `json:"ci_lo"`     // 95 % CI lower bound (NaN if deterministic or one replication)
	Hi        float64 `json:"ci_hi"`     // 95 % CI upper bound
	Reps      int     `json:"reps"`      // replications (runs, seeds) behind Ours
	OursText  string  `json:"ours_text"` // Ours as printed, with its CI
	Band      string  `json:"band"`      // the acceptance band, in words
	Pass      bool    `json:"pass"`      // Ours is in the band
	Detail    string  `json:"detail"`    // how it was measured: sizes, per-seed values
	Seeds     string  `json:"seeds"`     // seeds used, e.g. "1-5"
	Seconds   float64 `json:"seconds"`   // wall time of the check that produced the row
}

// The kinds of rows (issue 16): a calibration target is what a default
// was set from; a hold-out is checked and was never tuned to.
const (
	KindCalibration = "calibration"
	KindHoldOut     = "hold-out"
)

// groupKind is the kind of the rows of each group that do not set one:
// the inference and response defaults were set from §1, §2 and
// Coppock's effect size; the textbook opinion-dynamics results were
// never tuned to.
func groupKind(group string) string {
	switch group {
	case "inference", "matz", "persuasion":
		return KindCalibration
	}
	return KindHoldOut
}

// MarshalJSON writes the row with NaN numbers (no interval, not
// computable) as null, so the report is always valid JSON.
func (r Row) MarshalJSON() ([]byte, error) {
	type plain Row
	fin := func(v float64) *float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	return json.Marshal(struct {
		plain
		Ours *float64 `json:"ours"`
		Lo   *float64 `json:"ci_lo"`
		Hi   *float64 `json:"ci_hi"`
	}{plain(r), fin(r.Ours), fin(r.Lo), fin(r.Hi)})
}

// Options set the size of the checks.
type Options struct {
	// Quick runs smaller versions (CI: under a minute on 2 cores).
	Quick bool
	// Seed is the base seed; replication r of a check uses Seed + r.
	Seed uint64
	// Workers bounds how many checks run at once; ≤ 0 means GOMAXPROCS.
	// It never changes the results.
	Workers int
	// NewModel builds the opinion-dynamics models of the §7 checks; nil
	// means influence.New. Tests inject broken models through it.
	NewModel func(influence.Params, influence.Setup) (influence.Model, error)
	// Tweak, if not nil, changes the scenario of the inference, Matz and
	// persuasion checks after their own settings (tests use it to break a
	// mechanism, e.g. switch congruence off).
	Tweak func(*sim.Config)
	// Only restricts the run to the named groups (see Groups); empty runs
	// every group.
	Only []string

	// tiny shrinks the world-building checks further (tests of broken
	// mechanisms only: one 20,000-agent world each).
	tiny bool
}

// Group is one check: a named function producing rows.
type Group struct {
	Name string                // e.g. "deffuant"
	Desc string                // one line
	Run  func(o Options) []Row // the check
}

// Groups returns every check in report order.
func Groups() []Group {
	return []Group{
		{Name: "deffuant", Desc: "Deffuant clusters ⌊1/(2ε₀)⌋ and consensus (LITERATURE §7)", Run: checkDeffuant},
		{Name: "hegselmann-krause", Desc: "HK consensus above ε₀ ≈ 0.2 on a complete graph, fragmentation below (§7)", Run: checkHK},
		{Name: "degroot", Desc: "DeGroot limit πᵀx(0) (§7)", Run: checkDeGroot},
		{Name: "friedkin-johnsen", Desc: "Friedkin–Johnsen fixed point vs a dense solve (§7)", Run: checkFJ},
		{Name: "voter", Desc: "voter model exit probability and consensus time (§7)", Run: checkVoter},
		{Name: "algorithmic-bias", Desc: "algorithmic bias γ > 0 fragments opinion (§7)", Run: checkAlgorithmicBias},
		{Name: "inference", Desc: "trait inference from likes (§1)", Run: checkInference},
		{Name: "matz", Desc: "Matz et al. 2017 congruence ratios (§2)", Run: checkMatz},
		{Name: "persuasion", Desc: "political persuasion: broadcast shift and microtargeting gain (§3)", Run: checkPersuasion},
		{Name: "response", Desc: "hold-outs of the response: frequency curve, opinion moves behaviour (issue 16)", Run: checkResponse},
		{Name: "targeting", Desc: "hold-outs of targeting: Farahat & Bailey, Goldfarb & Tucker (issue 16)", Run: checkTargeting},
	}
}

// Report is the outcome of Run.
type Report struct {
	Quick   bool    `json:"quick"`
	Seed    uint64  `json:"seed"`
	Rows    []Row   `json:"rows"`
	Seconds float64 `json:"seconds"`
}

// Failed returns the IDs of the rows that did not pass.
func (r *Report) Failed() []string {
	var out []string
	for _, row := range r.Rows {
		if !row.Pass {
			out = append(out, row.ID)
		}
	}
	return out
}

// Run runs the checks (concurrently, at most o.Workers at a time) and
// returns their rows in report order. progress, if not nil, is called as
// each group finishes. A cancelled ctx stops scheduling further groups and
// returns ctx.Err().
func Run(ctx context.Context, o Options, progress func(group string, done, total int)) (*Report, error) {
	start := time.Now()
	if o.Seed == 0 {
		o.Seed = 1
	}
	w := o.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	var groups []Group
	for _, g := range Groups() {
		if len(o.Only) == 0 || contains(o.Only, g.Name) {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return nil, fmt.Errorf("no check named %v (known: %s)", o.Only, strings.Join(GroupNames(), ", "))
	}
	results := make([][]Row, len(groups))
	// The slow groups (inference, campaign) go first so they overlap the
	// many small ones.
	order := make([]int, 0, len(groups))
	for k := len(groups) - 1; k >= 0; k-- {
		order = append(order, k)
	}
	sem := make(chan struct{}, w)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for _, k := range order {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			t0 := time.Now()
			rows := groups[k].Run(o)
			secs := time.Since(t0).Seconds()
			for i := range rows {
				rows[i].Group = groups[k].Name
				if rows[i].Kind == "" {
					rows[i].Kind = groupKind(groups[k].Name)
				}
				rows[i].Seconds = secs
			}
			results[k] = rows
			mu.Lock()
			done++
			if progress != nil {
				progress(groups[k].Name, done, len(groups))
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep := &Report{Quick: o.Quick, Seed: o.Seed}
	for _, rows := range results {
		rep.Rows = append(rep.Rows, rows...)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// GroupNames lists the check groups in report order.
func GroupNames() []string {
	var out []string
	for _, g := range Groups() {
		out = append(out, g.Name)
	}
	return out
}

// WriteTable prints the report as an aligned plain-text table.
func WriteTable(w io.Writer, r *Report) error {
	for n, kind := range []string{KindCalibration, KindHoldOut} {
		if n > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, kindTitle(kind))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTARGET\tSOURCE\tPUBLISHED\tOURS (95 % CI)\tBAND\tRESULT")
		for _, row := range r.Rows {
			if row.Kind == kind {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", row.ID, row.Target, row.Source, row.Published, row.OursText, row.Band, passWord(row.Pass))
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	failed := r.Failed()
	size := "full"
	if r.Quick {
		size = "quick"
	}
	_, err := fmt.Fprintf(w, "\n%d of %d checks pass (%s, seed %d, %.1f s)\n", len(r.Rows)-len(failed), len(r.Rows), size, r.Seed, r.Seconds)
	return err
}

// WriteMarkdown writes the report as a Markdown table with the details.
func WriteMarkdown(w io.Writer, r *Report, command string) error {
	size := "full"
	if r.Quick {
		size = "quick"
	}
	fmt.Fprintf(w, "Produced by `%s` (%s size, base seed %d) in %.0f s.\n\n", command, size, r.Seed, r.Seconds)
	for _, kind := range []string{KindCalibration, KindHoldOut} {
		fmt.Fprintf(w, "**%s**\n\n", kindTitle(kind))
		fmt.Fprintln(w, "| id | target | source | published | ours (95 % CI) | band | result |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
		for _, row := range r.Rows {
			if row.Kind == kind {
				fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", row.ID, md(row.Target), md(row.Source), md(row.Published), md(row.OursText), md(row.Band), passWord(row.Pass))
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\nHow each number was measured (seeds; wall time of its check):")
	fmt.Fprintln(w)
	for _, row := range r.Rows {
		fmt.Fprintf(w, "- **%s** (seeds %s; %.1f s): %s\n", row.ID, row.Seeds, row.Seconds, row.Detail)
	}
	return nil
}

// CSVHeader is the header of literature.csv.
var CSVHeader = []string{"id", "group", "kind", "target", "source", "published", "ours", "ci_lo", "ci_hi", "reps", "ours_text", "band", "pass", "seeds", "seconds", "detail"}

// WriteCSV writes the report as literature.csv (one row per target).
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, row := range r.Rows {
		rec := []string{row.ID, row.Group, row.Kind, row.Target, row.Source, row.Published, num(row.Ours), num(row.Lo), num(row.Hi),
			strconv.Itoa(row.Reps), row.OursText, row.Band, strconv.FormatBool(row.Pass), row.Seeds,
			strconv.FormatFloat(row.Seconds, 'f', 2, 64), row.Detail}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// kindTitle heads the table of one kind of rows.
func kindTitle(kind string) string {
	if kind == KindCalibration {
		return "Calibration targets (the defaults were set from these)"
	}
	return "Hold-out targets (checked, never tuned)"
}

// num formats a float for CSV: empty for NaN.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

func md(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func passWord(p bool) string {
	if p {
		return "pass"
	}
	return "FAIL"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// seedRange formats the seeds base … base+n−1.
func seedRange(base uint64, n int) string {
	if n <= 1 {
		return strconv.FormatUint(base, 10)
	}
	return fmt.Sprintf("%d-%d", base, base+uint64(n)-1)
}

// withCI formats v with its interval using format f (e.g. "%.3f").
func withCI(f string, v, lo, hi float64) string {
	s := fmt.Sprintf(f, v)
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return s
	}
	return s + " (" + fmt.Sprintf(f, lo) + "–" + fmt.Sprintf(f, hi) + ")"
}

// newModel builds an opinion-dynamics model through o.NewModel.
func (o Options) newModel(p influence.Params, s influence.Setup) (influence.Model, error) {
	if o.NewModel != nil {
		return o.NewModel(p, s)
	}
	return influence.New(p, s)
}

// tweak applies o.Tweak to c.
func (o Options) tweak(c *sim.Config) {
	if o.Tweak != nil {
		o.Tweak(c)
	}
}

// failRow is the row of a check that could not run.
func failRow(id, target, source string, err error) Row {
	return Row{ID: id, Target: target, Source: source, Ours: math.NaN(), Lo: math.NaN(), Hi: math.NaN(),
		OursText: "error", Band: "-", Detail: err.Error()}
}
