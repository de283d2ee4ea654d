package samples

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

//go:embed expected_coding.yaml expected_differences.yaml
var expectedFiles embed.FS

// ExpectedCoding is the hand coding the author intended for one sample
// plan (expected_coding.yaml): test data for the coder.
type ExpectedCoding struct {
	File string `yaml:"file"` // the plan's Filename
	// Codes holds, per dimension (malgrupp, insatsniva, omrade, metod,
	// aktor, perspektiv), the codes the plan clearly has.
	Codes map[string][]string `yaml:"codes"`
	// NotCodes holds codes a coder must not give: the plan names them only
	// as missing or dropped.
	NotCodes         map[string][]string      `yaml:"not_codes"`
	Brukarinflytande ExpectedBrukarinflytande `yaml:"brukarinflytande"`
	Genus            ExpectedGenus            `yaml:"genus"`
	Goals            []ExpectedGoal           `yaml:"goals"`
	GoalCount        int                      `yaml:"goal_count"`
	IndicatorCount   int                      `yaml:"indicator_count"`
}

// ExpectedBrukarinflytande is the intended user-involvement level
// (saknas, avsikt, remiss, deltagande, medskapande) and the organisations
// the plan names.
type ExpectedBrukarinflytande struct {
	Level         string   `yaml:"level"`
	Organisations []string `yaml:"organisations"`
}

// ExpectedGenus says whether the plan has a gender perspective and where
// (behovsanalys, mal, aktivitet, indikator).
type ExpectedGenus struct {
	Present    bool     `yaml:"present"`
	Placements []string `yaml:"placements"`
}

// ExpectedGoal is one goal in plan order: a short description, its
// horizon (lang, kort, ospecificerad) and the types of the indicators that
// follow it up (struktur, process, resultat), none when the plan gives none.
type ExpectedGoal struct {
	Text       string   `yaml:"text"`
	Horizon    string   `yaml:"horizon"`
	Indicators []string `yaml:"indicators"`
}

// ExpectedDifference is what changed between a county's 2017 and 2018
// plan for one audience (expected_differences.yaml): test data for the
// comparison.
type ExpectedDifference struct {
	Lan              string           `yaml:"lan"`
	Audience         string           `yaml:"audience"`
	From             string           `yaml:"from"` // Filename of the 2017 plan
	To               string           `yaml:"to"`   // Filename of the 2018 plan
	CodesAdded       []CodeRef        `yaml:"codes_added"`
	CodesRemoved     []CodeRef        `yaml:"codes_removed"`
	GoalsAdded       []string         `yaml:"goals_added"`
	GoalsRemoved     []string         `yaml:"goals_removed"`
	GoalsChanged     []string         `yaml:"goals_changed"`
	Brukarinflytande LevelChange      `yaml:"brukarinflytande"`
	Genus            PlacementsChange `yaml:"genus"`
	SameStructure    bool             `yaml:"same_structure"`
	Notes            string           `yaml:"notes"`
}

// CodeRef names one code of one codebook dimension.
type CodeRef struct {
	Dimension string `yaml:"dimension"`
	Code      string `yaml:"code"`
}

// LevelChange is a brukarinflytande level before and after.
type LevelChange struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// PlacementsChange is the genus placements before and after (empty: no
// gender perspective).
type PlacementsChange struct {
	From []string `yaml:"from"`
	To   []string `yaml:"to"`
}

// ExpectedCodings returns the intended coding of every sample plan, in
// the file's order. Unknown keys in the YAML are an error.
func ExpectedCodings() ([]ExpectedCoding, error) {
	var doc struct {
		Plans []ExpectedCoding `yaml:"plans"`
	}
	if err := decodeStrict("expected_coding.yaml", &doc); err != nil {
		return nil, err
	}
	return doc.Plans, nil
}

// ExpectedDifferences returns the intended 2017→2018 differences per
// county and audience, in the file's order.
func ExpectedDifferences() ([]ExpectedDifference, error) {
	var doc struct {
		Counties []ExpectedDifference `yaml:"counties"`
	}
	if err := decodeStrict("expected_differences.yaml", &doc); err != nil {
		return nil, err
	}
	return doc.Counties, nil
}

func decodeStrict(name string, v any) error {
	b, err := expectedFiles.ReadFile(name)
	if err != nil {
		return fmt.Errorf("samples: read %s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("samples: decode %s: %w", name, err)
	}
	return nil
}
