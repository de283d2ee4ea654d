package analyzer

// Coding is the result of coding one plan against the codebook. JSON names
// are the REST contract (API.md, Coding section).
type Coding struct {
	PlanID           string           `json:"plan_id"`
	CodebookVersion  string           `json:"codebook_version"`
	Codes            []Code           `json:"codes"`
	Goals            []Goal           `json:"goals"`
	Indicators       []Indicator      `json:"indicators"`
	Brukarinflytande Brukarinflytande `json:"brukarinflytande"`
	Genus            Genus            `json:"genus"`
	Sections         []Section        `json:"sections,omitempty"`
}

// Code is one codebook code found in a plan, with the passages behind it.
type Code struct {
	Dimension string     `json:"dimension"`
	Code      string     `json:"code"`
	Label     string     `json:"label"`
	Count     int        `json:"count"`
	Weight    float64    `json:"weight"` // count with table-of-contents and heading hits discounted; ranks codes
	Evidence  []Evidence `json:"evidence"`
}

// Evidence points at a sentence of a page. Start and End are Unicode
// code-point offsets into that page's text, so that
// []rune(pageText)[Start:End] == Text.
type Evidence struct {
	Page    int    `json:"page"`
	Section string `json:"section"`
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Goal is one goal statement (mål).
type Goal struct {
	ID           string   `json:"id"`
	Text         string   `json:"text"`
	Horizon      string   `json:"horizon"` // lang, kort, ospecificerad
	Page         int      `json:"page"`
	Section      string   `json:"section"`
	IndicatorIDs []string `json:"indicator_ids"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
}

// Indicator is one measure that follows a goal up.
type Indicator struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Type    string `json:"type"` // struktur, process, resultat, ospecificerad
	Page    int    `json:"page"`
	Section string `json:"section"`
	GoalID  string `json:"goal_id"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Brukarinflytande is the highest level of user involvement the text
// supports.
type Brukarinflytande struct {
	Level         string     `json:"level"` // saknas, avsikt, remiss, deltagande, medskapande
	Organisations []string   `json:"organisations"`
	Evidence      []Evidence `json:"evidence"`
}

// Genus says whether and where the plan has a gender perspective.
type Genus struct {
	Present    bool       `json:"present"`
	Placements []string   `json:"placements"` // behovsanalys, mal, aktivitet, indikator
	Evidence   []Evidence `json:"evidence"`
}

// Section is a part of a plan under one heading.
type Section struct {
	Heading   string `json:"heading"`
	Kind      string `json:"kind"` // behovsanalys, mal, aktivitet, uppfoljning, organisation, ovrigt
	Level     int    `json:"level"`
	StartPage int    `json:"start_page"`
	Start     int    `json:"start"` // code-point offset in StartPage's text
	EndPage   int    `json:"end_page"`
	End       int    `json:"end"` // code-point offset in EndPage's text (exclusive)
}

// PageText is the input to coding: one page of body text, 1-based.
type PageText struct {
	Page int
	Text string
}

// PlanMeta is what the coder may know about a plan besides its text.
type PlanMeta struct {
	PlanID string
	Year   int // 0 when unknown: horizons from years are then ospecificerad
	Lan    string
}
