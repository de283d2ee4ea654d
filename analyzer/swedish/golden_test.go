package swedish

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test -update and read the diff):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, g, w)
		}
	}
	return ""
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// TestStemGolden pins the stem and parts of every word in testdata/stems.txt.
func TestStemGolden(t *testing.T) {
	var b strings.Builder
	for _, w := range readLines(t, "stems.txt") {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", w, Stem(w), strings.Join(Split(w), "+"))
	}
	checkGolden(t, "stems.golden", b.String())
}

// TestAnalyzeGolden pins AnalyzeIndex and Sentences on
// testdata/analyze/*.txt: one term a line, with its position, kind, byte
// offsets and the text those offsets cover, then the sentences.
func TestAnalyzeGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "analyze", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/analyze/*.txt")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(src)
			var b strings.Builder
			b.WriteString("# AnalyzeIndex: position kind term [start:end] text\n")
			for _, tm := range AnalyzeIndex(text) {
				fmt.Fprintf(&b, "%d\t%s\t%s\t[%d:%d]\t%s\n", tm.Position, tm.Kind, tm.Term, tm.Start, tm.End, text[tm.Start:tm.End])
			}
			b.WriteString("# Sentences\n")
			for _, s := range Sentences(text) {
				fmt.Fprintf(&b, "[%d:%d]\t%q\n", s.Start, s.End, text[s.Start:s.End])
			}
			checkGolden(t, filepath.Join("analyze", name+".golden"), b.String())
		})
	}
}

// TestVersionTracksAnalysis fails when the goldens' analysis changed but
// Version() did not (an index would keep stale terms): testdata/version.golden
// holds the version and a hash of the golden outputs.
func TestVersionTracksAnalysis(t *testing.T) {
	h := sha256.New()
	goldens, err := filepath.Glob(filepath.Join("testdata", "analyze", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range append([]string{filepath.Join("testdata", "stems.golden")}, goldens...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	got := fmt.Sprintf("%s %x\n", Version(), h.Sum(nil)[:8])
	path := filepath.Join("testdata", "version.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run with -update): %v", path, err)
	}
	gv, gh, _ := strings.Cut(strings.TrimSpace(got), " ")
	wv, wh, _ := strings.Cut(strings.TrimSpace(string(want)), " ")
	if gh != wh && gv == wv {
		t.Errorf("the analysis changed but Version() is still %s: bump rulesVersion in lexicon.go, then go test -update", gv)
	}
	if gv != wv || gh != wh {
		t.Errorf("%s is stale: got %q; want %q (go test -update)", path, got, want)
	}
}
