package main

import (
	"crypto/rand"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func samplePDF(t *testing.T) []byte {
	t.Helper()
	matches, _ := filepath.Glob("../../corpus/samples/pdf/*.pdf")
	sort.Strings(matches)
	if len(matches) == 0 {
		t.Fatal("no sample PDF")
	}
	return readFixture(t, matches[0])
}

func sampleDOCX(t *testing.T) []byte {
	t.Helper()
	matches, _ := filepath.Glob("../../corpus/extract/testdata/*.docx")
	sort.Strings(matches)
	if len(matches) == 0 {
		t.Fatal("no DOCX fixture")
	}
	return readFixture(t, matches[0])
}

// TestEndToEnd runs the service as a user would and goes through uploads,
// dedup, text, search, delete, tokens, bad input and restart.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	data := t.TempDir()
	s := startServer(t, data, "--sample=false")

	txt := readFixture(t, "testdata/gotland-2018.txt")
	pdf := samplePDF(t)
	docxData := sampleDOCX(t)

	var txtPlan, pdfPlan, docxPlan planJSON
	t.Run("tokens", func(t *testing.T) {
		none, wrong := "", "not-the-token"
		if r := s.upload(upload{filename: "a.txt", data: txt, lan: "Gotland", year: "2018", token: &none}); r.status != 401 || r.errCode(t) != "unauthorized" {
			t.Errorf("no token: %d %s; want 401 unauthorized", r.status, r.body)
		}
		if r := s.upload(upload{filename: "a.txt", data: txt, lan: "Gotland", year: "2018", token: &wrong}); r.status != 403 || r.errCode(t) != "forbidden" {
			t.Errorf("wrong token: %d %s; want 403 forbidden", r.status, r.body)
		}
		if r := s.delete("whatever", ""); r.status != 401 {
			t.Errorf("delete without token: %d; want 401", r.status)
		}
		if strings.Contains(s.logBuf.String(), s.token) {
			t.Error("the write token appears in the log")
		}
	})
	t.Run("upload", func(t *testing.T) {
		r := s.upload(upload{filename: "gotland-2018.txt", data: txt, lan: "Gotlands kommun", year: "2018", audience: "vuxna"})
		if r.status != 201 {
			t.Fatalf("txt upload: %d %s", r.status, r.body)
		}
		r.json(t, &txtPlan)
		if txtPlan.Lan != "Gotland" || txtPlan.LanCode != "09" || txtPlan.Year != 2018 || txtPlan.Audience != "vuxna" ||
			txtPlan.SHA256 == "" || txtPlan.Pages < 1 || txtPlan.Chars < 100 || txtPlan.UploadedAt == "" || txtPlan.CodebookVersion == "" {
			t.Errorf("txt plan = %+v", txtPlan)
		}
		r = s.upload(upload{filename: "Jämtland 2017 vuxna.pdf", data: pdf, lan: "Region Jämtland Härjedalen", year: "2017", audience: "vuxna"})
		if r.status != 201 {
			t.Fatalf("pdf upload: %d %s", r.status, r.body)
		}
		r.json(t, &pdfPlan)
		if pdfPlan.Lan != "Jämtland" || pdfPlan.LanCode != "23" || pdfPlan.Pages < 4 {
			t.Errorf("pdf plan = %+v", pdfPlan)
		}
		r = s.upload(upload{filename: "plan.docx", data: docxData, lan: "12", year: "2018", audience: "barn_unga"})
		if r.status != 201 {
			t.Fatalf("docx upload: %d %s", r.status, r.body)
		}
		r.json(t, &docxPlan)
		if docxPlan.Lan != "Skåne" {
			t.Errorf("docx plan = %+v", docxPlan)
		}
	})
	t.Run("dedup", func(t *testing.T) {
		r := s.upload(upload{filename: "again.txt", data: txt, lan: "Gotland", year: "2018"})
		var again planJSON
		r.json(t, &again)
		if r.status != 200 || again.ID != txtPlan.ID {
			t.Errorf("second upload: %d id %s; want 200 %s", r.status, again.ID, txtPlan.ID)
		}
		// 20 concurrent uploads of new bytes give one plan.
		fresh := append([]byte(nil), txt...)
		fresh = append(fresh, []byte("\nTillägg: samverkan med polisen.\n")...)
		var wg sync.WaitGroup
		ids := make(chan string, 20)
		statuses := make(chan int, 20)
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := s.upload(upload{filename: "concurrent.txt", data: fresh, lan: "Gotland", year: "2017"})
				var p planJSON
				r.json(t, &p)
				ids <- p.ID
				statuses <- r.status
			}()
		}
		wg.Wait()
		close(ids)
		close(statuses)
		created, distinct := 0, map[string]bool{}
		for id := range ids {
			distinct[id] = true
		}
		for st := range statuses {
			if st == 201 {
				created++
			} else if st != 200 {
				t.Errorf("concurrent upload status %d", st)
			}
		}
		if created != 1 || len(distinct) != 1 {
			t.Errorf("20 concurrent uploads: %d created, %d ids; want 1 and 1", created, len(distinct))
		}
		for id := range distinct {
			var p planJSON
			s.get("/api/v1/plans/"+id, nil).json(t, &p)
			if p.Audience != "alla" || p.Year != 2017 {
				t.Errorf("plan without audience: %+v; want audience alla", p)
			}
		}
		var list struct{ Plans []planJSON }
		s.get("/api/v1/plans", url.Values{"lan": {"Gotland"}}).json(t, &list)
		if len(list.Plans) != 2 {
			t.Errorf("Gotland plans = %d; want 2", len(list.Plans))
		}
	})
	t.Run("text", func(t *testing.T) {
		var text struct {
			Pages []struct {
				Page int
				Text string
			}
		}
		r := s.get("/api/v1/plans/"+txtPlan.ID+"/text", nil)
		r.json(t, &text)
		all := ""
		for _, p := range text.Pages {
			all += p.Text
		}
		for _, w := range []string{"suicidpreventiva", "anhörigstöd", "Äldreomsorgen", "självmordsförsök", "nyanlända", "Första hjälpen till psykisk hälsa"} {
			if !strings.Contains(all, w) {
				t.Errorf("text lacks %q", w)
			}
		}
		r = s.get("/api/v1/plans/"+pdfPlan.ID+"/text", nil)
		r.json(t, &text)
		if len(text.Pages) != pdfPlan.Pages || text.Pages[0].Page != 1 || !utf8.ValidString(text.Pages[0].Text) {
			t.Errorf("pdf text: %d pages; want %d", len(text.Pages), pdfPlan.Pages)
		}
		if r := s.get("/api/v1/plans/nope/text", nil); r.status != 404 || r.errCode(t) != "not_found" {
			t.Errorf("unknown plan text: %d %s", r.status, r.body)
		}
	})
	t.Run("coding", func(t *testing.T) {
		var c struct {
			PlanID           string `json:"plan_id"`
			CodebookVersion  string `json:"codebook_version"`
			Codes            []struct{ Dimension, Code string }
			Brukarinflytande struct{ Level string }
			Genus            struct{ Present bool }
		}
		s.get("/api/v1/plans/"+txtPlan.ID+"/coding", nil).json(t, &c)
		if c.PlanID != txtPlan.ID || c.CodebookVersion == "" || len(c.Codes) == 0 {
			t.Errorf("coding = %+v", c)
		}
	})
	t.Run("search", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			q    url.Values
			want string // plan id that must be among the hits; "" = none expected
		}{
			{"compound part", url.Values{"q": {"suicid"}}, txtPlan.ID},
			{"compound head", url.Values{"q": {"anhörig"}}, txtPlan.ID},
			{"compound tail", url.Values{"q": {"omsorg"}, "lan": {"Gotland"}}, txtPlan.ID},
			{"inflection", url.Values{"q": {"nyanländas"}}, txtPlan.ID},
			{"phrase", url.Values{"q": {`"första hjälpen"`}}, txtPlan.ID},
			{"filter lan code", url.Values{"q": {"suicid"}, "lan": {"09"}, "year": {"2018"}}, txtPlan.ID},
			{"filter excludes", url.Values{"q": {"anhörigstöd"}, "lan": {"Norrbotten"}}, ""},
			{"must not", url.Values{"q": {"suicid -anhörigstöd"}, "lan": {"Gotland"}, "year": {"2018"}}, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res := s.search(tc.q)
				found := false
				for _, h := range res.Hits {
					found = found || h.PlanID == tc.want
				}
				if tc.want == "" && res.Total != 0 {
					t.Errorf("search %v: %d hits; want none", tc.q, res.Total)
				}
				if tc.want != "" && !found {
					t.Errorf("search %v: plan %s not among %d hits", tc.q, tc.want, res.Total)
				}
			})
		}
		res := s.search(url.Values{"q": {"suicid"}})
		if len(res.Hits) == 0 || len(res.Hits[0].Fragments) == 0 || !strings.Contains(strings.Join(res.Hits[0].Fragments, " "), "<mark>") {
			t.Errorf("no highlighted fragments: %+v", res.Hits)
		}
		if res.Facets["lan"]["Gotland"] == 0 {
			t.Errorf("facets = %v; want lan Gotland", res.Facets)
		}
		if r := s.get("/api/v1/search", url.Values{"q": {`"unterminated`}}); r.status != 400 || r.errCode(t) != "bad_query" {
			t.Errorf("bad query: %d %s; want 400 bad_query", r.status, r.body)
		}
	})
	t.Run("bad input", func(t *testing.T) {
		random := make([]byte, 4096)
		rand.Read(random)
		before := s.status().Plans
		for _, tc := range []struct {
			name   string
			u      upload
			status []int
			code   string
		}{
			{"random bytes as pdf", upload{filename: "plan.pdf", data: random}, []int{415}, "unsupported_type"},
			{"empty file", upload{filename: "plan.pdf", data: []byte{}}, []int{422}, "empty_document"},
			{"truncated pdf", upload{filename: "plan.pdf", data: pdf[:len(pdf)/3]}, []int{422}, "unreadable_document"},
			{"encrypted pdf", upload{filename: "hemlig.pdf", data: readFixture(t, "../../corpus/extract/testdata/encrypted.pdf")}, []int{422}, "document_encrypted"},
			{"scanned pdf", upload{filename: "scan.pdf", data: scannedPDF()}, []int{422}, "no_text_layer"},
			{"flate bomb", upload{filename: "bomb.pdf", data: flateBombPDF(t)}, []int{413}, "too_large"},
			{"5000 pages", upload{filename: "long.pdf", data: manyPagesPDF(5000)}, []int{413}, "too_many_pages"},
			{"docx zip bomb", upload{filename: "bomb.docx", data: docxZipBomb(t)}, []int{413}, "too_large"},
			{"docx traversal", upload{filename: "evil.docx", data: docxTraversal(t)}, []int{422}, "unreadable_document"},
			{"png", upload{filename: "bild.png", data: pngImage()}, []int{415}, "unsupported_type"},
			{"not utf-8", upload{filename: "plan.txt", data: []byte("Handlingsplan f\x81r \x8d\x8f\x90\x9d ogiltig kodning")}, []int{422}, "unsupported_encoding"},
			{"missing year", upload{filename: "a.txt", data: txt, year: "-"}, []int{400}, "invalid_year"},
			{"non-numeric year", upload{filename: "a.txt", data: txt, year: "tvåtusen"}, []int{400}, "invalid_year"},
			{"year before 2000", upload{filename: "a.txt", data: txt, year: "1999"}, []int{400}, "invalid_year"},
			{"year after next", upload{filename: "a.txt", data: txt, year: "2099"}, []int{400}, "invalid_year"},
			{"unknown county", upload{filename: "a.txt", data: txt, lan: "Atlantis"}, []int{400}, "unknown_lan"},
			{"missing county", upload{filename: "a.txt", data: txt, lan: "-"}, []int{400}, "unknown_lan"},
			{"unknown audience", upload{filename: "a.txt", data: txt, audience: "katter"}, []int{400}, "unknown_audience"},
			{"no file field", upload{noFile: true}, []int{400}, "missing_file"},
			{"path in filename", upload{filename: "../../etc/plan.txt", data: txt}, []int{400}, "invalid_filename"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				u := tc.u
				if u.lan == "" {
					u.lan = "Gotland"
				} else if u.lan == "-" {
					u.lan = ""
				}
				if u.year == "" {
					u.year = "2016"
				} else if u.year == "-" {
					u.year = ""
				}
				r := s.upload(u)
				code := r.errCode(t)
				okStatus := false
				for _, st := range tc.status {
					okStatus = okStatus || r.status == st
				}
				t.Logf("%s → %d %s", tc.name, r.status, code)
				if !okStatus || (tc.code != "" && code != tc.code) {
					t.Errorf("status %d code %q (%s); want one of %v code %q", r.status, code, r.body, tc.status, tc.code)
				}
			})
		}
		if r := s.get("/healthz", nil); r.status != 200 {
			t.Fatalf("service down after bad input: %d", r.status)
		}
		st := s.status()
		if st.Plans != before || !st.Consistent {
			t.Errorf("after bad input: %+v; want %d plans, consistent", st, before)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if r := s.delete(docxPlan.ID, s.token); r.status != 204 {
			t.Fatalf("delete: %d %s", r.status, r.body)
		}
		if r := s.get("/api/v1/plans/"+docxPlan.ID, nil); r.status != 404 {
			t.Errorf("after delete: %d; want 404", r.status)
		}
		res := s.search(url.Values{"lan": {"Skåne"}})
		if res.Total != 0 {
			t.Errorf("Skåne still has %d hits after its only plan was deleted", res.Total)
		}
		for _, h := range res.Hits {
			if h.PlanID == docxPlan.ID {
				t.Errorf("deleted plan still in search")
			}
		}
		if r := s.delete(docxPlan.ID, s.token); r.status != 404 {
			t.Errorf("second delete: %d; want 404", r.status)
		}
	})
	t.Run("restart", func(t *testing.T) {
		s.stop()
		s2 := startServer(t, data, "--sample=false")
		var list struct{ Plans []planJSON }
		s2.get("/api/v1/plans", nil).json(t, &list)
		if len(list.Plans) != 3 {
			t.Errorf("after restart: %d plans; want 3", len(list.Plans))
		}
		res := s2.search(url.Values{"q": {"anhörig"}, "lan": {"Gotland"}})
		if res.Total == 0 {
			t.Error("after restart: search finds nothing")
		}
		if st := s2.status(); !st.Consistent {
			t.Errorf("after restart: %+v", st)
		}
	})
}

// TestUploadLimit runs a server with a small request limit: a larger
// upload is refused with 413 and the error JSON, and nothing is stored.
func TestUploadLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	s := startServer(t, t.TempDir(), "--sample=false", "--max-body", "64KB")
	big := []byte(strings.Repeat("Suicidprevention och anhörigstöd i länet. ", 4000))
	r := s.upload(upload{filename: "stor.txt", data: big, lan: "Gotland", year: "2018"})
	if r.status != 413 || r.errCode(t) != "too_large" {
		t.Errorf("large upload: %d %s; want 413 too_large", r.status, r.body)
	}
	if st := s.status(); st.Plans != 0 {
		t.Errorf("%d plans stored after a refused upload", st.Plans)
	}
}
