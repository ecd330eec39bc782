package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"boomerang/scenarios"
	"boomerang/sim"
)

// scenarioFlags pick and change a scenario; run and sweep share them.
type scenarioFlags struct {
	seed   uint64
	steps  int
	agents int
	sets   []string
}

func (f *scenarioFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Uint64Var(&f.seed, "seed", 0, "base seed (default: the scenario's seed)")
	fl.IntVar(&f.steps, "steps", 0, "number of steps (default: the scenario's)")
	fl.IntVar(&f.agents, "agents", 0, "population size (same as --set population.size=N)")
	fl.StringArrayVar(&f.sets, "set", nil, "override a scenario key, e.g. --set influence.epsilon=0.2 (repeatable)")
	cmd.RegisterFlagCompletionFunc("set", completeKeys)
}

// flagKeys are the scenario keys the shortcut flags set.
var flagKeys = [...]struct{ flag, key string }{
	{"seed", "seed"}, {"steps", "steps"}, {"agents", "population.size"},
}

// conflicts refuses two inputs that set the same scenario key: a shortcut
// flag (--seed, --steps, --agents) and a --set of its key, two --set of one
// key, or a --vary of a key that a flag or --set also sets (vary: the
// varied keys). The error names both in one line and exits 1, like any
// other bad input (docs/CLI.md, "Flags and --set"): no silent precedence.
func (f *scenarioFlags) conflicts(cmd *cobra.Command, vary []string) error {
	by := map[string]string{} // key → the input that set it
	claim := func(key, how string) error {
		if prev, ok := by[key]; ok {
			return fmt.Errorf("%s and %s both set %s: give it once", prev, how, key)
		}
		by[key] = how
		return nil
	}
	fl := cmd.Flags()
	for _, fk := range flagKeys {
		if fl.Changed(fk.flag) {
			if err := claim(fk.key, "--"+fk.flag+" "+fl.Lookup(fk.flag).Value.String()); err != nil {
				return err
			}
		}
	}
	for _, a := range f.sets {
		key, _, _ := strings.Cut(a, "=")
		if err := claim(strings.TrimSpace(key), "--set "+a); err != nil {
			return err
		}
	}
	for _, key := range vary {
		if err := claim(key, "--vary "+key); err != nil {
			return err
		}
	}
	return nil
}

// load reads the scenario and applies --set, --seed, --steps and --agents,
// after refusing any two of them that set the same key (conflicts), then
// validates.
func (f *scenarioFlags) load(cmd *cobra.Command, name string) (sim.Config, error) {
	if err := f.conflicts(cmd, nil); err != nil {
		return sim.Config{}, err
	}
	cfg, err := scenarios.Load(name)
	if err != nil {
		return sim.Config{}, err
	}
	sets := append([]string(nil), f.sets...)
	fl := cmd.Flags()
	if fl.Changed("seed") {
		sets = append(sets, "seed="+strconv.FormatUint(f.seed, 10))
	}
	if fl.Changed("steps") {
		sets = append(sets, "steps="+strconv.Itoa(f.steps))
	}
	if fl.Changed("agents") {
		sets = append(sets, "population.size="+strconv.Itoa(f.agents))
	}
	if err := scenarios.ApplySets(&cfg, sets); err != nil {
		return sim.Config{}, err
	}
	return cfg, nil
}

// plotFlags choose charts and their file format.
type plotFlags struct {
	plots  bool
	format string
}

func (p *plotFlags) add(cmd *cobra.Command, what string) {
	cmd.Flags().BoolVar(&p.plots, "plots", false, "also write charts into the output directory: "+what)
	cmd.Flags().StringVar(&p.format, "plot-format", "png", "chart file format: png, svg or pdf")
	cmd.RegisterFlagCompletionFunc("plot-format", cobra.FixedCompletions([]string{"png", "svg", "pdf"}, cobra.ShellCompDirectiveNoFileComp))
}

// ext checks --plot-format and returns the file extension.
func (p *plotFlags) ext() (string, error) {
	switch f := strings.ToLower(strings.TrimPrefix(p.format, ".")); f {
	case "png", "svg", "pdf":
		return "." + f, nil
	}
	return "", fmt.Errorf("--plot-format %q: unknown (allowed: png, svg, pdf)", p.format)
}

// signalContext is cancelled by Ctrl-C (SIGINT) and by SIGTERM, which
// SLURM and Kubernetes send before they kill a task.
func signalContext(cmd *cobra.Command) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
}

// isQuiet reads the persistent --quiet flag.
func isQuiet(cmd *cobra.Command) bool {
	q, _ := cmd.Flags().GetBool("quiet")
	return q
}

// printJSON writes v as indented JSON and a newline.
func printJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// shellQuote quotes an argument for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// commandLine is the program and args, quoted to paste into a shell.
func commandLine(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}

// completeScenario completes built-in scenario names (and files).
func completeScenario(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, s := range scenarios.List() {
		names = append(names, s.Name+"\t"+s.Title)
	}
	return names, cobra.ShellCompDirectiveDefault
}

// completeKeys completes scenario keys for --set and --vary.
func completeKeys(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, k := range scenarios.Keys() {
		out = append(out, k.Name+"=\t"+k.Type)
	}
	return out, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
}

// keyLabel is an axis label for a varied key: the key and the first part
// of its description, where units are named.
func keyLabel(key string) string {
	for _, k := range scenarios.Keys() {
		if k.Name != key || k.Doc == "" || (k.Type != "int" && k.Type != "float") {
			continue
		}
		doc := k.Doc
		if i := strings.IndexAny(doc, ";("); i > 0 {
			doc = doc[:i]
		}
		doc = strings.TrimSpace(doc)
		if len(doc) > 48 {
			if i := strings.LastIndex(doc[:48], " "); i > 0 {
				doc = doc[:i] + " …"
			}
		}
		return key + " (" + doc + ")"
	}
	return key
}
