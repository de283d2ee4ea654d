package analyzer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// GoldPassage is one hand-labelled passage of the gold set
// (analyzer/testdata/gold/{dev,heldout}.jsonl, one JSON object per line).
//
// For evaluation the passage is coded as a one-page plan whose year is
// PlanYear; Section, when not empty, is the kind of section the passage
// stands in (behovsanalys, mal, aktivitet, uppfoljning, organisation,
// ovrigt).
type GoldPassage struct {
	ID       string     `json:"id"`
	Text     string     `json:"text"`
	Section  string     `json:"section"`
	PlanYear int        `json:"plan_year"`
	Style    string     `json:"style"` // prose, table, list, heading
	Labels   GoldLabels `json:"labels"`
	Note     string     `json:"note,omitempty"` // why a borderline passage is labelled so
}

// GoldLabels are the hand labels of one passage. Code lists hold codebook
// ids; an empty list means "none of this dimension applies".
type GoldLabels struct {
	Malgrupp         []string `json:"malgrupp"`
	Insatsniva       []string `json:"insatsniva"`
	Omrade           []string `json:"omrade"`
	Metod            []string `json:"metod"`
	Aktor            []string `json:"aktor"`
	Perspektiv       []string `json:"perspektiv"`
	Goal             bool     `json:"goal"`
	GoalHorizon      string   `json:"goal_horizon"` // lang, kort, ospecificerad, or "" when not a goal
	Indicator        bool     `json:"indicator"`
	IndicatorType    string   `json:"indicator_type"`   // struktur, process, resultat, ospecificerad, or ""
	Brukarinflytande string   `json:"brukarinflytande"` // saknas, avsikt, remiss, deltagande, medskapande
	Genus            bool     `json:"genus"`
}

// ReadGold reads gold passages as JSON Lines. Blank lines are skipped;
// unknown fields, a missing id or text, and duplicate ids are errors that
// name the line.
func ReadGold(r io.Reader) ([]GoldPassage, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	var out []GoldPassage
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var p GoldPassage
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("read gold: line %d: %w", n, err)
		}
		if p.ID == "" || p.Text == "" {
			return nil, fmt.Errorf("read gold: line %d: id and text are required", n)
		}
		if prev, ok := seen[p.ID]; ok {
			return nil, fmt.Errorf("read gold: line %d: id %q already used on line %d", n, p.ID, prev)
		}
		seen[p.ID] = n
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}
