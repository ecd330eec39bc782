package population

import (
	"math"
	"testing"
)

// Minors (Params.MinorsShare): seed 11, N = 40,000. The share and ages are
// as asked, minors cannot be told apart by anything but age-driven traits,
// and every adult is exactly the agent it is without minors.
func TestMinors(t *testing.T) {
	const n, share = 40_000, 0.1
	base, err := Generate(Params{Size: n, Regions: 12}, 11, 2)
	if err != nil {
		t.Fatal(err)
	}
	with, err := Generate(Params{Size: n, Regions: 12, MinorsShare: share}, 11, 2)
	if err != nil {
		t.Fatal(err)
	}
	minors, ages := 0, map[uint8]int{}
	for i := range n {
		if !with.IsMinor(i) {
			// An adult is the same agent, draw for draw.
			if with.Age[i] != base.Age[i] || with.Openness[i] != base.Openness[i] || with.Ideology[i] != base.Ideology[i] ||
				with.Likes[i] != base.Likes[i] || with.PrivacyConcern[i] != base.PrivacyConcern[i] ||
				with.Party[i] != base.Party[i] || with.LGB[i] != base.LGB[i] || with.Education[i] != base.Education[i] {
				t.Fatalf("adult %d changed when minors were added", i)
			}
			continue
		}
		minors++
		ages[with.Age[i]]++
		if with.Age[i] < MinorAge || with.Age[i] >= AdultAge || with.Education[i] != minorEducation {
			t.Fatalf("minor %d: age %d, education %d", i, with.Age[i], with.Education[i])
		}
	}
	got := float64(minors) / n
	t.Logf("minors: %.4f of %d (want %.2f), by age %v", got, n, share, ages)
	if math.Abs(got-share) > 4*math.Sqrt(share*(1-share)/n) {
		t.Errorf("share of minors %.4f, want %.2f", got, share)
	}
	for a := uint8(MinorAge); a < AdultAge; a++ {
		if ages[a] < minors/10 {
			t.Errorf("age %d: %d of %d minors", a, ages[a], minors)
		}
	}
	for i := range n {
		if base.IsMinor(i) {
			t.Fatal("minors without MinorsShare")
		}
	}
	if _, err := Generate(Params{Size: 10, Regions: 12, MinorsShare: 0.6}, 1, 1); err == nil ||
		err.Error() != "population.minors_share = 0.6: must be between 0 and 0.5" {
		t.Errorf("bad minors_share: %v", err)
	}
}
