package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/plankoll/plankoll/corpus"
)

// audiencePreference is the order in which audiences are preferred when
// the caller names none and a county has plans for several.
var audiencePreference = []corpus.Audience{corpus.AudienceAlla, corpus.AudienceVuxna, corpus.AudienceBarnUnga}

// Pick chooses, among plans, the county's plan of year from and its plan
// of year to, like with like:
//
//   - With audience given ("vuxna", "barn_unga", "alla"), both plans have
//     that audience; a side with no such plan falls back to the county's
//     "alla" plan of that year, which covers every audience.
//   - Without audience, the audiences both years share are tried in the
//     order alla, vuxna, barn_unga; when they share none, an "alla" plan
//     is compared with the other year's plan (the first by that order).
//
// Only county plans count (Kommun empty). When a year has two plans of
// the same audience, the one uploaded last is taken.
//
// Errors: *corpus.Error with EUnknownLan or EUnknownAudience for a bad
// argument, and ENotFound, naming the plans that exist for the county,
// when one side is missing.
func Pick(plans []corpus.Plan, lan string, from, to int, audience string) (a, b corpus.Plan, err error) {
	l, err := corpus.ParseLan(lan)
	if err != nil {
		return a, b, err
	}
	var want corpus.Audience
	if strings.TrimSpace(audience) != "" {
		if want, err = corpus.ParseAudience(audience); err != nil {
			return a, b, err
		}
	}
	var own []corpus.Plan
	for _, p := range plans {
		if p.LanCode == l.Code && p.Kommun == "" {
			own = append(own, p)
		}
	}
	before, after := byAudience(own, from), byAudience(own, to)
	for _, aud := range pickOrder(want) {
		pa, okA := before[aud[0]]
		pb, okB := after[aud[1]]
		if okA && okB {
			return pa, pb, nil
		}
	}
	return a, b, notFound(l.Name, own, from, to, want)
}

// byAudience returns the county's plans of one year by audience, the last
// uploaded winning.
func byAudience(plans []corpus.Plan, year int) map[corpus.Audience]corpus.Plan {
	out := map[corpus.Audience]corpus.Plan{}
	for _, p := range plans {
		if p.Year != year {
			continue
		}
		if old, ok := out[p.Audience]; !ok || p.UploadedAt.After(old.UploadedAt) || (p.UploadedAt.Equal(old.UploadedAt) && p.ID > old.ID) {
			out[p.Audience] = p
		}
	}
	return out
}

// pickOrder lists the (from, to) audience pairs to try, best first.
func pickOrder(want corpus.Audience) [][2]corpus.Audience {
	alla := corpus.AudienceAlla
	if want != "" {
		return [][2]corpus.Audience{{want, want}, {alla, want}, {want, alla}, {alla, alla}}
	}
	var out [][2]corpus.Audience
	for _, x := range audiencePreference {
		out = append(out, [2]corpus.Audience{x, x})
	}
	for _, x := range audiencePreference[1:] {
		out = append(out, [2]corpus.Audience{alla, x}, [2]corpus.Audience{x, alla})
	}
	return out
}

// notFound says which side is missing and lists what the county has.
func notFound(lan string, own []corpus.Plan, from, to int, want corpus.Audience) error {
	which := ""
	if want != "" {
		which = " for " + string(want)
	}
	if len(own) == 0 {
		return corpus.Errorf(corpus.ENotFound, "No plans for %s have been uploaded.", lan)
	}
	var missing []string
	for _, y := range []int{from, to} {
		plans := byAudience(own, y)
		_, exact := plans[want]
		_, alla := plans[corpus.AudienceAlla]
		if len(plans) == 0 || (want != "" && !exact && !alla) {
			missing = append(missing, fmt.Sprint(y))
		}
	}
	var msg string
	switch {
	case len(missing) > 0:
		msg = fmt.Sprintf("No plan for %s %s%s.", lan, strings.Join(slices.Compact(missing), " or "), which)
	default:
		msg = fmt.Sprintf("%s has plans for %d and %d, but not for the same audience.", lan, from, to)
	}
	return corpus.Errorf(corpus.ENotFound, "%s Plans for %s: %s.", msg, lan, describePlans(own))
}

// describePlans lists a county's plans as "2016 (alla), 2017 (vuxna,
// barn_unga)".
func describePlans(plans []corpus.Plan) string {
	years := map[int][]string{}
	for _, p := range plans {
		if !slices.Contains(years[p.Year], string(p.Audience)) {
			years[p.Year] = append(years[p.Year], string(p.Audience))
		}
	}
	var ys []int
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	parts := make([]string, len(ys))
	for i, y := range ys {
		auds := years[y]
		slices.SortFunc(auds, func(x, z string) int {
			return slices.Index(audiencePreference, corpus.Audience(x)) - slices.Index(audiencePreference, corpus.Audience(z))
		})
		parts[i] = fmt.Sprintf("%d (%s)", y, strings.Join(auds, ", "))
	}
	return strings.Join(parts, ", ")
}
