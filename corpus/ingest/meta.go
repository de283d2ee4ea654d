package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/plankoll/plankoll/corpus"
)

// Sidecar is the JSON file beside a plan (plan.pdf.json) that gives its
// metadata for `plankoll ingest`.
type Sidecar struct {
	Lan      string `json:"lan"`
	Kommun   string `json:"kommun"`
	Year     any    `json:"year"` // number or string
	Audience string `json:"audience"`
	Title    string `json:"title"`
}

var (
	yearInName     = regexp.MustCompile(`(^|[^0-9])((?:19|20)[0-9]{2})([^0-9]|$)`)
	audienceInName = []struct {
		re  *regexp.Regexp
		aud corpus.Audience
	}{
		{regexp.MustCompile(`(?i)\bbarn[ _-]*(?:och[ _-]*)?unga\b|\bbarn_unga\b|\bbarn[ _-]*(?:och[ _-]*)?ungdom(?:ar)?\b|\bbarn\b|\bunga\b`), corpus.AudienceBarnUnga},
		{regexp.MustCompile(`(?i)\bvuxna\b|\bvuxen\b`), corpus.AudienceVuxna},
		{regexp.MustCompile(`(?i)\balla\b`), corpus.AudienceAlla},
	}
	noiseInName = regexp.MustCompile(`(?i)\b(?:handlingsplan(?:en)?|länsgemensam(?:ma)?|psykisk[ _-]*hälsa|plan|för|och|till|_)\b`)
)

// MetaFromName reads county (or municipality), year and audience from a
// file name such as "Jämtlands län 2017 vuxna.pdf" or
// "Region_Skåne_2018_barn_och_unga.docx". Fields it cannot find stay empty.
func MetaFromName(name string) Upload {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	base = strings.NewReplacer("_", " ", "-", " ").Replace(base)
	u := Upload{}
	if m := yearInName.FindStringSubmatchIndex(base); m != nil {
		u.Year = base[m[4]:m[5]]
		base = base[:m[4]] + " " + base[m[5]:]
	}
	for _, a := range audienceInName {
		if loc := a.re.FindStringIndex(base); loc != nil {
			u.Audience = string(a.aud)
			base = base[:loc[0]] + " " + base[loc[1]:]
			break
		}
	}
	words := strings.Fields(noiseInName.ReplaceAllString(base, " "))
	if lan, ok := findName(words, func(s string) bool { _, err := corpus.ParseLan(s); return err == nil }); ok {
		u.Lan = lan
	} else if kommun, ok := findName(words, func(s string) bool { _, err := corpus.ParseKommun(s); return err == nil }); ok {
		u.Kommun = kommun
	} else {
		u.Lan = strings.Join(words, " ") // reported as unknown county by Validate
	}
	return u
}

// findName returns the longest run of words that is a name, so that other
// words in a file name ("slutversion", "reviderad") do not hide it.
func findName(words []string, isName func(string) bool) (string, bool) {
	for n := len(words); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if cand := strings.Join(words[i:i+n], " "); isName(cand) {
				return cand, true
			}
		}
	}
	return "", false
}

// MetaForFile returns the metadata of a file to ingest: from its sidecar
// FILE.json when there is one, else from its name.
func MetaForFile(path string) (Upload, error) {
	b, err := os.ReadFile(path + ".json")
	if os.IsNotExist(err) {
		u := MetaFromName(path)
		u.Filename = filepath.Base(path)
		return u, nil
	} else if err != nil {
		return Upload{}, fmt.Errorf("read sidecar: %w", err)
	}
	var sc Sidecar
	if err := json.Unmarshal(b, &sc); err != nil {
		return Upload{}, corpus.Errorf(corpus.EInvalid, "The sidecar %s.json is not valid JSON: %v.", filepath.Base(path), err)
	}
	u := Upload{Filename: filepath.Base(path), Lan: sc.Lan, Kommun: sc.Kommun, Audience: sc.Audience, Title: sc.Title}
	if sc.Year != nil {
		u.Year = strings.TrimSuffix(fmt.Sprint(sc.Year), ".0")
	}
	return u, nil
}
