package compare

import "sort"

// Thresholds for statements (goals, indicators). A pair is "kept" when its
// similarity reaches KeptThreshold and its numbers, years and horizon (or
// indicator type) are the same; "changed" when its words alone reach
// ChangedThreshold; anything else is removed from the earlier plan and
// added in the later one.
const (
	KeptThreshold    = 0.9
	ChangedThreshold = 0.5
)

// pair is an assigned match: item i of the earlier list with item j of the
// later one.
type pair struct {
	i, j  int
	score float64
}

// assign matches the items of two lists one-to-one, best pair first:
// every candidate pair (those for which score says ok) is sorted by score,
// ties by position, and taken when neither side is taken yet.
//
// Greedy best-first rather than an optimal (Hungarian) assignment: plans
// have tens of goals, so both are fast, and the results differ only when a
// goal has two close candidates. Greedy then pairs each goal with its
// single most similar counterpart, which an analyst can check by reading
// the two texts; the optimal assignment may pair a goal with its second
// best to raise the total, which nobody reading one pair can see.
func assign(n, m int, score func(i, j int) (float64, bool)) []pair {
	var cands []pair
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			if s, ok := score(i, j); ok {
				cands = append(cands, pair{i, j, s})
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.i != b.i {
			return a.i < b.i
		}
		return a.j < b.j
	})
	usedI, usedJ := make([]bool, n), make([]bool, m)
	var out []pair
	for _, c := range cands {
		if !usedI[c.i] && !usedJ[c.j] {
			usedI[c.i], usedJ[c.j] = true, true
			out = append(out, c)
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x].i < out[y].i })
	return out
}

// unmatched returns the indexes in [0,n) that no pair uses on the side
// chosen by side.
func unmatched(n int, pairs []pair, side func(pair) int) []int {
	used := make([]bool, n)
	for _, p := range pairs {
		used[side(p)] = true
	}
	var out []int
	for i, u := range used {
		if !u {
			out = append(out, i)
		}
	}
	return out
}

func left(p pair) int  { return p.i }
func right(p pair) int { return p.j }
