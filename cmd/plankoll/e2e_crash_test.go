package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestKillDuringIngest kills the server with SIGKILL while uploads are in
// flight, restarts it, and checks that every plan is whole (text and
// coding) and that store and index agree.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	data := t.TempDir()
	base := string(readFixture(t, "testdata/gotland-2018.txt"))
	pdf := samplePDF(t)
	n := 0
	for round, delay := range []time.Duration{50 * time.Millisecond, 150 * time.Millisecond, 400 * time.Millisecond, 1500 * time.Millisecond} {
		s := startServer(t, data, "--sample=false")
		var wg sync.WaitGroup
		for i := range 8 {
			n++
			body := fmt.Sprintf("%s\nVersion %d av planen, runda %d.\n%s", base, n, round, strings.Repeat("Samverkan kring suicidprevention och anhörigstöd. ", 200))
			name := fmt.Sprintf("plan-%d.txt", n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i == 0 {
					// A PDF upload too, so a kill can hit the extraction worker.
					mod := append(append([]byte(nil), pdf...), []byte(fmt.Sprintf("\n%% round %d\n", round))...)
					s.tryUpload(upload{filename: "p.pdf", data: mod, lan: "Jämtland", year: "2018"})
					return
				}
				s.tryUpload(upload{filename: name, data: []byte(body), lan: "Gotland", year: "2018"})
			}()
		}
		if round == 0 {
			// A 900-page PDF takes a second or more to read: it is
			// surely in flight when the kill comes, and must leave no
			// trace.
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.tryUpload(upload{filename: "lang.pdf", data: pagesPDF(900, true), lan: "Skåne", year: "2018"})
			}()
		}
		time.Sleep(delay)
		if round == 2 {
			// SIGTERM: uploads in flight finish or roll back, and the
			// process exits cleanly.
			s.stop()
		} else {
			s.kill9()
		}
		wg.Wait()

		s2 := startServer(t, data, "--sample=false")
		st := s2.status()
		if !st.Consistent || st.Plans != st.Indexed {
			t.Errorf("round %d after kill -9 and restart: %+v", round, st)
		}
		var list struct{ Plans []planJSON }
		s2.get("/api/v1/plans", nil).json(t, &list)
		for _, p := range list.Plans {
			if p.Filename == "lang.pdf" {
				t.Errorf("round %d: the upload killed during extraction left a plan: %+v", round, p)
			}
		}
		files, _ := filepath.Glob(filepath.Join(data, "files", "*", "*"))
		if len(files) != len(list.Plans) {
			t.Errorf("round %d: %d original files for %d plans", round, len(files), len(list.Plans))
		}
		for _, p := range list.Plans {
			if r := s2.get("/api/v1/plans/"+p.ID+"/file", nil); r.status != 200 || len(r.body) == 0 {
				t.Errorf("round %d: plan %s has no original file: %d", round, p.ID, r.status)
			}
			var text struct{ Pages []struct{ Text string } }
			s2.get("/api/v1/plans/"+p.ID+"/text", nil).json(t, &text)
			if len(text.Pages) != p.Pages || p.Pages == 0 {
				t.Errorf("round %d: plan %s has %d pages of text; plan says %d", round, p.ID, len(text.Pages), p.Pages)
			}
			if r := s2.get("/api/v1/plans/"+p.ID+"/coding", nil); r.status != 200 {
				t.Errorf("round %d: plan %s has no coding: %d", round, p.ID, r.status)
			}
		}
		if len(list.Plans) > 0 {
			res := s2.search(url.Values{"q": {"anhörigstöd"}})
			if res.Total == 0 {
				t.Errorf("round %d: %d plans but search finds none", round, len(list.Plans))
			}
		}
		t.Logf("round %d: stopped (SIGTERM in round 2, else SIGKILL) after %v; %d whole plans", round, delay, len(list.Plans))
		s2.stop()
	}
}

// TestDamagedIndexIsRebuilt: the index is derived data; one that cannot
// be read is moved aside and rebuilt from the store at start.
func TestDamagedIndexIsRebuilt(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test builds and runs the binary")
	}
	data := t.TempDir()
	s := startServer(t, data, "--sample=false")
	if r := s.upload(upload{filename: "g.txt", data: readFixture(t, "testdata/gotland-2018.txt"), lan: "Gotland", year: "2018"}); r.status != 201 {
		t.Fatalf("upload: %d %s", r.status, r.body)
	}
	s.stop()
	if err := os.WriteFile(filepath.Join(data, "index", "index_meta.json"), []byte("trasig"), 0o644); err != nil {
		t.Fatal(err)
	}
	s2 := startServer(t, data, "--sample=false")
	if st := s2.status(); st.Plans != 1 || !st.Consistent {
		t.Errorf("after a damaged index: %+v", st)
	}
	if res := s2.search(url.Values{"q": {"anhörigstöd"}}); res.Total == 0 {
		t.Error("search finds nothing after the rebuild")
	}
}
