package analyzer

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed codebook.yaml
var embeddedCodebook []byte

// The dimensions, code ids and rule-set keys that CODEBOOK.md fixes. The
// codebook file may add codes; it must hold at least these, with these
// meanings.
var requiredCodes = map[string][]string{
	"malgrupp": {"befolkningen", "barn_unga", "unga_vuxna", "vuxna", "aldre", "nyanlanda",
		"psykisk_funktionsnedsattning", "samsjuklighet", "missbruk", "anhoriga", "hbtq",
		"samhallsvard", "hemmasittare", "vald", "annan_funktionsnedsattning", "suicidrisk",
		"samer", "sjukskrivna", "foraldrar"},
	"insatsniva": {"framjande_forebyggande", "tidiga", "behandlande_stodjande", "overgripande"},
	"omrade": {"suicidprevention", "sip", "delaktighet", "samverkan", "kunskapsutveckling",
		"implementering", "vardegrund", "uppfoljning", "digitalisering", "behovsanalys",
		"personcentrering", "foraldrastod", "attitydarbete", "motesplatser", "levnadsvanor",
		"forsta_linjen", "tvangsatgarder", "tillganglighet", "skola", "arbete_sysselsattning", "boende"},
	"metod": {"mhfa", "yam", "siss", "sip", "ips", "fact", "act", "case_management", "imr", "nect",
		"esl", "kbt", "dbt", "bbic", "mi", "fontanhus", "pax", "barnahus", "hjarnkoll",
		"ungdomsmottagning", "elevhalsa"},
	"aktor": {"kommun", "region", "skola", "socialtjanst", "psykiatri", "primarvard", "polis",
		"arbetsformedlingen", "forsakringskassan", "lansstyrelsen", "samordningsforbund",
		"brukarorganisation", "civilsamhalle", "forskning"},
	"perspektiv": {"genus", "jamlikhet", "barnratt", "manskliga_rattigheter", "evidens"},
}

// dimensionOrder is the order dimensions are listed in.
var dimensionOrder = []string{"malgrupp", "insatsniva", "omrade", "metod", "aktor", "perspektiv"}

// sectionKinds are the kinds of plan section, in CODEBOOK.md order.
var sectionKinds = []string{"behovsanalys", "mal", "aktivitet", "uppfoljning", "organisation", "ovrigt"}

// brukarLevels are the levels of user involvement, lowest first.
var brukarLevels = []string{"saknas", "avsikt", "remiss", "deltagande", "medskapande"}

// SectionKinds returns the kinds of plan section, in CODEBOOK.md order.
func SectionKinds() []string { return append([]string(nil), sectionKinds...) }

// BrukarLevels returns the levels of user involvement, lowest first.
func BrukarLevels() []string { return append([]string(nil), brukarLevels...) }

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// fileSpec is codebook.yaml as written. Decoding is strict: a key not
// listed here is an error.
type fileSpec struct {
	Version          string          `yaml:"version"`
	Negation         negationSpec    `yaml:"negation"`
	Sections         []kindSpec      `yaml:"sections"`
	Dimensions       []dimensionSpec `yaml:"dimensions"`
	Goals            goalsSpec       `yaml:"goals"`
	Indicators       indicatorsSpec  `yaml:"indicators"`
	Brukarinflytande brukarSpec      `yaml:"brukarinflytande"`
	Genus            genusSpec       `yaml:"genus"`
	// Meta are units about the plan document itself (what is new in this
	// year's plan, how it is laid out): a code found only there is not
	// given to the plan.
	Meta []ruleSpec `yaml:"meta"`
}

type negationSpec struct {
	Cues    []string `yaml:"cues"`     // words and phrases that negate or hedge a mention near them
	NotCues []string `yaml:"not_cues"` // phrases that look like cues but are not ("inte minst")
	Scope   int      `yaml:"scope"`    // words either side of the mention
	// Excludes are phrases by which a plan drops a group or area ("har inte
	// prioriterats", "ingår inte längre"): a code so named anywhere in the
	// sentence (within ExcludeScope words) is not given to the plan at all.
	Excludes     []string `yaml:"excludes"`
	ExcludeScope int      `yaml:"exclude_scope"`
}

type kindSpec struct {
	Kind  string     `yaml:"kind"`
	Rules []ruleSpec `yaml:"rules"`
}

type dimensionSpec struct {
	ID             string     `yaml:"id"`
	Label          string     `yaml:"label"`
	Sections       []string   `yaml:"sections"`        // codes of this dimension are read only in these sections
	SkipIndicators bool       `yaml:"skip_indicators"` // nor in indicators
	Codes          []codeSpec `yaml:"codes"`
}

type codeSpec struct {
	ID             string     `yaml:"id"`
	Label          string     `yaml:"label"`
	Description    string     `yaml:"description"`
	SkipIndicators bool       `yaml:"skip_indicators"` // not read in indicators
	Rules          []ruleSpec `yaml:"rules"`
}

type goalsSpec struct {
	Statement []ruleSpec `yaml:"statement"` // a sentence that is a goal wherever it stands
	Heading   []ruleSpec `yaml:"heading"`   // a heading whose rows and list items are goals
	NotGoal   []ruleSpec `yaml:"not_goal"`
	Lang      []ruleSpec `yaml:"lang"`
	Kort      []ruleSpec `yaml:"kort"`
}

type indicatorsSpec struct {
	Statement    []ruleSpec `yaml:"statement"` // a sentence that is an indicator wherever it stands
	Heading      []ruleSpec `yaml:"heading"`   // a heading or column whose rows are indicators
	Measure      []ruleSpec `yaml:"measure"`   // a measure ("andel", "antal") read as an indicator in indicator context
	NotIndicator []ruleSpec `yaml:"not_indicator"`
	Struktur     []ruleSpec `yaml:"struktur"`
	Process      []ruleSpec `yaml:"process"`
	Resultat     []ruleSpec `yaml:"resultat"`
}

type brukarSpec struct {
	Avsikt        []ruleSpec `yaml:"avsikt"`
	Remiss        []ruleSpec `yaml:"remiss"`
	Deltagande    []ruleSpec `yaml:"deltagande"`
	Medskapande   []ruleSpec `yaml:"medskapande"`
	Organisations []orgSpec  `yaml:"organisations"`
}

type orgSpec struct {
	ID    string     `yaml:"id"`
	Name  string     `yaml:"name"` // canonical spelling, as reported
	Rules []ruleSpec `yaml:"rules"`
}

type genusSpec struct {
	Present []ruleSpec `yaml:"present"`
}

// ruleSpec is one detection rule. A rule fires on a sentence when one of
// Codes was found in it by pattern rules, or when one of Any matches (and is neither negated nor inside an Except match), Near
// (if given) matches within Within words of it, Require (if given)
// matches anywhere in the sentence, Unless does not, and the sentence
// stands in one of Sections (if given).
type ruleSpec struct {
	ID        string   `yaml:"id"`
	Any       []string `yaml:"any"`
	Codes     []string `yaml:"codes"` // "dimension/code": fires where one of these codes' pattern rules fired
	Near      []string `yaml:"near"`
	Within    int      `yaml:"within"`
	Require   []string `yaml:"require"`
	Unless    []string `yaml:"unless"`
	Except    []string `yaml:"except"`
	Sections  []string `yaml:"sections"`
	Units     []string `yaml:"units"` // fires only in these kinds of unit (prose, heading, row, item)
	AtStart   bool     `yaml:"at_start"`
	Negatable *bool    `yaml:"negatable"`
	Match     []string `yaml:"match"`
	NoMatch   []string `yaml:"no_match"`
}

// Codebook is a loaded, validated and compiled codebook. It is immutable
// and safe for concurrent use.
type Codebook struct {
	raw       []byte
	version   string
	spec      fileSpec
	terms     *termSet
	labels    map[string]map[string]string
	rules     []*rule          // every rule, in file order
	byID      map[string]*rule // rule id -> rule
	negCues   []int            // term ids
	notCues   []int
	negScope  int
	exclCues  []int
	exclScope int
	anyIndex  map[int][]*rule // term id -> rules that have it under any
	derived   []*rule         // rules that fire on codes found by pattern rules
	dimSpec   map[string]*dimensionSpec
	skipInd   map[string]bool // "dimension/code" not read in indicators

	sectionRules map[string][]*rule
	codeRules    []codeRules

	goalStatement, goalHeading, notGoal, goalLang, goalKort                          []*rule
	indStatement, indHeading, indMeasure, notIndicator, indStruktur, indProc, indRes []*rule
	brukar                                                                           map[string][]*rule
	orgs                                                                             []orgRules
	genus                                                                            []*rule
	genusSpan                                                                        []*rule // the pattern rules behind genus, to test a cell
	meta                                                                             []*rule // units about the document itself
}

type codeRules struct {
	dimension, code string
	rules           []*rule
}

type orgRules struct {
	name  string
	rules []*rule
}

// Dimension is the JSON-able view of one codebook dimension.
type Dimension struct {
	ID    string     `json:"id"`
	Label string     `json:"label"`
	Codes []CodeInfo `json:"codes"`
}

// CodeInfo is one code of a dimension, for people and for the API.
type CodeInfo struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
	Rules       int    `json:"rules"`
}

// DefaultCodebook returns the codebook embedded in the binary
// (analyzer/codebook.yaml).
func DefaultCodebook() (*Codebook, error) {
	return LoadCodebook(embeddedCodebook)
}

// LoadCodebook decodes, validates and compiles a codebook. Unknown keys,
// unknown dimensions or section kinds, empty rules, duplicate ids,
// identifiers that are not ASCII snake_case and unparseable patterns are
// errors naming the rule and its line.
func LoadCodebook(data []byte) (*Codebook, error) {
	var spec fileSpec
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("codebook: empty document")
		}
		return nil, fmt.Errorf("codebook: %w", err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	sum := sha256.Sum256(data)
	cb := &Codebook{
		raw:      append([]byte(nil), data...),
		version:  spec.Version + "+" + hex.EncodeToString(sum[:])[:10],
		spec:     spec,
		terms:    newTermSet(),
		labels:   map[string]map[string]string{},
		byID:     map[string]*rule{},
		brukar:   map[string][]*rule{},
		anyIndex: map[int][]*rule{},
	}
	b := &builder{cb: cb, lines: idLines(&root), used: map[string]int{}}
	if err := b.build(); err != nil {
		return nil, fmt.Errorf("codebook: %w", err)
	}
	cb.terms.freeze()
	return cb, nil
}

// Version identifies the rules in force: the file's human version and a
// hash of its content, so it changes whenever a rule changes.
func (cb *Codebook) Version() string { return cb.version }

// Raw returns the codebook file as loaded.
func (cb *Codebook) Raw() []byte { return append([]byte(nil), cb.raw...) }

// Label returns the Swedish label of a code, or "" if the dimension or
// code is unknown.
func (cb *Codebook) Label(dimension, code string) string {
	return cb.labels[dimension][code]
}

// Dimensions returns the dimensions with their codes and labels, in file
// order.
func (cb *Codebook) Dimensions() []Dimension {
	var out []Dimension
	for _, d := range cb.spec.Dimensions {
		dim := Dimension{ID: d.ID, Label: d.Label}
		for _, c := range d.Codes {
			dim.Codes = append(dim.Codes, CodeInfo{ID: c.ID, Label: c.Label, Description: c.Description, Rules: len(c.Rules)})
		}
		out = append(out, dim)
	}
	return out
}

// builder compiles a fileSpec into a Codebook, collecting the first error.
type builder struct {
	cb    *Codebook
	lines map[string][]int // id -> lines where a mapping with that id starts
	used  map[string]int   // id -> times seen, to pick the right line
}

// line returns the YAML line of the next mapping of a kind ("rule",
// "node" for dimensions, codes and organisations, "kind" for sections)
// whose id is id; mappings are visited in document order.
func (b *builder) line(kind, id string) int {
	key := kind + ":" + id
	ls := b.lines[key]
	n := b.used[key]
	b.used[key]++
	if n < len(ls) {
		return ls[n]
	}
	if len(ls) > 0 {
		return ls[len(ls)-1]
	}
	return 0
}

func (b *builder) build() error {
	s := &b.cb.spec
	if s.Version == "" {
		return fmt.Errorf("version is required")
	}
	if err := b.negation(); err != nil {
		return err
	}
	for _, k := range s.Sections {
		if !contains(sectionKinds, k.Kind) {
			return fmt.Errorf("line %d: unknown section kind %q", b.line("kind", k.Kind), k.Kind)
		}
		rs, err := b.rules("sections/"+k.Kind, k.Rules, false)
		if err != nil {
			return err
		}
		if b.cb.sectionRules == nil {
			b.cb.sectionRules = map[string][]*rule{}
		}
		b.cb.sectionRules[k.Kind] = append(b.cb.sectionRules[k.Kind], rs...)
	}
	if err := b.dimensions(); err != nil {
		return err
	}
	if err := b.ruleSets(); err != nil {
		return err
	}
	for _, r := range b.cb.derived {
		for _, c := range r.codes {
			dim, code, _ := strings.Cut(c, "/")
			if b.cb.Label(dim, code) == "" {
				return fmt.Errorf("line %d: rule %q: codes: unknown code %q", r.line, r.id, c)
			}
		}
	}
	for _, r := range b.cb.genus {
		if len(r.codes) == 0 {
			b.cb.genusSpan = append(b.cb.genusSpan, r)
			continue
		}
		for _, cr := range b.cb.codeRules {
			if contains(r.codes, cr.dimension+"/"+cr.code) {
				b.cb.genusSpan = append(b.cb.genusSpan, cr.rules...)
			}
		}
	}
	return nil
}

func (b *builder) negation() error {
	n := b.cb.spec.Negation
	if n.Scope < 0 || n.Scope > 20 {
		return fmt.Errorf("negation: scope %d out of range 0..20", n.Scope)
	}
	b.cb.negScope = n.Scope
	if n.ExcludeScope < 0 || n.ExcludeScope > 30 {
		return fmt.Errorf("negation: exclude_scope %d out of range 0..30", n.ExcludeScope)
	}
	b.cb.exclScope = n.ExcludeScope
	for _, c := range n.Excludes {
		id, err := b.cb.terms.add(c)
		if err != nil {
			return fmt.Errorf("negation exclude %q: %w", c, err)
		}
		b.cb.exclCues = append(b.cb.exclCues, id)
	}
	for _, c := range n.Cues {
		id, err := b.cb.terms.add(c)
		if err != nil {
			return fmt.Errorf("negation cue %q: %w", c, err)
		}
		b.cb.negCues = append(b.cb.negCues, id)
	}
	for _, c := range n.NotCues {
		id, err := b.cb.terms.add(c)
		if err != nil {
			return fmt.Errorf("negation not_cue %q: %w", c, err)
		}
		b.cb.notCues = append(b.cb.notCues, id)
	}
	return nil
}

func (b *builder) dimensions() error {
	seenDim := map[string]bool{}
	for i := range b.cb.spec.Dimensions {
		d := &b.cb.spec.Dimensions[i]
		if _, ok := requiredCodes[d.ID]; !ok {
			return fmt.Errorf("line %d: unknown dimension %q", b.line("node", d.ID), d.ID)
		}
		dimLine := b.line("node", d.ID)
		if seenDim[d.ID] {
			return fmt.Errorf("line %d: duplicate dimension %q", dimLine, d.ID)
		}
		seenDim[d.ID] = true
		for _, sec := range d.Sections {
			if !contains(sectionKinds, sec) {
				return fmt.Errorf("line %d: dimension %s: unknown section %q", dimLine, d.ID, sec)
			}
		}
		if b.cb.dimSpec == nil {
			b.cb.dimSpec = map[string]*dimensionSpec{}
		}
		b.cb.dimSpec[d.ID] = d
		labels := map[string]string{}
		for _, c := range d.Codes {
			ln := b.line("node", c.ID)
			if !snakeCase.MatchString(c.ID) {
				return fmt.Errorf("line %d: code id %q in %s is not ASCII snake_case", ln, c.ID, d.ID)
			}
			if _, dup := labels[c.ID]; dup {
				return fmt.Errorf("line %d: duplicate code %s/%s", ln, d.ID, c.ID)
			}
			if c.Label == "" {
				return fmt.Errorf("line %d: code %s/%s has no label", ln, d.ID, c.ID)
			}
			if len(c.Rules) == 0 {
				return fmt.Errorf("line %d: code %s/%s has no rules", ln, d.ID, c.ID)
			}
			labels[c.ID] = c.Label
			rs, err := b.rules(d.ID+"/"+c.ID, c.Rules, true)
			if err != nil {
				return err
			}
			for _, r := range rs {
				r.dim, r.code = d.ID, c.ID
			}
			b.cb.codeRules = append(b.cb.codeRules, codeRules{dimension: d.ID, code: c.ID, rules: rs})
			if c.SkipIndicators {
				if b.cb.skipInd == nil {
					b.cb.skipInd = map[string]bool{}
				}
				b.cb.skipInd[d.ID+"/"+c.ID] = true
			}
		}
		for _, want := range requiredCodes[d.ID] {
			if _, ok := labels[want]; !ok {
				return fmt.Errorf("dimension %s lacks code %q (CODEBOOK.md)", d.ID, want)
			}
		}
		b.cb.labels[d.ID] = labels
	}
	var missing []string
	for d := range requiredCodes {
		if !seenDim[d] {
			missing = append(missing, d)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("missing dimensions %v", missing)
	}
	return nil
}

func (b *builder) ruleSets() error {
	s := &b.cb.spec
	cb := b.cb
	sets := []struct {
		name      string
		in        []ruleSpec
		out       *[]*rule
		negatable bool
		required  bool
	}{
		{"goals/statement", s.Goals.Statement, &cb.goalStatement, false, true},
		{"goals/heading", s.Goals.Heading, &cb.goalHeading, false, true},
		{"goals/not_goal", s.Goals.NotGoal, &cb.notGoal, false, false},
		{"goals/lang", s.Goals.Lang, &cb.goalLang, false, true},
		{"goals/kort", s.Goals.Kort, &cb.goalKort, false, true},
		{"indicators/statement", s.Indicators.Statement, &cb.indStatement, false, true},
		{"indicators/heading", s.Indicators.Heading, &cb.indHeading, false, true},
		{"indicators/measure", s.Indicators.Measure, &cb.indMeasure, false, true},
		{"indicators/not_indicator", s.Indicators.NotIndicator, &cb.notIndicator, false, false},
		{"indicators/struktur", s.Indicators.Struktur, &cb.indStruktur, false, true},
		{"indicators/process", s.Indicators.Process, &cb.indProc, false, true},
		{"indicators/resultat", s.Indicators.Resultat, &cb.indRes, false, true},
		{"genus/present", s.Genus.Present, &cb.genus, true, true},
		{"meta", s.Meta, &cb.meta, false, false},
	}
	for _, set := range sets {
		if set.required && len(set.in) == 0 {
			return fmt.Errorf("rule set %s is empty", set.name)
		}
		rs, err := b.rules(set.name, set.in, set.negatable)
		if err != nil {
			return err
		}
		*set.out = rs
	}
	levels := map[string][]ruleSpec{"avsikt": s.Brukarinflytande.Avsikt, "remiss": s.Brukarinflytande.Remiss,
		"deltagande": s.Brukarinflytande.Deltagande, "medskapande": s.Brukarinflytande.Medskapande}
	for _, lv := range brukarLevels[1:] {
		if len(levels[lv]) == 0 {
			return fmt.Errorf("rule set brukarinflytande/%s is empty", lv)
		}
		rs, err := b.rules("brukarinflytande/"+lv, levels[lv], true)
		if err != nil {
			return err
		}
		cb.brukar[lv] = rs
	}
	for _, o := range s.Brukarinflytande.Organisations {
		ln := b.line("node", o.ID)
		if !snakeCase.MatchString(o.ID) || o.Name == "" || len(o.Rules) == 0 {
			return fmt.Errorf("line %d: organisation %q needs a snake_case id, a name and rules", ln, o.ID)
		}
		rs, err := b.rules("brukarinflytande/organisations/"+o.ID, o.Rules, true)
		if err != nil {
			return err
		}
		cb.orgs = append(cb.orgs, orgRules{name: o.Name, rules: rs})
	}
	return nil
}

// rules compiles a list of rule specs of one set.
func (b *builder) rules(set string, specs []ruleSpec, negatable bool) ([]*rule, error) {
	var out []*rule
	for i := range specs {
		sp := &specs[i]
		ln := b.line("rule", sp.ID)
		if sp.ID == "" {
			return nil, fmt.Errorf("%s: rule %d has no id", set, i+1)
		}
		if !snakeCase.MatchString(sp.ID) {
			return nil, fmt.Errorf("line %d: rule id %q in %s is not ASCII snake_case", ln, sp.ID, set)
		}
		if _, dup := b.cb.byID[sp.ID]; dup {
			return nil, fmt.Errorf("line %d: duplicate rule id %q in %s", ln, sp.ID, set)
		}
		r, err := b.compile(set, sp, negatable)
		if err != nil {
			return nil, fmt.Errorf("line %d: rule %q in %s: %w", ln, sp.ID, set, err)
		}
		r.line = ln
		b.cb.byID[sp.ID] = r
		for _, t := range r.any {
			if !containsRule(b.cb.anyIndex[t], r) {
				b.cb.anyIndex[t] = append(b.cb.anyIndex[t], r)
			}
		}
		b.cb.rules = append(b.cb.rules, r)
		out = append(out, r)
	}
	return out, nil
}

func (b *builder) compile(set string, sp *ruleSpec, negatable bool) (*rule, error) {
	if len(sp.Any) == 0 && len(sp.Codes) == 0 {
		return nil, fmt.Errorf("empty rule: no patterns under any and no codes")
	}
	if len(sp.Any) > 0 && len(sp.Codes) > 0 {
		return nil, fmt.Errorf("a rule has either any or codes, not both")
	}
	for _, c := range sp.Codes {
		dim, code, ok := strings.Cut(c, "/")
		if _, known := requiredCodes[dim]; !ok || !known || !snakeCase.MatchString(code) {
			return nil, fmt.Errorf("codes: %q is not dimension/code", c)
		}
	}
	if len(sp.Near) > 0 && sp.Within <= 0 {
		return nil, fmt.Errorf("near needs within > 0")
	}
	if len(sp.Near) == 0 && sp.Within != 0 {
		return nil, fmt.Errorf("within without near")
	}
	for _, s := range sp.Sections {
		if !contains(sectionKinds, s) {
			return nil, fmt.Errorf("unknown section %q", s)
		}
	}
	r := &rule{id: sp.ID, set: set, within: sp.Within, atStart: sp.AtStart,
		sections: sp.Sections, negatable: negatable, spec: sp, codes: sp.Codes}
	for _, name := range sp.Units {
		k, ok := unitKindNames[name]
		if !ok {
			return nil, fmt.Errorf("unknown unit kind %q", name)
		}
		r.units = append(r.units, k)
	}
	if len(sp.Codes) > 0 {
		b.cb.derived = append(b.cb.derived, r)
	}
	if sp.Negatable != nil {
		r.negatable = *sp.Negatable
	}
	lists := []struct {
		in  []string
		out *[]int
	}{{sp.Any, &r.any}, {sp.Near, &r.near}, {sp.Require, &r.require}, {sp.Unless, &r.unless}, {sp.Except, &r.except}}
	for _, l := range lists {
		for _, p := range l.in {
			id, err := b.cb.terms.add(p)
			if err != nil {
				return nil, fmt.Errorf("pattern %q: %w", p, err)
			}
			*l.out = append(*l.out, id)
		}
	}
	return r, nil
}

// unitKindNames are the kinds of unit a rule's `units` may name.
var unitKindNames = map[string]unitKind{"prose": uProse, "heading": uHeading, "row": uRow, "item": uItem}

// idLines maps "rule:<id>", "node:<id>" (dimensions, codes,
// organisations) and "kind:<kind>" (sections) to the lines of the
// mappings that carry them, in document order.
func idLines(n *yaml.Node) map[string][]int {
	out := map[string][]int{}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			id, isKind, isNode := "", false, false
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				switch k.Value {
				case "id", "kind":
					if v.Kind == yaml.ScalarNode {
						id = v.Value
					}
					isKind = isKind || k.Value == "kind"
				case "rules", "codes", "label", "name":
					isNode = true
				}
			}
			kind := "rule"
			if isKind {
				kind = "kind"
			} else if isNode {
				kind = "node"
			}
			if id != "" {
				out[kind+":"+id] = append(out[kind+":"+id], n.Line)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsRule(rs []*rule, r *rule) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
