package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Hostile network and population files each give one line naming the
// file, the line and the problem, and exit 1 (issue 22). The messages are
// compared with testdata/hostile.golden; BOOMERANG_UPDATE_GOLDEN=1
// rewrites it after a deliberate change.
func TestHostileDataFilesGolden(t *testing.T) {
	golden, err := filepath.Abs(filepath.Join("testdata", "hostile.golden"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	huge := make([]byte, 50<<20) // 50 MB on one line
	for i := range huge {
		huge[i] = 'x'
	}
	write("huge.txt", string(huge))
	write("binary.edges", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	write("truncated.graphml", "<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" tar")
	write("collide.graphml", "<graphml><graph>\n<node id=\"ann\"/>\n<node id=\" ann \"/>\n</graph></graphml>\n")
	write("undeclared.graphml", "<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"zed\"/>\n</graph></graphml>\n")
	write("negative.edges", "# ties with weights\na b 1\nb c -0.5\n")
	write("ok.edges", "a b\nb c\nc a\n")
	write("noid.csv", "age,gender\n30,female\n")
	write("short.csv", "id,age,gender\na,30,female\nb,41\n")
	write("collide.csv", "id,age\nb,30\n b ,31\n")
	write("stranger.csv", "id,age\nzoe,30\n")
	write("old.csv", "id,age\na,150\n")
	write("column.csv", "id,shoe_size\na,43\n")
	scenario := func(name, net, pop string) string {
		text := "[network]\nkind = \"file\"\npath = \"" + net + "\"\n"
		if pop != "" {
			text += "[population]\nfile = \"" + pop + "\"\n"
		}
		write(name+".toml", text)
		return name + ".toml"
	}
	cases := [][]string{
		{"validate", scenario("huge", "huge.txt", "")},
		{"validate", scenario("binary", "binary.edges", "")},
		{"validate", scenario("truncated", "truncated.graphml", "")},
		{"validate", scenario("collide", "collide.graphml", "")},
		{"validate", scenario("undeclared", "undeclared.graphml", "")},
		{"validate", scenario("negative", "negative.edges", "")},
		{"validate", scenario("missing", "nowhere.edges", "")},
		{"validate", scenario("noid", "ok.edges", "noid.csv")},
		{"validate", scenario("short", "ok.edges", "short.csv")},
		{"validate", scenario("collidecsv", "ok.edges", "collide.csv")},
		{"validate", scenario("stranger", "ok.edges", "stranger.csv")},
		{"validate", scenario("old", "ok.edges", "old.csv")},
		{"validate", scenario("column", "ok.edges", "column.csv")},
		{"run", "karate-club", "--agents", "100", "--out", "x"},
	}
	write("size.toml", "[population]\nsize = 10\n[network]\nkind = \"file\"\npath = \"ok.edges\"\n")
	cases = append(cases, []string{"validate", "size.toml"})
	before := listing(t, ".")
	var got strings.Builder
	for _, args := range cases {
		_, errs, code := run(t, args...)
		got.WriteString("$ boomerang-cli " + strings.Join(args, " ") + "\n")
		got.WriteString("exit " + string(rune('0'+code)) + "\n" + errs + "\n")
		if code != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want exit 1 and one line", args, code, errs)
		}
		if after := listing(t, "."); after != before {
			t.Fatalf("%v wrote files:\n%s", args, after)
		}
	}
	compareGolden(t, golden, got.String())
}
