package corpus

import (
	"strings"
	"time"
)

// Audience is the group a plan is written for.
type Audience string

const (
	AudienceVuxna    Audience = "vuxna"
	AudienceBarnUnga Audience = "barn_unga"
	AudienceAlla     Audience = "alla"
)

// ParseAudience accepts the three audience identifiers (case-insensitive,
// also "barn och unga", "barn-unga"); "" gives AudienceAlla.
func ParseAudience(s string) (Audience, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	v = strings.NewReplacer(" och ", "_", "-", "_", " ", "_").Replace(v)
	switch v {
	case "":
		return AudienceAlla, nil
	case "vuxna", "vuxen":
		return AudienceVuxna, nil
	case "barn_unga", "barn_och_unga", "barn_ungdom", "unga", "barn":
		return AudienceBarnUnga, nil
	case "alla":
		return AudienceAlla, nil
	}
	return "", Errorf(EUnknownAudience, "Unknown audience %q: use vuxna, barn_unga or alla.", s)
}

// Plan is one uploaded action plan. JSON names are the REST contract.
type Plan struct {
	ID              string    `json:"id"`
	Lan             string    `json:"lan"`      // canonical county name, e.g. "Jämtland"
	LanCode         string    `json:"lan_code"` // "01" … "25"
	Kommun          string    `json:"kommun,omitempty"`
	KommunCode      string    `json:"kommun_code,omitempty"`
	Year            int       `json:"year"`
	Audience        Audience  `json:"audience"`
	Title           string    `json:"title"`
	Filename        string    `json:"filename"`
	SHA256          string    `json:"sha256"`
	Pages           int       `json:"pages"`
	Chars           int       `json:"chars"`
	UploadedAt      time.Time `json:"uploaded_at"`
	CodebookVersion string    `json:"codebook_version"`
	Format          string    `json:"format,omitempty"` // pdf, docx, text
}

// Page is the text of one page of a plan, 1-based.
type Page struct {
	Page int    `json:"page"`
	Text string `json:"text"`
}

// Document is what extraction yields: the body text of each page, with
// running headers and footers kept apart from the body.
type Document struct {
	Format  string   // "pdf", "docx", "text"
	Title   string   // from document metadata, may be empty
	Pages   []Page   // body text, page numbers 1-based
	Headers []string // running headers/footers removed from the body
	// Warnings are non-fatal observations (e.g. pages without text).
	Warnings []string
}

// Chars returns the number of Unicode code points of body text.
func (d *Document) Chars() int {
	n := 0
	for _, p := range d.Pages {
		n += len([]rune(p.Text))
	}
	return n
}
