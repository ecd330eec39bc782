package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"boomerang/sim"
)

func testConfig() sim.Config {
	c := sim.DefaultConfig()
	c.Population.Size = 1500
	c.Data.QuizShare = 0
	c.Steps = 8
	c.Campaign.Budget = 300
	c.Influence.Model = "deffuant"
	c.Influence.Epsilon = 0.5
	return c
}

func runDir(t *testing.T, c sim.Config, reps, workers int) (steps, agents, summary []byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	_, _, err := RunToDir(context.Background(), dir, Options{Config: c, Reps: reps, Workers: workers, Agents: true}, Meta{Scenario: "test"})
	if err != nil {
		t.Fatal(err)
	}
	read := func(n string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, n := range []string{"manifest.json"} {
		read(n)
	}
	return read("steps.csv"), read("agents.csv"), read("summary.csv")
}

// Same scenario and seed ⇒ byte-identical steps.csv and agents.csv for any
// worker count and GOMAXPROCS.
func TestByteIdenticalAcrossWorkersAndGOMAXPROCS(t *testing.T) {
	c := testConfig()
	prev := runtime.GOMAXPROCS(1)
	s1, a1, m1 := runDir(t, c, 3, 1)
	runtime.GOMAXPROCS(2)
	s2, a2, m2 := runDir(t, c, 3, 2)
	s3, a3, m3 := runDir(t, c, 3, 5)
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(s1, s2) || !bytes.Equal(s1, s3) {
		t.Fatal("steps.csv differs between worker counts")
	}
	if !bytes.Equal(a1, a2) || !bytes.Equal(a1, a3) {
		t.Fatal("agents.csv differs between worker counts")
	}
	if !bytes.Equal(m1, m2) || !bytes.Equal(m1, m3) {
		t.Fatal("summary.csv differs between worker counts")
	}
}

func TestStepsCSVShape(t *testing.T) {
	c := testConfig()
	steps, agents, summary := runDir(t, c, 2, 2)
	rows, err := csv.NewReader(bytes.NewReader(steps)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1 + len(c.Arms)*2*(c.Steps+1)
	if len(rows) != want {
		t.Fatalf("steps.csv has %d rows, want %d", len(rows), want)
	}
	head := strings.Join(rows[0], ",")
	for _, col := range []string{"arm,rep,seed,step,", "mean_opinion", "sd_opinion", "shift_vs_control", "impressions", "reach", "attributed_conversions", "naive_lift", "causal_lift",
		"clicks", "ctr", "conversions", "conversion_rate", "spend", "cost_per_conversion", "attributes_per_impression",
		"sensitive_share", "vulnerable_share", "backfires", "exposure_gini"} {
		if !strings.Contains(head, col) {
			t.Errorf("steps.csv header lacks %s", col)
		}
	}
	// rep 0 carries the base seed; rep 1 a different, recorded one
	if rows[1][1] != "0" || rows[1][2] != "1" {
		t.Errorf("first row rep/seed = %s/%s, want 0/1 (base seed)", rows[1][1], rows[1][2])
	}
	last := rows[len(rows)-1]
	if last[1] != "1" || last[2] == "1" {
		t.Errorf("last row rep/seed = %s/%s", last[1], last[2])
	}
	arows, err := csv.NewReader(bytes.NewReader(agents)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(arows) != 1+c.Population.Size*len(c.Arms)*2 {
		t.Fatalf("agents.csv rows = %d", len(arows))
	}
	for _, col := range []string{"arm", "rep", "id", "degree", "age", "gender", "region", "openness", "conscientiousness",
		"extraversion", "agreeableness", "neuroticism", "ideology", "likes", "openness_inferred", "opinion_initial",
		"opinion_final", "converted", "impressions", "relevance"} {
		if !strings.Contains(","+strings.Join(arows[0], ",")+",", ","+col+",") {
			t.Errorf("agents.csv header lacks %s", col)
		}
	}
	srows, err := csv.NewReader(bytes.NewReader(summary)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(srows) != 1+len(c.Arms)*len(sim.MetricColumns()) {
		t.Fatalf("summary rows = %d", len(srows))
	}
}

func TestMeanCI(t *testing.T) {
	m, sd, lo, hi := meanCI([]float64{1, 2, 3, 4, 5})
	// t(0.975, 4) = 2.776; sd = 1.5811; half = 2.776·1.5811/√5 = 1.963
	if m != 3 || math.Abs(sd-1.5811) > 1e-4 || math.Abs(lo-1.0368) > 1e-3 || math.Abs(hi-4.9632) > 1e-3 {
		t.Fatalf("meanCI = %v %v %v %v", m, sd, lo, hi)
	}
	if _, _, lo, _ := meanCI([]float64{2}); !math.IsNaN(lo) {
		t.Fatal("one value must have no interval")
	}
}

// A cancelled run leaves nothing behind: no destination, no staging dir.
func TestCancelledRunWritesNothing(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	ctx, cancel := context.WithCancel(context.Background())
	c := testConfig()
	c.Steps = 50
	_, _, err := RunToDir(ctx, dir, Options{Config: c, Reps: 4, Workers: 2,
		OnStep: func(rep, step int) {
			if step == 3 {
				cancel()
			}
		}}, Meta{})
	if err == nil {
		t.Fatal("want an error from a cancelled run")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 0 {
		t.Fatalf("cancelled run left %v", entries)
	}
}

func TestFormatFloat(t *testing.T) {
	for v, want := range map[float64]string{1000000: "1000000", 0.25: "0.25", math.NaN(): "", -3: "-3", 1e-7: "1e-07"} {
		if got := formatFloat(v); got != want {
			t.Errorf("formatFloat(%v) = %q, want %q", v, got, want)
		}
	}
}
