package main

import (
	"strings"
	"testing"
)

// check-stories and show --story as a newcomer meets them (issue 17).
func TestCheckStoriesAndShowStory(t *testing.T) {
	bin := buildCLI(t)
	_, errOut, code := cli(t, bin, "check-stories", "--only", "no-such")
	if code != 2 || !strings.Contains(errOut, `--only "no-such": no such built-in`) {
		t.Errorf("unknown --only: code %d, %q", code, errOut)
	}
	_, errOut, code = cli(t, bin, "check-stories", "--reps", "1")
	if code != 2 || !strings.Contains(errOut, "at least 2 replications") {
		t.Errorf("--reps 1: code %d, %q", code, errOut)
	}
	out, _, code := cli(t, bin, "show", "weekend-event", "--story")
	if code != 0 || !strings.Contains(out, "Step 1. ") || strings.Contains(out, "{") {
		t.Errorf("show --story: code %d\n%s", code, out)
	}
	nl, _, code := cli(t, bin, "show", "weekend-event", "--story", "--nl")
	if code != 0 || !strings.Contains(nl, "Stap 1. ") || !strings.Contains(nl, "kaartjes") {
		t.Errorf("show --story --nl: code %d\n%s", code, nl)
	}
	// the TOML keeps its placeholders, so show → edit → run round-trips
	toml, _, _ := cli(t, bin, "show", "weekend-event")
	if !strings.Contains(toml, "{extra_conversions(broadcast)}") || !strings.Contains(toml, "expect = [") {
		t.Error("show lost the story's placeholders or claims")
	}
	_, errOut, code = cli(t, bin, "show", "opinion-lab", "--story", "--set", "x=1")
	if code != 2 {
		t.Errorf("show with an unknown flag: code %d (%q)", code, errOut)
	}
}
