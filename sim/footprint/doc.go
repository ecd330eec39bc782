// Package footprint is the data half of the boomerang: the digital
// footprints people leave (page likes), what a platform or an app operator
// can see of them (consent, a personality quiz, friend harvesting), and a
// trait-inference model trained on the quiz takers and applied to everyone
// visible, after Kosinski, Stillwell & Graepel (2013, PNAS 110:5802–5805).
//
// The pieces, in the order Build runs them:
//
//   - Catalogue: Pages pages, each loading on one or two attributes (Big
//     Five, ideology, age, gender, party and the special categories
//     religion, migration background, sexual orientation and health) with
//     a sign and a strength, plus a popularity. Fixed for a given page count
//     (a catalogue seed independent of the scenario seed), so page 17 is the
//     same page in every run.
//   - Likes: agent i likes exactly min(pop.Likes[i], Pages) distinct pages,
//     drawn one by one without replacement with P(page) ∝ popularity ×
//     exp(Σ β·z), z the agent's expressed attributes: its true attributes
//     blurred by an agent-level "persona" noise, which caps what any amount
//     of data can reveal, plus ten latent interests (tastes unrelated to
//     any attribute) that a quarter of the pages appeal to. Stored as CSR
//     with sorted page ids.
//   - Visibility: consent to tracking (regulation.consent_rate), the quiz
//     takers (data.quiz_share, whose true traits the operator learns) and,
//     with data.harvest_friends, the quiz takers' friends.
//   - Platform pool (pool.go): the platform's own users, drawn from the
//     same population model with their own seed stream (rng.Platform),
//     data.platform_users of them with data.quiz_share taking the quiz;
//     only the quiz takers and the SVD sample are drawn. The model is
//     trained on them, never on the simulated people, so it is the same
//     for any population size.
//   - Training, on the pool: a truncated SVD of the visible users' like
//     matrix (at most 10,000 of them besides the quiz takers), then on
//     the quiz takers only a ridge regression of every attribute on the first
//     k components, the ridge penalty chosen by 10-fold cross-validation; for
//     binary attributes a logistic link on the cross-validated scores. The
//     model collapses to one weight per page and attribute.
//   - Inference: for every visible simulated agent, O(likes) per attribute; NaN for
//     everyone the operator cannot see. Strategies read only these values.
//   - Accuracy: Pearson r and AUC of the inferences against the truth on
//     visible people who did not take the quiz, by likes per person too.
//
// Accuracy is not a parameter: it emerges from the data volume (quiz
// takers, likes per person) and lands near Kosinski et al. (2013) and
// Youyou, Kosinski & Stillwell (2015); the calibration is in
// calibration.go and checked by the tests.
//
// Everything is deterministic for a seed: per-agent draws come from
// streams keyed (seed, purpose, agent, step) (package rng), and every
// parallel reduction has a fixed order, so the results are bit-identical
// for any number of workers.
package footprint
