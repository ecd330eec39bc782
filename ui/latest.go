package ui

import (
	"sync"
	"time"
)

// latest hands the controller's snapshots to the UI goroutine so that
// the UI never falls behind the model: at most one delivery is queued
// (one do call), and a snapshot that arrives while one waits replaces
// it, so that the UI shows the newest state when it gets to it rather
// than every state in turn. A fast run publishes far more snapshots than
// a browser tab can show (issue 21: the tab applied every one of them
// and the run played at a tenth of the model's pace).
//
// Nothing a snapshot carries is lost by skipping one: each holds the
// whole series from step 0 (Result, Replicas), the shared History and
// the append-only Log. Only a snapshot taken while playing, before the
// last step, is ever replaced; the others — step 0, a pause, a single
// step, a reset, the last step — are always applied, in the order they
// were published.
//
// In a browser the deliveries are also spaced (applyGap, web_js.go): the
// next one waits until the last one's cost is a small share of the time,
// so that the model and the page's own drawing keep the rest of the
// tab's one thread.
type latest struct {
	do    func(func())   // runs a function on the UI goroutine
	apply func(Snapshot) // shows a snapshot (UI goroutine)

	mu      sync.Mutex
	queue   []Snapshot // waiting, in order; only the last may be replaced
	pending bool       // a delivery is scheduled or queued
	next    time.Time  // the earliest time of the next delivery
	started bool       // the first snapshot (the run is built) has come
	shown   bool       // the first snapshot has been applied
}

// newLatest returns a latest that shows snapshots with apply, on the
// goroutine do runs functions on.
func newLatest(do func(func()), apply func(Snapshot)) *latest {
	return &latest{do: do, apply: apply}
}

// replaceable reports whether a waiting snapshot may give way to a newer
// one: a step of a run that plays on.
func replaceable(s Snapshot) bool { return s.Playing && !s.Done }

// put hands s to the UI; the controller calls it (any goroutine).
func (l *latest) put(s Snapshot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.started {
		l.started = true
		BootMark("first snapshot: the run is built")
	}
	if n := len(l.queue); n > 0 && replaceable(l.queue[n-1]) {
		l.queue[n-1] = s
	} else {
		l.queue = append(l.queue, s)
	}
	if l.pending {
		return
	}
	l.pending = true
	if wait := time.Until(l.next); wait > 0 {
		time.AfterFunc(wait, func() { l.do(l.deliver) })
		return
	}
	l.do(l.deliver)
}

// deliver applies what waits (UI goroutine).
func (l *latest) deliver() {
	l.mu.Lock()
	queue := l.queue
	l.queue, l.pending = nil, false
	l.mu.Unlock()
	began := time.Now()
	for _, s := range queue {
		l.apply(s)
	}
	gap := applyGap(time.Since(began))
	l.mu.Lock()
	l.next = began.Add(gap)
	first := !l.shown && len(queue) > 0
	l.shown = l.shown || first
	l.mu.Unlock()
	if first {
		BootMark("step 0 applied")
	}
}
