package footprint

import (
	"math/rand/v2"

	"boomerang/sim/rng"
)

// This file names the latent interests (issue 16). Every interest page is
// a fan page of exactly one named interest; a page's topic is public, so
// anyone who sees a person's likes sees which interests they follow, with
// no inference model. The latent interests are independent of the
// inferable attributes (calibration.go): the names are labels, chosen to
// cover Meta's "detailed targeting" interest categories [assumption].

// interestNames are the names of the NumInterests latent interests, in
// order. The last four reveal special categories of personal data (GDPR
// Art. 9): Meta withdrew such detailed-targeting options in January 2022.
var interestNames = [NumInterests]string{
	"music and festivals", "sport", "food and cooking", "travel", "fashion",
	"gaming", "parenting", "pets", "cars", "outdoors",
	"film and tv", "books", "technology", "fitness", "art and design",
	"home and garden", "personal finance", "science", "comedy", "beauty",
	"nightlife", "football", "photography", "diy and crafts", "local news",
	"volunteering", "religion and spirituality", "health conditions", "lgbtq community", "politics and activism",
}

// firstSensitiveInterest is the index of the first interest whose name
// reveals a special category (religion, health, sexual orientation,
// politics).
const firstSensitiveInterest = NumInterests - 4

// InterestNames returns the names of the latent interests, in order
// (index k is Interest(k)). The slice is a fresh copy.
func InterestNames() []string { return append([]string(nil), interestNames[:]...) }

// InterestIndex returns the index of the interest called name, or −1.
func InterestIndex(name string) int {
	for k, n := range interestNames {
		if n == name {
			return k
		}
	}
	return -1
}

// InterestName returns the name of latent interest k ("" outside 0 …
// NumInterests−1).
func InterestName(k int) string {
	if k < 0 || k >= NumInterests {
		return ""
	}
	return interestNames[k]
}

// SensitiveInterest reports whether interest k reveals a special category
// of personal data (religion, health, sexual orientation, politics).
func SensitiveInterest(k int) bool { return k >= firstSensitiveInterest && k < NumInterests }

// InterestOf returns the named interest page p belongs to, and false for
// trait and neutral pages.
func (c *Catalogue) InterestOf(p int) (int, bool) {
	a := c.Pages[p].Attribute
	if !a.IsInterest() {
		return 0, false
	}
	return int(a - NumAttributes), true
}

// TrueInterests writes agent i's true latent interests (standard normal,
// one per interest) into out (length NumInterests). They are the draws
// GenerateLikes made for the agent, replayed from its like stream (seed,
// rng.Footprint, i, 0): after one expressed value per attribute come the
// interests. The campaign's relevance reads them; strategies must not.
func TrueInterests(seed uint64, i int, out []float64) {
	var pcg rand.PCG
	rng.Reseed(&pcg, seed, rng.Footprint, uint64(i), 0)
	r := rand.New(&pcg)
	for range NumAttributes {
		r.NormFloat64()
	}
	for k := range NumInterests {
		out[k] = r.NormFloat64()
	}
}
