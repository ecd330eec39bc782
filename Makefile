# Convenience targets; the scripts/ they call are the source of truth.
.PHONY: run test cli bench deps

run:            ## install what is missing, build and open the app
	./scripts/run-app.sh

test:           ## install what is missing and run every test
	./scripts/test.sh

deps:
	./scripts/deps.sh

cli:            ## build the headless CLI (no cgo)
	CGO_ENABLED=0 go build -buildvcs=true -o bin/boomerang-cli ./cmd/boomerang-cli

bench:          ## engine benchmarks (ns per agent-step)
	go test -run='^$$' -bench=. -benchmem ./sim/...
