# Convenience targets; the scripts/ they call are the source of truth.
.PHONY: run test cli bench bench-baseline deps screenshots web serve-web stories

run:            ## install what is missing, build and open the app
	./scripts/run-app.sh

test:           ## install what is missing and run every test
	./scripts/test.sh

deps:
	./scripts/deps.sh

screenshots:    ## every view of the real app in EN and NL, scaled and presenting, into out/screenshots
	./scripts/screenshots.sh

web:            ## the browser build: a static folder in out/web (scripts/web-build.sh)
	./scripts/web-build.sh out/web

serve-web: web cli ## serve out/web on http://127.0.0.1:8080/
	./bin/boomerang-cli serve-web out/web --addr 127.0.0.1:8080

cli:            ## build the headless CLI (no cgo)
	CGO_ENABLED=0 go build -buildvcs=true -o bin/boomerang-cli ./cmd/boomerang-cli

stories: cli    ## check every story claim (10 replications) and store the measured numbers the texts quote
	bin/boomerang-cli check-stories --write scenarios/builtin/measured

# make bench: every engine benchmark, BENCH_COUNT times (benchstat wants
# ≥ 5 for confidence intervals), into BENCH_OUT in the format benchstat reads,
# then, if benchstat is installed, the comparison with the committed baseline.
# Narrow with e.g. make bench BENCH=Step BENCH_PKGS=./sim/influence/.
# make bench-baseline rewrites bench/baseline.txt (commit it).
BENCH       ?= .
BENCH_PKGS  ?= ./sim/...
BENCH_COUNT ?= 5
BENCH_TIME  ?= 1s
BENCH_OUT   ?= bench/new.txt

bench:          ## engine benchmarks (ns per agent-step) into bench/new.txt, compared with bench/baseline.txt
	@mkdir -p $(dir $(BENCH_OUT))
	@uptime | sed 's/^/# load: /' > $(BENCH_OUT).tmp
	go test -run='^$$' -bench='$(BENCH)' -benchmem -count=$(BENCH_COUNT) -benchtime=$(BENCH_TIME) -timeout=3h $(BENCH_PKGS) | tee -a $(BENCH_OUT).tmp
	@uptime | sed 's/^/# load: /' >> $(BENCH_OUT).tmp
	@if grep -q '^FAIL' $(BENCH_OUT).tmp; then echo "benchmarks failed; output kept in $(BENCH_OUT).tmp"; exit 1; fi
	@mv $(BENCH_OUT).tmp $(BENCH_OUT)
	@if command -v benchstat >/dev/null; then benchstat bench/baseline.txt $(BENCH_OUT); \
	 else echo "compare: go run golang.org/x/perf/cmd/benchstat@latest bench/baseline.txt $(BENCH_OUT)"; fi

bench-baseline: ## rerun the benchmarks and make them the committed baseline
	$(MAKE) bench BENCH_OUT=bench/baseline.txt
