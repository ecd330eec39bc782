package sim

// retargetList is an arm's retargeting audience (a "website custom
// audience" fed by the advertiser's tracking pixel): the people who
// clicked the arm's ad within the last campaign.retarget_window steps, have
// not bought since, and carry a tracking ID. Retargeting is standard
// practice (Lambrecht & Tucker 2013, J. Marketing Research 50:561, study it
// as such); it needs the pixel, which fires only for people who consented
// to tracking (regulation.consent_rate). A person whose likes the operator
// sees through a quiz or a friend's harvest has no pixel cookie, so only
// consent counts (footprint.Visibility.Consented).
//
// The list is kept in the order people were (last) booked, so it is the
// same for any worker count; it draws no random numbers.
type retargetList struct {
	window  int     // steps a click keeps a person on the list (0: no retargeting)
	tracked []bool  // consented to tracking and not excluded by the regulation
	last    []int32 // step of the person's last booked click, 0 = not on the list
	list    []int32 // people on the list (some may have expired: see due)
}

// retargetAttrs are the personal attributes a retargeted impression uses:
// the tracking ID and the person's click history with the campaign.
const retargetAttrs = 2

// newRetargetList makes the list of a world: it tracks the people who
// consented and whom the regulation does not exclude from personal-data
// targeting.
func newRetargetList(w *World, window int) *retargetList {
	r := &retargetList{window: window}
	if window <= 0 || w.Footprint == nil {
		return r
	}
	ex := w.excludedMask()
	r.tracked = make([]bool, w.Pop.N)
	some := false
	for i := range r.tracked {
		r.tracked[i] = w.Footprint.Visibility.Consented(i) && (ex == nil || !ex[i])
		some = some || r.tracked[i]
	}
	if !some {
		r.tracked = nil
	}
	r.last = make([]int32, w.Pop.N)
	return r
}

// book adds the clickers among outcomes, observed at step t, that the
// pixel tracks.
func (r *retargetList) book(t int, outcomes []Outcome) {
	if r.tracked == nil {
		return
	}
	for _, o := range outcomes {
		if !o.Clicked || o.Converted || !r.tracked[o.Agent] {
			continue
		}
		if r.last[o.Agent] == 0 {
			r.list = append(r.list, o.Agent)
		}
		r.last[o.Agent] = int32(t)
	}
}

// due drops from the list the people whose last click is more than
// window steps before step t and those the arm knows bought (st.knownBuyer:
// a pixel sees the purchase), and returns the rest, in list order.
func (r *retargetList) due(t int, st *ArmState) []int32 {
	keep := r.list[:0]
	for _, i := range r.list {
		if t-int(r.last[i]) > r.window || st.knownBuyer(i) {
			r.last[i] = 0
			continue
		}
		keep = append(keep, i)
	}
	r.list = keep
	return r.list
}

// clickedAt is the step of person i's last booked click (0: not on the
// list).
func (r *retargetList) clickedAt(i int32) int { return int(r.last[i]) }
