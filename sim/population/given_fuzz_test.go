package population

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"boomerang/sim/datafile"
)

// ReadGiven never panics: it returns values within their ranges or one
// line naming the file.
func FuzzReadGiven(f *testing.F) {
	for _, s := range []string{"id,age,gender\n0,30,female\n1,,m\n", "id\topinion\n2\t-1\n", "age\n3\n", "id,likes,party\n0,7,right\n0,8,left\n"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	path := filepath.Join(dir, "people.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := datafile.Open(dir, "people.csv")
		if err != nil {
			t.Fatal(err)
		}
		const n = 5
		g, err := ReadGiven(src, n, 3, func(id string) (int, bool) {
			i, err := strconv.Atoi(id)
			return i, err == nil && i >= 0 && i < n
		})
		if err != nil {
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, path) {
				t.Fatalf("error %q: want one line starting with the file name", msg)
			}
			return
		}
		p := DefaultParams()
		p.Size, p.Regions = n, 3
		pop, err := GenerateGiven(p, g, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			if pop.Age[i] < MinorAge || pop.Age[i] > MaxAge || int(pop.Region[i]) >= 3 || pop.Likes[i] < likesMin {
				t.Fatalf("agent %d out of range: age %d region %d likes %d", i, pop.Age[i], pop.Region[i], pop.Likes[i])
			}
		}
	})
}
