// Package sim is the Boomerang model: it builds a World (population,
// network, initial opinions, likes and the platform's inferences) once per
// seed and runs several Arms on identical copies of it — a no-campaign
// control next to one or more campaign strategies — recording the same
// metrics for each arm at every step. Nothing here imports Fyne or needs
// cgo.
//
// Subpackages hold the parts:
//   - rng: random streams keyed by (seed, purpose, agent, step);
//   - population: the people (demographics, Big Five, ideology, opinion);
//   - network: the social network (CSR), built or read from a file;
//   - influence: the opinion-dynamics models;
//   - footprint: likes, what the platform sees, and trait inference;
//   - datafile: reading the data files a scenario names, with limits;
//   - par: the one parallel loop the builders share.
//
// Files: run.go is the step loop and arm.go an arm's state; world.go and
// world_files.go build the World; config.go and validate.go are the
// scenario's settings, message.go its messages. Each strategy has a
// strategy_*.go (strategy.go holds their descriptors), with segments.go,
// selection.go, susceptible.go and profiles.go (what the operator knows)
// beside them; each rule has a regulation_*.go, the prebunking defence
// defence_prebunking.go. response.go, relevance.go, congruence.go,
// adstock.go, organic.go and turnout.go are how people respond;
// metrics.go, metric_aim.go and metrics_scan.go the metrics, result.go
// the series. exposure_log.go logs every impression with its reason and
// phrase.go says reasons as translatable Phrases; likeme.go and
// likeme_says.go answer the app's "Someone like me"; story.go holds the
// guided stories' steps, version.go the version.
package sim
