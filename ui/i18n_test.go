package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"boomerang/batch"
	"boomerang/chart"
	"boomerang/scenarios"
	"boomerang/sim"
	"boomerang/sim/footprint"
)

// These tests keep the Dutch complete: every text the UI passes to
// lang.L must have a Dutch entry in translations/*.nl.json, the bundles
// must load in go-i18n, and switching to Dutch must change what the
// screens show.

// i18nBundle is one translations/*.nl.json file.
type i18nBundle struct {
	name string
	m    map[string]string
}

// i18nBundles reads every Dutch bundle, failing on any that does not
// parse as a flat JSON object of strings or repeats a key (JSON keeps the
// last silently, which would hide a translation).
func i18nBundles(t *testing.T) []i18nBundle {
	t.Helper()
	var out []i18nBundle
	err := fs.WalkDir(translations, "translations", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".nl.json") {
			return err
		}
		data, err := translations.ReadFile(path)
		if err != nil {
			return err
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("%s: not a flat JSON object of strings: %v", path, err)
			return nil
		}
		for _, k := range i18nDuplicateKeys(data) {
			t.Errorf("%s: key %q appears more than once", path, k)
		}
		out = append(out, i18nBundle{name: filepath.Base(path), m: m})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no translations/*.nl.json")
	}
	return out
}

// i18nDuplicateKeys are the top-level keys a JSON object repeats.
func i18nDuplicateKeys(data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	seen := map[string]bool{}
	var dup []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return dup
		}
		k, _ := tok.(string)
		if seen[k] {
			dup = append(dup, k)
		}
		seen[k] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return dup
		}
	}
	return dup
}

// i18nDutch merges the bundles: English key → Dutch.
func i18nDutch(t *testing.T) map[string]string {
	t.Helper()
	all := map[string]string{}
	for _, b := range i18nBundles(t) {
		for k, v := range b.m {
			all[k] = v
		}
	}
	return all
}

// i18nUse is a translation key found in the source.
type i18nUse struct {
	key string
	pos string // file:line
}

// i18nKeysInSource parses every non-test .go file of this package and
// returns, per file, the literal keys passed to lang.L, lang.N, lang.X
// and lang.XN (the key, not the fallback, for the X forms) and to trf. A key made of
// literals joined with + counts as its joined text. Keys computed at run
// time (lang.L(m.Label)) cannot be seen here: TestI18nDynamicKeys checks
// those.
func i18nKeysInSource(t *testing.T) map[string][]i18nUse {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	out := map[string][]i18nUse{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		langName := ""
		for _, imp := range f.Imports {
			if imp.Path.Value == strconv.Quote("fyne.io/fyne/v2/lang") {
				langName = "lang"
				if imp.Name != nil {
					langName = imp.Name.Name
				}
			}
		}
		out[name] = nil // a file without keys is still listed
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			// trf (i18n.go) translates its format like lang.L.
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "trf" {
				if key, ok := i18nLiteral(call.Args[0]); ok {
					p := fset.Position(call.Args[0].Pos())
					out[name] = append(out[name], i18nUse{key, fmt.Sprintf("%s:%d", p.Filename, p.Line)})
				}
				return true
			}
			if langName == "" {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != langName {
				return true
			}
			switch sel.Sel.Name {
			case "L", "N", "X", "XN", "Localize", "LocalizePlural", "LocalizeKey", "LocalizePluralKey":
			default:
				return true
			}
			if key, ok := i18nLiteral(call.Args[0]); ok {
				p := fset.Position(call.Args[0].Pos())
				out[name] = append(out[name], i18nUse{key, fmt.Sprintf("%s:%d", p.Filename, p.Line)})
			}
			return true
		})
	}
	return out
}

// i18nLiteral is the text of a string literal, or of literals joined
// with +.
func i18nLiteral(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return i18nLiteral(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := i18nLiteral(e.X)
		b, ok2 := i18nLiteral(e.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// TestI18nCoverage fails for every literal lang.L text (including format
// strings handed to fmt.Sprintf) that has no Dutch entry, per file, with
// its file:line. Run one file with -run 'TestI18nCoverage/settings.go'.
func TestI18nCoverage(t *testing.T) {
	nl := i18nDutch(t)
	byFile := i18nKeysInSource(t)
	names := make([]string, 0, len(byFile))
	for n := range byFile {
		names = append(names, n)
	}
	sort.Strings(names)
	total := 0
	for _, name := range names {
		uses := byFile[name]
		total += len(uses)
		t.Run(name, func(t *testing.T) {
			var missing []string
			for _, u := range uses {
				if _, ok := nl[u.key]; !ok {
					missing = append(missing, fmt.Sprintf("%s: %q", u.pos, u.key))
				}
			}
			if len(missing) > 0 {
				t.Errorf("%d of %d texts have no Dutch in translations/*.nl.json:\n%s",
					len(missing), len(uses), strings.Join(missing, "\n"))
			}
		})
	}
	t.Run("arm names", func(t *testing.T) { i18nArmNames(t, nl) })
	t.Run("story arm references", func(t *testing.T) { i18nStoryArms(t, nl) })
	t.Run("number formatting", i18nNumbers)
	// The scan must see something: a refactor that breaks it (say, a
	// renamed import) would otherwise pass with nothing checked.
	if total < 20 || len(byFile["settings.go"]) == 0 || len(byFile["headline.go"]) == 0 {
		t.Errorf("found only %d lang.L texts (settings.go %d, headline.go %d)",
			total, len(byFile["settings.go"]), len(byFile["headline.go"]))
	}
}

// i18nReserved are the words go-i18n takes as message fields when they
// are a top-level key; a bundle that mixes them with other keys is
// rejected whole.
var i18nReserved = []string{"id", "description", "hash", "leftdelim", "rightdelim",
	"zero", "one", "two", "few", "many", "other", "translation"}

// i18nVerb matches a fmt verb. A space flag is left out on purpose:
// prose such as "0.3 % take" is not a verb.
var i18nVerb = regexp.MustCompile(`%[-+#0]*(\[[0-9]+\])?[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// i18nVerbs are the fmt verbs of s, explicit argument indexes dropped
// (Dutch word order may need them), sorted.
func i18nVerbs(s string) []string {
	vs := i18nVerb.FindAllString(s, -1)
	for i, v := range vs {
		vs[i] = regexp.MustCompile(`\[[0-9]+\]`).ReplaceAllString(v, "")
	}
	sort.Strings(vs)
	return vs
}

// TestI18nBundles checks every Dutch bundle: it parses, has no reserved
// key, no empty translation, the same fmt verbs as its key, no template
// delimiters, and go-i18n (through Fyne) loads them all.
func TestI18nBundles(t *testing.T) {
	for _, b := range i18nBundles(t) {
		for k, v := range b.m {
			if slices.Contains(i18nReserved, strings.ToLower(k)) {
				t.Errorf("%s: reserved top-level key %q", b.name, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q has an empty translation", b.name, k)
			}
			if kv, vv := i18nVerbs(k), i18nVerbs(v); !slices.Equal(kv, vv) {
				t.Errorf("%s: %q has verbs %v but its translation %q has %v", b.name, k, kv, v, vv)
			}
			if strings.Contains(k, "{{") || strings.Contains(v, "{{") {
				t.Errorf("%s: %q: template delimiters", b.name, k)
			}
		}
	}
	if err := LoadTranslations(); err != nil {
		t.Errorf("Fyne refuses the bundles: %v", err)
	}
}

// TestI18nConsistent fails when two bundles translate one English text
// differently: go-i18n keeps whichever file it reads last, so one area
// would silently show the other's word.
func TestI18nConsistent(t *testing.T) {
	seen := map[string]string{} // key → bundle
	values := map[string]string{}
	for _, b := range i18nBundles(t) {
		for k, v := range b.m {
			if other, ok := seen[k]; ok && values[k] != v {
				t.Errorf("%q is %q in %s but %q in %s", k, values[k], other, v, b.name)
			}
			seen[k], values[k] = b.name, v
		}
	}
}

// TestI18nVerbCheck makes sure the verb check can fail.
func TestI18nVerbCheck(t *testing.T) {
	if slices.Equal(i18nVerbs("Step %d of %d"), i18nVerbs("Stap %d van %s")) {
		t.Error("differing verbs compare equal")
	}
	if !slices.Equal(i18nVerbs("%s in %d"), i18nVerbs("%[2]d: %[1]s")) {
		t.Error("reordered verbs compare unequal")
	}
	if len(i18nVerbs("0.3 % take a quiz; 9.21 %, LITERATURE")) != 0 {
		t.Error("prose percentages taken for verbs")
	}
}

// TestI18nDynamicKeys checks the texts that reach lang.L from variables,
// which the source scan cannot see: settings groups, ledger metrics,
// chart titles and axes of every metric, scenario key explanations and
// the built-in scenarios' titles and descriptions.
func TestI18nDynamicKeys(t *testing.T) {
	nl := i18nDutch(t)
	need := func(what, key string) {
		t.Helper()
		if key == "" {
			return
		}
		if _, ok := nl[key]; !ok {
			t.Errorf("%s: no Dutch for %q", what, key)
		}
	}
	for _, g := range Groups {
		need("settings group", g.Title)
	}
	for _, m := range Metrics {
		need("ledger metric", m.Label)
	}
	for _, c := range sim.MetricColumns() {
		need("short axis of "+c.Name, c.ShortAxis())
	}
	for _, c := range sim.MetricColumns() {
		l, ok := chart.MetricLabel(c.Name)
		if !ok {
			t.Fatalf("no chart label for %s", c.Name)
		}
		need("chart title of "+c.Name, l.Title)
		need("chart axis of "+c.Name, l.Axis)
	}
	for _, k := range scenarios.Keys() {
		need("explanation of "+k.Name, k.Doc)
	}
	// The topic words a search for pages matches (likeMeView.matches),
	// and the trade-off chart's short strategy names.
	c := footprint.NewCatalogue(4000)
	for p := range c.Pages {
		need("topic words of page kind "+c.TopicKey(p), "topic."+c.TopicKey(p))
	}
	for _, s := range batch.TradeoffStrategies() {
		need("short name of "+s, "short."+s)
	}
	for _, s := range scenarios.List() {
		need("title of scenario "+s.Name, s.Title)
		cfg, err := scenarios.Builtin(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		need("description of scenario "+s.Name, cfg.Description)
	}
}

// i18nUseDutch switches lang.L to Dutch for one test and back after it.
func i18nUseDutch(t *testing.T) {
	t.Helper()
	t.Setenv("LANGUAGE", os.Getenv("LANGUAGE")) // restored last
	if err := SetLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := SetLanguage("en"); err != nil {
			t.Error(err)
		}
	})
}

// TestI18nSetLanguage switches to Dutch and back: lang.L follows.
func TestI18nSetLanguage(t *testing.T) {
	nl := i18nDutch(t)
	if got := lang.L("Play"); got != "Play" {
		t.Fatalf("before the switch lang.L(Play) = %q", got)
	}
	t.Run("nl", func(t *testing.T) {
		i18nUseDutch(t)
		if CurrentLanguage() != "nl" {
			t.Errorf("current language %q", CurrentLanguage())
		}
		if got := lang.L("Play"); got == "Play" || got != nl["Play"] {
			t.Errorf("in Dutch lang.L(Play) = %q, bundle says %q", got, nl["Play"])
		}
		// Fyne's own dialogs and this file's areas answer in Dutch too.
		for _, k := range []string{"Cancel", "Close", "Population", "Opinion shift vs control"} {
			if got := lang.L(k); got != nl[k] || got == k {
				t.Errorf("in Dutch lang.L(%q) = %q, want %q", k, got, nl[k])
			}
		}
		if got := lang.X("file.parent", "Parent"); got != nl["file.parent"] {
			t.Errorf("in Dutch lang.X(file.parent) = %q", got)
		}
	})
	if got := lang.L("Close"); got != "Close" {
		t.Errorf("after switching back lang.L(Close) = %q", got)
	}
}

// i18nApp opens the app on the test driver, waits for step 0 and returns
// it with its queue (as newTestApp, under a name of this file's own).
func i18nApp(t *testing.T) (*App, *uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	q := newQueue()
	cfg := testConfig(t)
	u := New(a, cfg, Options{Do: q.do, StepDelay: 15 * time.Millisecond, Workers: 2, NoPrefs: true,
		Adjust: func(c *sim.Config) { c.Population.Size = 1500 }})
	t.Cleanup(u.close)
	u.Window.Resize(fyne.NewSize(1000, 640))
	waitFor(t, q, "step 0", func() bool { _, ok := u.Snapshot(); return ok })
	return u, q
}

// i18nTexts collects the texts of labels and accordion titles under o.
func i18nTexts(o fyne.CanvasObject, out map[string]bool) {
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			i18nTexts(c, out)
		}
	case *container.Scroll:
		i18nTexts(o.Content, out)
	case *widget.Accordion:
		for _, it := range o.Items {
			out[it.Title] = true
			i18nTexts(it.Detail, out)
		}
	case *widget.Label:
		out[o.Text] = true
	}
}

// TestI18nDutchScreens builds the app in Dutch and checks what this
// area's screens show: settings groups and explanations, a refusal, the
// chart titles, the export choices and the headline.
func TestI18nDutchScreens(t *testing.T) {
	nl := i18nDutch(t)
	i18nUseDutch(t)
	u, q := i18nApp(t)

	texts := map[string]bool{}
	i18nTexts(u.settings.content, texts)
	for _, want := range []string{nl["Population"], nl["Social dynamics"],
		nl["number of agents, 1 to 2,000,000"], nl[Groups[0].Title]} {
		if want == "" || !texts[want] {
			t.Errorf("settings panel does not show %q", want)
		}
	}
	if texts["Population"] || texts["number of agents, 1 to 2,000,000"] {
		t.Error("settings panel still shows English")
	}

	e, msg := u.Field("campaign.budget")
	if e == nil {
		t.Fatal("no field campaign.budget")
	}
	e.SetText("-5")
	e.OnSubmitted(e.Text)
	q.drain()
	if prefix := strings.TrimSuffix(nl["Refused: %v"], "%v"); !msg.Visible() || !strings.HasPrefix(msg.Text, prefix) {
		t.Errorf("refusal reads %q, want it to start with %q", msg.Text, prefix)
	}

	u.flushCharts()
	u.Window.Canvas().Capture()
	if f, _ := u.Chart.LastFrame(); f.Title != nl["Opinion shift vs control"] {
		t.Errorf("chart title %q", f.Title)
	}
	labels, _ := u.chartChoices()
	if len(labels) == 0 || labels[0] != nl["Opinion shift vs control"] {
		t.Errorf("export choices %q", labels)
	}

	run := func(p int64) sim.Result {
		return sim.Result{Arms: []sim.ArmResult{
			{Name: "control", Strategy: "none", Series: []sim.Metrics{{Conversions: 100}}},
			{Name: "broadcast", Strategy: "broadcast", Series: []sim.Metrics{{Conversions: 200, ConversionsVsControl: 100, CostPerConversion: 2}}},
			{Name: "psychographic", Strategy: "psychographic", Series: []sim.Metrics{{Conversions: 100 + p, ConversionsVsControl: p,
				AttributesPerImpression: 4.3, SensitiveShare: 0.22, CostPerConversion: 2}}},
		}}
	}
	h := HeadlinesFor([]sim.Result{run(138), run(137), run(139)}, "", false)
	want := fmt.Sprintf(nl["%s: %s; %s personal attributes per impression; %s of ads used a sensitive inference."],
		title(nl["name.psychographic"]), "+38 % "+nl["conversions vs broadcast"], "4,3", "22 %")
	if h.Sentence != want || !strings.HasPrefix(h.Cards[0].Caption, nl["conversions vs broadcast"]+" (95 %-BI +") {
		t.Errorf("headline %q / %q\nwant %q", h.Sentence, h.Cards[0].Caption, want)
	}
}

// TestI18nExportChartDutch exports a chart in English and in Dutch: the
// title and axes follow the language.
func TestI18nExportChartDutch(t *testing.T) {
	u, _ := i18nApp(t)
	dir := t.TempDir()
	en := filepath.Join(dir, u.baseName()+"-conversions.svg")
	if err := u.ExportChart("conversions", en); err != nil {
		t.Fatal(err)
	}
	i18nUseDutch(t)
	nlPath := filepath.Join(dir, "nl.svg")
	if err := u.ExportChart("conversions", nlPath); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(en)
	b, _ := os.ReadFile(nlPath)
	// gonum's SVG keeps text as <text> elements, so the words can be read.
	nl := i18nDutch(t)
	for _, w := range []string{">Conversions<", ">people converted so far<", ">step<"} {
		if !bytes.Contains(a, []byte(w)) {
			t.Errorf("English export lacks %s", w)
		}
	}
	for _, w := range []string{nl["Conversions"], nl["people converted so far"], nl["step"], nl["name.control"]} {
		if !bytes.Contains(b, []byte(">"+w+"<")) {
			t.Errorf("Dutch export lacks %q", w)
		}
	}
}

// TestLiveChartReplications draws three replications: the frame counts
// them, the picture differs from one replication's (the 95 % band), and
// the step drawn is the first result's.
func TestLiveChartReplications(t *testing.T) {
	q := newQueue()
	lc := NewLiveChart("conversions", 10, q.do)
	w := test.NewWindow(lc)
	defer w.Close()
	w.Resize(fyne.NewSize(640, 400))
	rep := func(scale int64) sim.Result {
		var s []sim.Metrics
		for i := range 11 {
			s = append(s, sim.Metrics{Step: i, Conversions: scale * int64(i)})
		}
		return sim.Result{Arms: []sim.ArmResult{{Name: "broadcast", Strategy: "broadcast", Series: s}}}
	}
	lc.SetResults([]sim.Result{rep(2)})
	lc.Flush()
	w.Canvas().Capture()
	one := append([]byte(nil), lc.img.Pix...)
	if f, _ := lc.LastFrame(); f.Replications != 1 || f.T != 10 {
		t.Errorf("one result: frame %+v", f)
	}
	lc.SetResults([]sim.Result{rep(2), rep(1), rep(3)})
	lc.Flush()
	w.Canvas().Capture()
	if f, _ := lc.LastFrame(); f.Replications != 3 || f.Arms != 1 || f.T != 10 {
		t.Errorf("three results: frame %+v", f)
	}
	if bytes.Equal(one, lc.img.Pix) {
		t.Error("three replications draw the same picture as one")
	}
	lc.SetResult(sim.Result{})
	lc.Flush()
	w.Canvas().Capture()
	if f, _ := lc.LastFrame(); f.Replications != 0 || f.Arms != 0 {
		t.Errorf("no run: frame %+v", f)
	}
}

// i18nArmNames: every arm of a built-in scenario is a known name with a
// Dutch display name, and the trade-off view's short strategy names have
// Dutch too.
func i18nArmNames(t *testing.T, nl map[string]string) {
	for _, sc := range scenarios.List() {
		cfg, err := scenarios.Builtin(sc.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range cfg.Arms {
			for _, n := range []string{a.Name, a.Strategy} {
				if _, ok := nl["name."+n]; !ok || !slices.Contains(knownNames, n) {
					t.Errorf("%s: arm name %q has no Dutch (name.%s) or is not a known name", sc.Name, n, n)
				}
			}
		}
	}
	for _, s := range batch.TradeoffStrategies() {
		if _, ok := nl["short."+s]; !ok {
			t.Errorf("trade-off: no Dutch short name for %s", s)
		}
	}
}

// i18nStoryArms: the Dutch texts of the built-in stories name arms in
// Dutch: no English arm or strategy name whose Dutch differs
// ("psychographic" where the screen says "psychografisch").
func i18nStoryArms(t *testing.T, nl map[string]string) {
	var english []*regexp.Regexp
	for _, n := range knownNames {
		if d, ok := nl["name."+n]; ok && !strings.EqualFold(d, n) {
			english = append(english, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(n)+`\b`))
		}
	}
	checked := 0
	for _, sc := range scenarios.List() {
		cfg, err := scenarios.Builtin(sc.Name)
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{"title": cfg.Story.TitleNL, "summary": cfg.Story.SummaryNL}
		for i, st := range cfg.Story.Steps {
			// placeholders name arms as the scenario file does: they are keys, not words
			texts[fmt.Sprintf("step %d", i+1)] = scenarios.Fill(st.TextNL+" "+st.QuestionNL, nil, true)
		}
		for where, text := range texts {
			checked++
			for _, re := range english {
				if m := re.FindString(text); m != "" {
					t.Errorf("%s, %s (Dutch): English arm name %q", sc.Name, where, m)
				}
			}
		}
	}
	if len(english) < 4 || checked < 20 {
		t.Errorf("checked %d texts for %d English names: the check sees too little", checked, len(english))
	}
}

// i18nNumbers: in Dutch, numbers on cards, in sentences, in the
// trade-off table and on chart ticks have a decimal comma; in English a
// decimal point.
func i18nNumbers(t *testing.T) {
	mk := func(shift float64) sim.Result {
		return sim.Result{Arms: []sim.ArmResult{
			{Name: "control", Strategy: "none", Series: []sim.Metrics{{Conversions: 100}}},
			{Name: "broadcast", Strategy: "broadcast", Series: []sim.Metrics{{Conversions: 200, ConversionsVsControl: 100, Spend: 1217, CostPerConversion: 12.17, ShiftVsControl: shift}}},
		}}
	}
	res, runs := mk(0.26), []sim.Result{mk(0.25), mk(0.26), mk(0.27)}
	stat := batch.Stat{Mean: 0.5, Lo: 0.25, Hi: 0.75}
	check := func(lang string, shift, cost, sentence, table, tick string) {
		t.Helper()
		h := HeadlinesFor(runs, "", false)
		if h.Cards[0].Value != shift || h.Cards[2].Value != cost {
			t.Errorf("%s cards: %q, %q; want %q, %q", lang, h.Cards[0].Value, h.Cards[2].Value, shift, cost)
		}
		if got := trf("opinion %+.2f, now %+.2f", 0.25, -0.5); !strings.Contains(got, sentence) {
			t.Errorf("%s sentence %q lacks %q", lang, got, sentence)
		}
		if got := formatStat(stat); got != table {
			t.Errorf("%s trade-off table %q, want %q", lang, got, table)
		}
		p, err := chart.Lines([]sim.Result{res}, "conversions", chart.Options{DecimalComma: decimalComma()})
		if err != nil {
			t.Fatal(err)
		}
		p.Y.Min, p.Y.Max = 0, 1
		var labels []string
		for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			labels = append(labels, tk.Label)
		}
		if !slices.Contains(labels, tick) {
			t.Errorf("%s chart ticks %q lack %q", lang, labels, tick)
		}
	}
	check("English", "+0.2600", "€12.17", "+0.25", "0.5 (0.25 – 0.75)", "0.2")
	i18nUseDutch(t)
	check("Dutch", "+0,2600", "€12,17", "+0,25", "0,5 (0,25 – 0,75)", "0,2")
}
