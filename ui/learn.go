package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// learnView is the Learn tab: how the model works in plain language, the
// sources it rests on, and questions for a discussion. It is static text
// (markdown), one block per section, so that a lecturer can scroll to a
// section on the projector and a student can read it at their own pace.
//
// Each section is translated as a whole (lang.X with a key such as
// "learn.population"; the Dutch is in translations/learn.nl.json): whole
// paragraphs translate far better than sentence fragments glued together.
type learnView struct {
	u        *App
	sections []*widget.RichText
	box      fyne.CanvasObject
}

// learnSection is one block of the Learn tab: its translation key and
// its English markdown.
type learnSection struct {
	key, text string
}

// learnSections are the Learn tab's sections, in order (a function, not a
// package variable: the package keeps no mutable state). The numbers in
// them come from docs/VALIDATION.md (check-literature, full run) and
// LITERATURE.md; keep them in step when those change.
func learnSections() []learnSection {
	return []learnSection{
		{"learn.intro", `# How Boomerang works

Boomerang builds one synthetic population and makes **identical copies** of it, one per *arm*. The control arm sees no ads; every other arm runs one campaign strategy. Every random draw is the same in every copy (same person, same step, same dice), so every difference between the arms is caused by the strategy — nothing else. The name is the idea: the data people leave behind comes back to them as a message designed to move them.

One step is one day: the campaign buys its impressions, people respond, and then they talk to their friends.`},
		{"learn.population", `## The population

Up to two million people, each with an age, gender, region, education and migration background; the Big Five personality traits (openness, conscientiousness, extraversion, agreeableness, neuroticism), which differ a little by age and gender as in large surveys; a political ideology that goes with lower openness and higher conscientiousness; an **opinion** on the campaign's subject from -1 (strongly against) to +1 (strongly for); how susceptible they are, how media-literate, how much they care about privacy; and how active they are on the platform (a median of 68 likes). They live in a social network where friends tend to resemble each other (homophily).`},
		{"learn.data", `## The data footprint and inference

The platform does not *know* anyone's personality: it *guesses* it from their likes. Pages carry hidden links to traits (people high in openness like art pages, for instance). Only people who consent to tracking are visible. A small group takes a personality quiz, as about 270,000 people did for Cambridge Analytica; a model learns from their likes and quiz answers, optionally from their friends' likes too (*harvesting*), and is then applied to everyone it can see.

Accuracy is not a setting: it emerges from how much data there is. In Boomerang it lands where the research found it — a correlation of about 0.40 between guessed and true personality (0.34 in Kosinski et al. 2013, 0.56 in Youyou et al. 2015), openness guessed best, political party with an AUC of about 0.84 (0.85 published), and better guesses for people with more likes. So the platform is right about many people and wrong about some — and it targets both.`},
		{"learn.strategies", `## The strategies

- **None** (control): no campaign at all; the yardstick.
- **Broadcast**: the same ad to random users. Uses no personal data.
- **Demographic**: the classic marketer. Tries every age × gender × region segment for a few days, then buys the segments that convert best.
- **Psychographic**: Cambridge Analytica's playbook. Picks for each visible person the message that fits their *inferred* personality (an extravert ad for extraverts, a fear appeal for the anxious) and prefers the persuadable.
- **Lookalike**: finds people who look like the customers so far, as Meta's Lookalike Audiences do.
- **Adaptive**: the marketer's loop. A learning algorithm (a bandit) tries segment × message combinations and shifts the budget, round after round, to what converts.
- **Demobilise** (elections): discouraging dark posts to likely supporters of the other side, so they stay home.

Strategies see only what a real advertiser sees: inferred traits, declared demographics and their own clicks and conversions — never the true traits.`},
		{"learn.response", `## The response and opinion dynamics

An impression may be clicked (about 0.9 % of the time, the platform average). An ad that fits a person's **true** personality is clicked and converts more often — by about the amounts Matz et al. (2017) measured — so targeting works only as well as the guess behind it. Each ad moves opinion a little (a clicked ad by about 0.03 on the -1…+1 scale, after Coppock et al. 2020), less for every repeat (wear-out). Fear appeals and misinformation work better on people with low media literacy. Sometimes an ad backfires: someone strongly opposed, or someone who cares about privacy and sees an ad that reveals what the platform inferred about them, moves the other way (*reactance*).

Then people talk. Opinions spread through the network by one of the classic models: DeGroot (averaging friends), Friedkin–Johnsen (averaging, but anchored to one's own view), Deffuant and Hegselmann–Krause (listening only to those who are not too different: *bounded confidence*), the voter model (copying a random friend), and algorithmic bias (a feed that shows you people like you). Each reproduces its textbook result.`},
		{"learn.ledger", `## The ledger

A campaign has two sides. **What it gains**: opinion shift compared with the control twin, conversions (purchases, tickets, votes) and the cost of each extra conversion. **What it takes**: personal attributes used per impression; the share of impressions chosen with a *sensitive* inference (health, religion, sexual orientation, political views, migration background); the share of persuasion that came from exploiting a weakness (fear aimed at the anxious, misinformation aimed at the least media-literate); backfires; and how unequally the ads fall on people (a Gini coefficient). The Campaign view's fourth chart shows these; the Trade-off view sets one side against the other.`},
		{"learn.regulation", `## Regulation and defences

Each rule is a switch, off by default, so that you can see what it changes:
- **Tracking consent** — how many people allow tracking, and whether the banner has a reject button (without one, consent rises by about 22 points: Nouwens et al. 2020).
- **Ban on sensitive targeting** — no ads based on special categories of data, even with consent (EU Digital Services Act, Art. 26(3)).
- **No profiling of minors** (DSA Art. 28(2)).
- **Political advertising consent** — political targeting only with explicit, separate consent (EU Regulation 2024/900).
- **Minimum audience size** and **frequency cap** — no tiny target groups, no endless repeats.
- **Transparency label** — every ad says why you see it.
- **Prebunking** — part of the population learns to recognise manipulation beforehand (inoculation).`},
		{"learn.sources", `## Sources

The model's numbers come from published research; docs/MODEL.md gives every parameter its source and docs/VALIDATION.md shows that the model reproduces these results (boomerang-cli check-literature).

- **Kosinski, Stillwell & Graepel (2013)**, PNAS: personality and politics predicted from Facebook likes (58,466 volunteers; openness r = 0.43, party AUC 0.85). Used for the likes, the inference method and its accuracy.
- **Youyou, Kosinski & Stillwell (2015)**, PNAS: computers judge personality from likes better than friends do (r = 0.56). Used as the upper end of inference accuracy.
- **Facebook (2018)**: about 270,000 quiz takers, up to 87 million profiles reached through their friends — the Cambridge Analytica scenario's quiz share and friend harvesting.
- **Matz, Kosinski, Nave & Stillwell (2017)**, PNAS: ads matched to inferred personality brought up to 1.4× the clicks and 1.5× the purchases. Used for the congruence lifts; an upper bound, since delivery was not randomised (Eckles, Gordon & Johnson 2018).
- **Coppock, Hill & Vavreck (2020)**, Science Advances: 59 experiments, political ads move opinion very little. Used for the effect of one ad.
- **Kalla & Broockman (2018)**, APSR and **Hill et al. (2013)**: campaign effects in general elections are about zero and decay. Used for fading effects.
- **Tappin et al. (2023)**, PNAS: microtargeting beat the single best message, but by less than its reputation. Used as the ceiling for targeting gains.
- **Joyal-Desmarais et al. (2022)**, Psychological Bulletin: matching messages to motivations raises persuasion (r = .20 over 702 experiments). Used for the effect of a fitting message.
- **Nouwens et al. (2020)**, CHI: dark patterns in cookie banners. Used for consent design.
- **EU Digital Services Act (2022)**, Arts. 26 and 28, and **Regulation 2024/900** on political advertising: the regulation switches.
- **Roozenbeek, van der Linden and colleagues** (Bad News, prebunking videos, Science Advances 2022): inoculation against manipulation. Used for prebunking.
- **DeGroot (1974); Friedkin & Johnsen (1990); Deffuant et al. (2000); Hegselmann & Krause (2002); Sîrbu et al. (2019)**: the opinion-dynamics models, each checked against its textbook result.
- **Lippa (2010); Soto et al. (2011); Sibley, Osborne & Duckitt (2012)**: how personality varies with gender and age, and how it relates to ideology, for the synthetic population.

What the model does not capture (docs/VALIDATION.md): its persuasion effects are contested in the literature, its reactance sizes are assumptions, and microtargeting gains in the model are small — smaller than the industry claims.`},
		{"learn.questions", `## Questions for discussion

1. **Because we can, should we want to?** The model shows what data-driven targeting *can* do. Which of its uses would you accept, and where is your line?
2. Targeting gains a few extra conversions over broadcast. What does it take in return, and who pays that price?
3. The platform's guesses are wrong for many people. Is a wrong guess about you better or worse than a right one?
4. Is targeting a vaccination campaign at the hesitant the same as targeting an election ad at the persuadable? What makes the difference?
5. Which rule in the regulation switches changes the most, and which would you drop? Why?
6. Opinions barely move, but behaviour does. Does that make microtargeting harmless?
7. You took a quiz; your friends did not. What did they agree to?`},
	}
}

func newLearnView(u *App) *learnView {
	v := &learnView{u: u}
	col := container.NewVBox()
	for _, s := range learnSections() {
		r := widget.NewRichTextFromMarkdown(lang.X(s.key, s.text))
		r.Wrapping = fyne.TextWrapWord
		v.sections = append(v.sections, r)
		col.Add(r)
	}
	v.box = container.NewVScroll(col)
	return v
}

// content is the tab's content.
func (v *learnView) content() fyne.CanvasObject { return v.box }

// Text is everything the view shows, as plain text (tests and
// screen-reader-like checks).
func (v *learnView) Text() string {
	var b strings.Builder
	for _, r := range v.sections {
		b.WriteString(richPlain(r))
		b.WriteString("\n")
	}
	return b.String()
}

// richPlain is the text of a RichText without its formatting.
func richPlain(r *widget.RichText) string {
	var b strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch x := s.(type) {
			case *widget.ListSegment:
				walk(x.Items)
			case *widget.ParagraphSegment:
				walk(x.Texts)
			default:
				b.WriteString(s.Textual())
			}
			b.WriteString(" ")
		}
	}
	walk(r.Segments)
	return b.String()
}
