package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"boomerang/scenarios"
)

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in scenarios, one line each",
		Example: `  boomerang-cli list
  boomerang-cli list | cut -f1 -d' '    # just the names`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, s := range scenarios.List() {
				marker := ""
				if s.Name == scenarios.DefaultName {
					marker = " (default)"
				}
				fmt.Fprintf(tw, "%s\t%s%s\n", s.Name, s.Title, marker)
			}
			return tw.Flush()
		},
	}
}

func newShowCmd() *cobra.Command {
	var story, dutch bool
	cmd := &cobra.Command{
		Use:   "show SCENARIO|FILE",
		Short: "Print the resolved scenario as TOML, every key with its default, to copy and edit",
		Long: `show prints the resolved scenario as TOML, every key with its default, to
copy and edit. Story texts keep their {…} placeholders, so the file
round-trips; --story prints the story as text instead, with the
placeholders filled from the numbers check-stories measured (built-ins).`,
		Example: `  boomerang-cli show broadcast-basics
  boomerang-cli show opinion-lab > my.toml    # then edit my.toml and: boomerang-cli run my.toml
  boomerang-cli show weekend-event --story --nl`,
		Args:              exactArgs(1, "one scenario name or file"),
		ValidArgsFunction: completeScenario,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := scenarios.Load(args[0])
			if err != nil {
				return err
			}
			if story {
				if len(cfg.Story.Steps) == 0 {
					return fmt.Errorf("%s has no story", args[0])
				}
				m, ok := scenarios.Measured(cfg.Name)
				title, steps := cfg.Story.TitleEN, []storyText{}
				if dutch {
					title = cfg.Story.TitleNL
				}
				for _, s := range cfg.Story.Steps {
					if dutch {
						steps = append(steps, storyText{s.TextNL, s.QuestionNL})
					} else {
						steps = append(steps, storyText{s.TextEN, s.QuestionEN})
					}
				}
				printStory(cmd.OutOrStdout(), m, ok, dutch, title, steps)
				return nil
			}
			data, err := scenarios.Marshal(cfg)
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(data)
			return err
		},
	}
	cmd.Flags().BoolVar(&story, "story", false, "print the story as text, numbers filled from the stored measurement")
	cmd.Flags().BoolVar(&dutch, "nl", false, "with --story: in Dutch")
	return cmd
}

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a scenario file; exit 0 if valid, 1 with the file, line and key if not",
		Example: `  boomerang-cli validate my.toml
  for f in scenarios/*.toml; do boomerang-cli validate "$f" || exit 1; done`,
		Args: exactArgs(1, "one scenario file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := scenarios.Load(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (%q, %d agents, %d steps, arms: %d)\n",
				args[0], cfg.Name, cfg.Population.Size, cfg.Steps, len(cfg.Arms))
			return nil
		},
	}
}
