package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSampleCorpus starts the service as the README does (sample plans on
// first start) and reads comparison, statistics and exports from it.
func TestSampleCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	data := t.TempDir()
	s := startServer(t, data)
	var list struct{ Plans []planJSON }
	s.get("/api/v1/plans", nil).json(t, &list)
	if len(list.Plans) < 16 {
		t.Fatalf("sample corpus: %d plans; want at least 16", len(list.Plans))
	}
	lans := map[string]bool{}
	for _, p := range list.Plans {
		lans[p.Lan] = true
	}
	if len(lans) < 8 {
		t.Errorf("sample corpus covers %d counties; want at least 8", len(lans))
	}

	t.Run("evidence offsets", func(t *testing.T) {
		// For every code of every sample plan, the evidence's start/end
		// (code points) cut the quoted sentence out of the page text.
		type ev struct {
			Page       int
			Text       string
			Start, End int
		}
		checked := 0
		for _, p := range list.Plans {
			var text struct {
				Pages []struct {
					Page int
					Text string
				}
			}
			s.get("/api/v1/plans/"+p.ID+"/text", nil).json(t, &text)
			pages := map[int][]rune{}
			for _, pg := range text.Pages {
				pages[pg.Page] = []rune(pg.Text)
			}
			var c struct {
				Codes []struct {
					Dimension, Code string
					Evidence        []ev
				}
				Goals            []ev
				Indicators       []ev
				Brukarinflytande struct{ Evidence []ev }
				Genus            struct{ Evidence []ev }
			}
			s.get("/api/v1/plans/"+p.ID+"/coding", nil).json(t, &c)
			all := append(append(append([]ev{}, c.Goals...), c.Indicators...), c.Brukarinflytande.Evidence...)
			all = append(all, c.Genus.Evidence...)
			for _, code := range c.Codes {
				all = append(all, code.Evidence...)
			}
			for _, e := range all {
				page := pages[e.Page]
				if e.Start < 0 || e.End > len(page) || e.Start >= e.End || string(page[e.Start:e.End]) != e.Text {
					got := ""
					if e.Start >= 0 && e.End <= len(page) && e.Start < e.End {
						got = string(page[e.Start:e.End])
					}
					t.Errorf("plan %s page %d [%d:%d] = %q; evidence says %q", p.Filename, e.Page, e.Start, e.End, got, e.Text)
				}
				checked++
			}
		}
		if checked < 100 {
			t.Errorf("only %d evidence items checked over %d plans", checked, len(list.Plans))
		}
		t.Logf("%d evidence slices checked over %d plans", checked, len(list.Plans))
	})
	t.Run("compare", func(t *testing.T) {
		r := s.get("/api/v1/compare", url.Values{"lan": {"Jämtland"}, "from": {"2017"}, "to": {"2018"}})
		if r.status != 200 {
			t.Fatalf("compare: %d %s", r.status, r.body)
		}
		var cmp struct {
			From, To         planJSON
			Codes            map[string]json.RawMessage
			Goals            map[string]json.RawMessage
			Brukarinflytande struct{ From, To any }
			Structure        struct {
				SameStructure  bool    `json:"same_structure"`
				HeadingOverlap float64 `json:"heading_overlap"`
			}
			TextSimilarity float64 `json:"text_similarity"`
		}
		r.json(t, &cmp)
		if cmp.From.Year != 2017 || cmp.To.Year != 2018 || cmp.From.Lan != "Jämtland" {
			t.Errorf("compared %+v with %+v", cmp.From, cmp.To)
		}
		for _, k := range []string{"added", "removed", "kept"} {
			if _, ok := cmp.Codes[k]; !ok {
				t.Errorf("codes.%s missing", k)
			}
		}
		for _, k := range []string{"added", "removed", "changed", "kept"} {
			if _, ok := cmp.Goals[k]; !ok {
				t.Errorf("goals.%s missing", k)
			}
		}
		if cmp.TextSimilarity <= 0 || cmp.TextSimilarity >= 1 {
			t.Errorf("text_similarity = %v", cmp.TextSimilarity)
		}
		r = s.get("/api/v1/compare", url.Values{"lan": {"Jämtland"}, "from": {"2016"}, "to": {"2018"}})
		if r.status != 404 || !strings.Contains(string(r.body), "2017") {
			t.Errorf("missing side: %d %s; want 404 naming the plans that exist", r.status, r.body)
		}
		r = s.get("/api/v1/plans/"+cmp.From.ID+"/compare/"+cmp.To.ID, nil)
		if r.status != 200 {
			t.Errorf("compare by id: %d %s", r.status, r.body)
		}
	})
	t.Run("stats", func(t *testing.T) {
		var st struct {
			Year  int
			Plans int
			Rows  []struct {
				Dimension, Code, Label string
				Lans                   int
				LanList                []string `json:"lan_list"`
			}
		}
		s.get("/api/v1/stats/codes", url.Values{"year": {"2017"}, "dimension": {"malgrupp"}}).json(t, &st)
		if st.Year != 2017 || st.Plans == 0 || len(st.Rows) == 0 {
			t.Fatalf("stats = %+v", st)
		}
		for i, r := range st.Rows {
			if r.Dimension != "malgrupp" || r.Lans != len(r.LanList) || (i > 0 && r.Lans > st.Rows[i-1].Lans) {
				t.Errorf("row %d = %+v (rows must be sorted by lans, lans = len(lan_list))", i, r)
			}
		}
		csv := s.get("/api/v1/stats/codes", url.Values{"year": {"2017"}, "format": {"csv"}})
		if !bytes.HasPrefix(csv.body, []byte("\uFEFF")) || !bytes.Contains(csv.body, []byte(";")) || !bytes.Contains(csv.body, []byte("Äldre")) {
			t.Errorf("CSV: %q", csv.body[:min(200, len(csv.body))])
		}
		var detail struct {
			Detail []struct {
				PlanID   string `json:"plan_id"`
				Evidence []struct {
					Page int
					Text string
				}
			}
		}
		s.get("/api/v1/stats/codes", url.Values{"year": {"2017"}, "dimension": {"malgrupp"}, "code": {st.Rows[0].Code}, "detail": {"true"}}).json(t, &detail)
		if len(detail.Detail) < st.Rows[0].Lans {
			t.Errorf("drill-down gives %d plans for a code in %d counties", len(detail.Detail), st.Rows[0].Lans)
		}
		for _, d := range detail.Detail {
			if len(d.Evidence) == 0 || d.Evidence[0].Text == "" {
				t.Errorf("drill-down row without evidence: %+v", d)
			}
		}
		for _, path := range []string{"/api/v1/stats/matrix", "/api/v1/stats/goals"} {
			if r := s.get(path, url.Values{"year": {"2018"}}); r.status != 200 {
				t.Errorf("%s: %d %s", path, r.status, r.body)
			}
		}
		if r := s.get("/api/v1/stats/trend", url.Values{"dimension": {"malgrupp"}, "code": {"aldre"}}); r.status != 200 {
			t.Errorf("trend: %d %s", r.status, r.body)
		}
	})
	t.Run("exports", func(t *testing.T) {
		r := s.get("/api/v1/export/xlsx", url.Values{"year": {"2018"}})
		if r.status != 200 {
			t.Fatalf("xlsx: %d %s", r.status, r.body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatalf("xlsx does not open: %v", err)
		}
		if len(f.GetSheetList()) < 4 {
			t.Errorf("xlsx sheets = %v", f.GetSheetList())
		}
		f.Close()
		r = s.get("/api/v1/export/qdpx", url.Values{"year": {"2018"}})
		zr, err := zip.NewReader(bytes.NewReader(r.body), int64(len(r.body)))
		if err != nil {
			t.Fatalf("qdpx is not a zip: %v (%d %s)", err, r.status, r.body[:min(200, len(r.body))])
		}
		names := map[string]bool{}
		for _, f := range zr.File {
			names[strings.SplitN(f.Name, "/", 2)[0]] = true
		}
		if !names["project.qde"] || !names["sources"] {
			t.Errorf("qdpx entries = %v", names)
		}
		if r := s.get("/api/v1/export/qdc", nil); r.status != 200 || !bytes.Contains(r.body, []byte("urn:QDA-XML:codebook:1.0")) {
			t.Errorf("qdc: %d", r.status)
		}
	})
	t.Run("samples load once", func(t *testing.T) {
		var first planJSON
		first = list.Plans[0]
		if r := s.delete(first.ID, s.token); r.status != 204 {
			t.Fatalf("delete: %d", r.status)
		}
		s.stop()
		s2 := startServer(t, data)
		var again struct{ Plans []planJSON }
		s2.get("/api/v1/plans", nil).json(t, &again)
		if len(again.Plans) != len(list.Plans)-1 {
			t.Errorf("after restart: %d plans; want %d (a deleted sample must not come back)", len(again.Plans), len(list.Plans)-1)
		}
		s2.stop()
	})
}

// TestCommandLine runs code, ingest and reindex as a user would.
func TestCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := plankollBinary(t)
	run := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, args...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	t.Run("code", func(t *testing.T) {
		docxs, _ := filepath.Glob("../../corpus/extract/testdata/*.docx")
		pdfs, _ := filepath.Glob("../../corpus/samples/pdf/*.pdf")
		for _, f := range []string{"testdata/gotland-2018.txt", docxs[0], pdfs[0]} {
			out, errs, err := run("code", "--lan", "Gotland", "--year", "2018", f)
			if err != nil {
				t.Fatalf("code %s: %v\n%s", f, err, errs)
			}
			var c struct {
				CodebookVersion string `json:"codebook_version"`
				Codes           []any
				Goals           []any
			}
			if err := json.Unmarshal([]byte(out), &c); err != nil || c.CodebookVersion == "" || len(c.Codes) == 0 {
				t.Errorf("code %s: not a coding: %v\n%.300s", f, err, out)
			}
		}
	})
	t.Run("ingest and reindex", func(t *testing.T) {
		dir, data := t.TempDir(), t.TempDir()
		txt := readFixture(t, "testdata/gotland-2018.txt")
		os.WriteFile(filepath.Join(dir, "Gotlands län 2018 vuxna.txt"), txt, 0o644)
		os.WriteFile(filepath.Join(dir, "namnlös.txt"), append(txt, '!'), 0o644)
		os.WriteFile(filepath.Join(dir, "namnlös.txt.json"), []byte(`{"lan":"Region Jämtland Härjedalen","year":2017,"audience":"barn_unga"}`), 0o644)
		os.WriteFile(filepath.Join(dir, "dubblett.txt"), txt, 0o644) // same bytes as the first
		os.WriteFile(filepath.Join(dir, "trasig 2018 Skåne.pdf"), []byte("%PDF-1.7 inte mer"), 0o644)
		out, errs, err := run("ingest", "--data", data, dir)
		if err == nil {
			t.Errorf("ingest with a refused file exited 0")
		}
		if !strings.Contains(out, "added 2, skipped as duplicate 1, refused 1") {
			t.Errorf("ingest summary:\n%s\n%s", out, errs)
		}
		if _, errs, err := run("reindex", "--data", data); err != nil {
			t.Fatalf("reindex: %v\n%s", err, errs)
		}
		outDir := t.TempDir()
		for _, format := range []string{"csv", "xlsx", "qdpx"} {
			dst := filepath.Join(outDir, "export."+format)
			out, errs, err := run("export", "--data", data, "--year", "2018", "--format", format, "--out", dst)
			if err != nil {
				t.Fatalf("export %s: %v\n%s", format, err, errs)
			}
			if !strings.Contains(out, "wrote") {
				t.Errorf("export %s printed %q", format, out)
			}
		}
		csvs, _ := filepath.Glob(filepath.Join(outDir, "export.csv", "*.csv"))
		if len(csvs) < 6 {
			t.Errorf("csv export wrote %d files; want one per table", len(csvs))
		}
		s := startServer(t, data, "--sample=false")
		if st := s.status(); st.Plans != 2 || !st.Consistent {
			t.Errorf("after ingest + reindex: %+v", st)
		}
		var list struct{ Plans []planJSON }
		s.get("/api/v1/plans", url.Values{"lan": {"Jämtland"}}).json(t, &list)
		if len(list.Plans) != 1 || list.Plans[0].Year != 2017 || list.Plans[0].Audience != "barn_unga" {
			t.Errorf("sidecar metadata not used: %+v", list.Plans)
		}
	})
}

// TestCodebookChangeRecodes restarts the service with the user's own
// codebook: every plan is re-coded with its version and the index follows
// (the code filter and facets show no stale codes).
func TestCodebookChangeRecodes(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	data := t.TempDir()
	s := startServer(t, data, "--sample=false")
	txt := readFixture(t, "testdata/gotland-2018.txt")
	var p planJSON
	s.upload(upload{filename: "g.txt", data: txt, lan: "Gotland", year: "2018"}).json(t, &p)
	var cb struct{ Version string }
	s.get("/api/v1/codebook", nil).json(t, &cb)
	raw := s.get("/api/v1/codebook", url.Values{"format": {"yaml"}})
	if raw.status != 200 || cb.Version == "" || cb.Version != p.CodebookVersion {
		t.Fatalf("codebook %d, version %q, plan coded with %q", raw.status, cb.Version, p.CodebookVersion)
	}
	s.stop()

	// The user's codebook: the embedded one with its own label for äldre.
	own := filepath.Join(t.TempDir(), "kodbok.yaml")
	yaml := strings.Replace(string(raw.body), "label: Äldre\n", "label: Äldre personer (65+)\n", 1)
	if yaml == string(raw.body) {
		t.Fatal("the codebook has no label Äldre to change")
	}
	os.WriteFile(own, []byte(yaml), 0o644)
	s2 := startServer(t, data, "--sample=false", "--codebook", own)
	var cb2 struct{ Version string }
	s2.get("/api/v1/codebook", nil).json(t, &cb2)
	var p2 planJSON
	s2.get("/api/v1/plans/"+p.ID, nil).json(t, &p2)
	if cb2.Version == cb.Version || p2.CodebookVersion != cb2.Version {
		t.Errorf("after a codebook change: codebook %s (was %s), plan coded with %s", cb2.Version, cb.Version, p2.CodebookVersion)
	}
	if st := s2.status(); !st.Consistent {
		t.Errorf("index not in step after re-coding: %+v", st)
	}
	var c struct {
		Codes []struct{ Code, Label string }
	}
	s2.get("/api/v1/plans/"+p.ID+"/coding", nil).json(t, &c)
	found := false
	for _, code := range c.Codes {
		if code.Code == "aldre" {
			found = code.Label == "Äldre personer (65+)"
		}
	}
	if !found {
		t.Errorf("the plan's coding does not carry the new label for aldre: %+v", c.Codes)
	}
	if !strings.Contains(s2.logBuf.String(), "plans re-coded") {
		t.Errorf("no re-coding reported in the log")
	}
}
