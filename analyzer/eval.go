package analyzer

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// evalDimensions are the dimensions Evaluate scores, in report order. The
// six code dimensions are multi-label; goal, indicator and genus are
// yes/no; goal_horizon (on passages whose gold label is a goal),
// indicator_type (on passages whose gold label is an indicator) and
// brukarinflytande are one class per passage.
var evalDimensions = []string{"malgrupp", "insatsniva", "omrade", "metod", "aktor", "perspektiv",
	"goal", "goal_horizon", "indicator", "indicator_type", "brukarinflytande", "genus"}

// EvalReport is how well the coder agrees with hand labels.
type EvalReport struct {
	Passages      int              `json:"passages"`
	Dimensions    []DimensionScore `json:"dimensions"`
	Disagreements []Disagreement   `json:"disagreements"`
}

// Scores are agreement figures for one dimension or code. Precision,
// recall and F1 are over positive decisions (codes present, a goal, a
// level above saknas); Kappa is Cohen's κ over all decisions.
type Scores struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	N         int     `json:"n"` // decisions
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Kappa     float64 `json:"kappa"`
}

// DimensionScore is the score of one dimension and of each of its codes
// or classes.
type DimensionScore struct {
	Dimension string `json:"dimension"`
	Scores
	Codes []CodeScore `json:"codes"`
}

// CodeScore is the score of one code or class.
type CodeScore struct {
	Code string `json:"code"`
	Scores
}

// Disagreement is a passage where the coder and the hand label differ in
// one dimension.
type Disagreement struct {
	ID        string   `json:"id"`
	Dimension string   `json:"dimension"`
	Gold      []string `json:"gold"`
	Got       []string `json:"got"`
	Text      string   `json:"text"`
}

// CodePassage codes one gold passage as a one-page plan of year
// p.PlanYear whose text stands in a section of kind p.Section (when
// given).
func (c *Coder) CodePassage(p GoldPassage) Coding {
	force := ""
	if contains(sectionKinds, p.Section) {
		force = p.Section
	}
	return c.code(PlanMeta{PlanID: p.ID, Year: p.PlanYear}, []PageText{{Page: 1, Text: p.Text}}, force)
}

// predicted reads a Coding as passage labels.
func predicted(c Coding) map[string][]string {
	out := map[string][]string{}
	for _, code := range c.Codes {
		out[code.Dimension] = append(out[code.Dimension], code.Code)
	}
	if len(c.Goals) > 0 {
		out["goal"] = []string{"true"}
		out["goal_horizon"] = []string{c.Goals[0].Horizon}
	}
	if len(c.Indicators) > 0 {
		out["indicator"] = []string{"true"}
		out["indicator_type"] = []string{c.Indicators[0].Type}
	}
	out["brukarinflytande"] = []string{c.Brukarinflytande.Level}
	if c.Genus.Present {
		out["genus"] = []string{"true"}
	}
	return out
}

func goldLabels(l GoldLabels) map[string][]string {
	out := map[string][]string{"malgrupp": l.Malgrupp, "insatsniva": l.Insatsniva, "omrade": l.Omrade,
		"metod": l.Metod, "aktor": l.Aktor, "perspektiv": l.Perspektiv}
	if l.Goal {
		out["goal"] = []string{"true"}
		out["goal_horizon"] = []string{l.GoalHorizon}
	}
	if l.Indicator {
		out["indicator"] = []string{"true"}
		out["indicator_type"] = []string{l.IndicatorType}
	}
	lv := l.Brukarinflytande
	if lv == "" {
		lv = "saknas"
	}
	out["brukarinflytande"] = []string{lv}
	if l.Genus {
		out["genus"] = []string{"true"}
	}
	return out
}

// Evaluate codes every gold passage and compares with its labels.
func Evaluate(c *Coder, gold []GoldPassage) EvalReport {
	rep := EvalReport{Passages: len(gold), Disagreements: []Disagreement{}}
	golds := make([]map[string][]string, len(gold))
	gots := make([]map[string][]string, len(gold))
	for i, p := range gold {
		golds[i] = goldLabels(p.Labels)
		gots[i] = predicted(c.CodePassage(p))
	}
	for _, dim := range evalDimensions {
		var ds DimensionScore
		switch dim {
		case "goal", "indicator", "genus":
			ds = binaryDim(dim, golds, gots)
		case "goal_horizon", "indicator_type", "brukarinflytande":
			ds = classDim(dim, golds, gots)
		default:
			ds = multiDim(dim, c.cb, golds, gots)
		}
		rep.Dimensions = append(rep.Dimensions, ds)
		for i, p := range gold {
			if !sameSet(golds[i][dim], gots[i][dim]) && relevant(dim, golds[i]) {
				rep.Disagreements = append(rep.Disagreements, Disagreement{ID: p.ID, Dimension: dim,
					Gold: nonNil(golds[i][dim]), Got: nonNil(gots[i][dim]), Text: p.Text})
			}
		}
	}
	return rep
}

// relevant: horizon and type are only judged where the gold label has a
// goal or an indicator.
func relevant(dim string, gold map[string][]string) bool {
	switch dim {
	case "goal_horizon":
		return len(gold["goal"]) > 0
	case "indicator_type":
		return len(gold["indicator"]) > 0
	}
	return true
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

// confusion is a 2×2 table of binary decisions.
type confusion struct{ tp, fp, fn, tn int }

func (m confusion) scores() Scores {
	s := Scores{TP: m.tp, FP: m.fp, FN: m.fn, N: m.tp + m.fp + m.fn + m.tn}
	s.Precision = ratio(m.tp, m.tp+m.fp)
	s.Recall = ratio(m.tp, m.tp+m.fn)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	n := float64(s.N)
	if n > 0 {
		po := float64(m.tp+m.tn) / n
		pe := (float64(m.tp+m.fp)*float64(m.tp+m.fn) + float64(m.fn+m.tn)*float64(m.fp+m.tn)) / (n * n)
		s.Kappa = kappa(po, pe)
	}
	return s
}

func kappa(po, pe float64) float64 {
	if pe >= 1 {
		if po >= 1 {
			return 1
		}
		return 0
	}
	return (po - pe) / (1 - pe)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (m *confusion) add(gold, got bool) {
	switch {
	case gold && got:
		m.tp++
	case got:
		m.fp++
	case gold:
		m.fn++
	default:
		m.tn++
	}
}

// multiDim scores a multi-label code dimension: every (passage, code) pair
// is one decision.
func multiDim(dim string, cb *Codebook, golds, gots []map[string][]string) DimensionScore {
	ds := DimensionScore{Dimension: dim}
	var all confusion
	for _, d := range cb.Dimensions() {
		if d.ID != dim {
			continue
		}
		for _, code := range d.Codes {
			var m confusion
			for i := range golds {
				m.add(contains(golds[i][dim], code.ID), contains(gots[i][dim], code.ID))
			}
			all.tp, all.fp, all.fn, all.tn = all.tp+m.tp, all.fp+m.fp, all.fn+m.fn, all.tn+m.tn
			ds.Codes = append(ds.Codes, CodeScore{Code: code.ID, Scores: m.scores()})
		}
	}
	ds.Scores = all.scores()
	return ds
}

func binaryDim(dim string, golds, gots []map[string][]string) DimensionScore {
	var m confusion
	for i := range golds {
		m.add(len(golds[i][dim]) > 0, len(gots[i][dim]) > 0)
	}
	return DimensionScore{Dimension: dim, Scores: m.scores(), Codes: []CodeScore{}}
}

// classDim scores a one-class-per-passage dimension. For
// brukarinflytande "saknas" is the negative class; for goal_horizon and
// indicator_type only passages with a gold goal (indicator) count, and a
// missing prediction is its own class "".
func classDim(dim string, golds, gots []map[string][]string) DimensionScore {
	neg := ""
	if dim == "brukarinflytande" {
		neg = "saknas"
	}
	first := func(s []string) string {
		if len(s) == 0 {
			return ""
		}
		return s[0]
	}
	var pairs [][2]string
	for i := range golds {
		if !relevant(dim, golds[i]) {
			continue
		}
		pairs = append(pairs, [2]string{first(golds[i][dim]), first(gots[i][dim])})
	}
	classes := map[string]bool{}
	for _, p := range pairs {
		classes[p[0]], classes[p[1]] = true, true
	}
	var names []string
	for c := range classes {
		names = append(names, c)
	}
	sort.Strings(names)
	ds := DimensionScore{Dimension: dim}
	var micro confusion
	for _, c := range names {
		if c == neg {
			continue
		}
		var m confusion
		for _, p := range pairs {
			m.add(p[0] == c, p[1] == c)
		}
		micro.tp, micro.fp, micro.fn = micro.tp+m.tp, micro.fp+m.fp, micro.fn+m.fn
		ds.Codes = append(ds.Codes, CodeScore{Code: c, Scores: m.scores()})
	}
	ds.Scores = micro.scores()
	ds.N = len(pairs)
	// Multi-class Cohen's κ from the confusion of all classes.
	if n := float64(len(pairs)); n > 0 {
		agree := 0
		goldN, gotN := map[string]int{}, map[string]int{}
		for _, p := range pairs {
			if p[0] == p[1] {
				agree++
			}
			goldN[p[0]]++
			gotN[p[1]]++
		}
		pe := 0.0
		for _, c := range names {
			pe += float64(goldN[c]) * float64(gotN[c]) / (n * n)
		}
		ds.Kappa = kappa(float64(agree)/n, pe)
	}
	return ds
}

// WriteScores writes the per-dimension figures of a report as aligned
// text lines prefixed with name ("dev", "heldout").
func WriteScores(w io.Writer, name string, r EvalReport) error {
	for _, d := range r.Dimensions {
		if _, err := fmt.Fprintf(w, "%-8s %-17s P=%.3f R=%.3f F1=%.3f kappa=%.3f n=%d\n",
			name, d.Dimension, d.Precision, d.Recall, d.F1, d.Kappa, d.N); err != nil {
			return err
		}
	}
	return nil
}

// String summarises a report in one line per dimension.
func (r EvalReport) String() string {
	var b strings.Builder
	_ = WriteScores(&b, "eval", r)
	return b.String()
}
