package index

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the bleve documents.
const (
	fKind        = "kind" // kindSegment or kindMarker
	fPlanID      = "plan_id"
	fFingerprint = "fingerprint"
	fLan         = "lan"
	fLanCode     = "lan_code"
	fKommun      = "kommun"
	fAudience    = "audience"
	fYear        = "year"
	fPage        = "page"
	fSection     = "section"
	fCode        = "code"
	fOffset      = "offset"
	fText        = "text"  // whole-word stems; stored, for fragments
	fParts       = "parts" // whole-word and compound-part stems; not stored
)

const (
	kindSegment = "seg"
	kindMarker  = "marker"
)

// segDoc is the bleve document of one Segment; its json names are the
// field names above.
type segDoc struct {
	Kind     string   `json:"kind"`
	PlanID   string   `json:"plan_id"`
	Lan      string   `json:"lan"`
	LanCode  string   `json:"lan_code"`
	Kommun   string   `json:"kommun"`
	Audience string   `json:"audience"`
	Year     string   `json:"year"`
	Page     float64  `json:"page"`
	Section  string   `json:"section"`
	Code     []string `json:"code"`
	Offset   float64  `json:"offset"`
	Text     string   `json:"text"`
	Parts    string   `json:"parts"`
}

// markerDoc records that a plan is indexed, from which version of it, and
// the plan-level fields that facets count.
type markerDoc struct {
	Kind        string   `json:"kind"`
	PlanID      string   `json:"plan_id"`
	Fingerprint string   `json:"fingerprint"`
	Lan         string   `json:"lan"`
	Year        string   `json:"year"`
	Audience    string   `json:"audience"`
	Code        []string `json:"code"`
}

// newMapping returns the index mapping: keyword fields for filters and
// facets, and the page text twice, once per analyzer (see AnalyzerCompound).
// Nothing is dynamic and there is no _all field.
func newMapping() mapping.IndexMapping {
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	storedOnly := func(f *mapping.FieldMapping) *mapping.FieldMapping {
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	textField := func(analyzer string, store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = vectors
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fKind, keywordField(false))
	withDocValues := func(f *mapping.FieldMapping) *mapping.FieldMapping {
		f.DocValues = true // counted by facets
		return f
	}
	doc.AddFieldMappingsAt(fPlanID, withDocValues(keywordField(true)))
	doc.AddFieldMappingsAt(fFingerprint, storedOnly(bleve.NewKeywordFieldMapping()))
	for _, name := range []string{fLan, fLanCode, fKommun, fAudience, fYear, fCode} {
		doc.AddFieldMappingsAt(name, keywordField(true))
	}
	doc.AddFieldMappingsAt(fSection, withDocValues(keywordField(true)))
	doc.AddFieldMappingsAt(fPage, storedOnly(bleve.NewNumericFieldMapping()))
	doc.AddFieldMappingsAt(fOffset, storedOnly(bleve.NewNumericFieldMapping()))
	// Only "parts" keeps positions and offsets: it holds every whole-word
	// stem too, at the same offsets, so phrases and fragments need nothing
	// from "text", which only scores whole words higher.
	doc.AddFieldMappingsAt(fText, textField(AnalyzerSwedish, true, false))
	doc.AddFieldMappingsAt(fParts, textField(AnalyzerCompound, false, true))

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = "bm25"
	return m
}

func hashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}
