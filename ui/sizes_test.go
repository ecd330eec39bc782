package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"boomerang/scenarios"
	"boomerang/sim"
)

// Every built-in runs with 500 people typed into the People field and plays
// a step (issue 18): the inference model is trained on the platform's
// users, so no scenario needs a minimum size. The Target view follows a
// person, whose likes it shows even where the world has none of its own.
func TestEveryBuiltinAt500People(t *testing.T) {
	u, q := newTestApp(t)
	// Loaded at most 2000 people and 3 steps, so that the test stays quick;
	// the People field then asks for 500.
	u.opt.Adjust = func(c *sim.Config) { c.Steps, c.Population.Size = 3, min(c.Population.Size, 2000) }
	for _, info := range scenarios.List() {
		if cfg, _ := scenarios.Builtin(info.Name); cfg.Network.Kind == "file" {
			continue // a real network's size is its file's (the People field refuses others)
		}
		if err := u.LoadBuiltin(info.Name); err != nil {
			t.Fatalf("%s: %v", info.Name, err)
		}
		waitFor(t, q, info.Name, func() bool {
			s, ok := u.Snapshot()
			return ok && s.World != nil && s.World.Config.Name == info.Name
		})
		u.size.SetText("500")
		u.size.OnSubmitted("500")
		if n := u.Config().Population.Size; n != 500 {
			t.Fatalf("%s: People 500 refused (size %d, status %q)", info.Name, n, u.StatusText())
		}
		waitFor(t, q, info.Name+" at 500", func() bool {
			s, ok := u.Snapshot()
			return ok && s.World != nil && s.World.Pop.N == 500 && s.World.Config.Name == info.Name
		})
		test.Tap(u.step)
		waitFor(t, q, info.Name+" step 1", func() bool { return step(u) == 1 })
		s, _ := u.Snapshot()
		if s.World.Config.Data.QuizShare > 0 && !s.Result.Inference.Trained {
			t.Errorf("%s at 500 people: no inference model", info.Name)
		}
		u.SelectAgent(7)
		waitFor(t, q, info.Name+": the person's likes", func() bool {
			return u.target.fp != nil && u.target.agent == 7 && u.target.likes.Text != ""
		})
	}
}
