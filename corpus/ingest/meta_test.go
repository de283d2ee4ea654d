package ingest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plankoll/plankoll/corpus"
)

func TestMetaFromName(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		lan, kommun, year, audienc string
	}{
		{"Jämtlands län 2017 vuxna.pdf", "Jämtlands län", "", "2017", "vuxna"},
		{"Region_Skåne_2018_barn_och_unga.docx", "Region Skåne", "", "2018", "barn_unga"},
		{"Västra Götalandsregionen handlingsplan psykisk hälsa 2019.pdf", "Västra Götalandsregionen", "", "2019", ""},
		{"2018-Kalmar-barn_unga.txt", "Kalmar", "", "2018", "barn_unga"},
		{"Östersunds kommun 2018 alla.pdf", "", "Östersunds kommun", "2018", "alla"},
		{"plan.pdf", "", "", "", ""},
		{"slutversion 2018 Skåne reviderad.pdf", "Skåne", "", "2018", ""},
		{"Handlingsplan_psykisk_hälsa_Region_Örebro_län_2017_barn.pdf", "Region Örebro län", "", "2017", "barn_unga"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := MetaFromName(tc.name)
			if u.Lan != tc.lan || u.Kommun != tc.kommun || u.Year != tc.year || u.Audience != tc.audienc {
				t.Errorf("MetaFromName(%q) = lan %q kommun %q year %q audience %q; want %q %q %q %q",
					tc.name, u.Lan, u.Kommun, u.Year, u.Audience, tc.lan, tc.kommun, tc.year, tc.audienc)
			}
		})
	}
}

func TestMetaForFileSidecar(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "whatever.pdf")
	os.WriteFile(p, []byte("%PDF-"), 0o644)
	os.WriteFile(p+".json", []byte(`{"lan":"23","year":2018,"audience":"barn_unga","title":"Min plan"}`), 0o644)
	u, err := MetaForFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if u.Lan != "23" || u.Year != "2018" || u.Audience != "barn_unga" || u.Title != "Min plan" || u.Filename != "whatever.pdf" {
		t.Errorf("MetaForFile = %+v", u)
	}
	os.WriteFile(p+".json", []byte(`{"lan":`), 0o644)
	if _, err := MetaForFile(p); corpus.ErrorCode(err) != corpus.EInvalid {
		t.Errorf("broken sidecar: %v; want invalid", err)
	}
}

func TestValidate(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	ok := Upload{Filename: "plan.pdf", Data: []byte("x"), Lan: "Region Jämtland Härjedalen", Year: "2018"}
	for _, tc := range []struct {
		name string
		edit func(*Upload)
		code string
	}{
		{"ok", func(*Upload) {}, ""},
		{"missing year", func(u *Upload) { u.Year = "" }, corpus.EInvalidYear},
		{"non-numeric year", func(u *Upload) { u.Year = "tjugo" }, corpus.EInvalidYear},
		{"year before 2000", func(u *Upload) { u.Year = "1999" }, corpus.EInvalidYear},
		{"year after next", func(u *Upload) { u.Year = "2028" }, corpus.EInvalidYear},
		{"next year", func(u *Upload) { u.Year = "2027" }, ""},
		{"unknown county", func(u *Upload) { u.Lan = "Atlantis" }, corpus.EUnknownLan},
		{"missing county", func(u *Upload) { u.Lan = "" }, corpus.EUnknownLan},
		{"unknown audience", func(u *Upload) { u.Audience = "pensionärer" }, corpus.EUnknownAudience},
		{"path in name", func(u *Upload) { u.Filename = "../../etc/passwd" }, corpus.EInvalidFilename},
		{"backslash in name", func(u *Upload) { u.Filename = `..\x.pdf` }, corpus.EInvalidFilename},
		{"control char", func(u *Upload) { u.Filename = "a\x00.pdf" }, corpus.EInvalidFilename},
		{"empty file", func(u *Upload) { u.Data = nil }, corpus.EEmptyDocument},
		{"kommun gives county", func(u *Upload) { u.Lan = ""; u.Kommun = "Östersund" }, ""},
		{"kommun in other county", func(u *Upload) { u.Lan = "Skåne"; u.Kommun = "Östersund" }, corpus.EInvalid},
		{"unknown kommun", func(u *Upload) { u.Kommun = "Gondor" }, corpus.EUnknownKommun},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := ok
			tc.edit(&u)
			p, err := Validate(u, now)
			if got := corpus.ErrorCode(err); got != tc.code {
				t.Fatalf("Validate: code %q (%v); want %q", got, err, tc.code)
			}
			if err == nil && (p.Lan != "Jämtland" || p.LanCode != "23") {
				t.Errorf("plan = %+v; want Jämtland 23", p)
			}
		})
	}
}
