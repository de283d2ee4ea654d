package analyzer

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

var showDisagreements = flag.String("disagree", "", "print dev-set disagreements of this dimension (\"all\" for every one)")

// scoreTolerance is how far a held-out figure may fall below the committed
// one before the test fails.
const scoreTolerance = 0.02

func readGoldFile(t *testing.T, name string) []GoldPassage {
	t.Helper()
	f, err := os.Open("testdata/gold/" + name)
	if err != nil {
		t.Skipf("gold set not there yet: %v", err)
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		t.Fatalf("ReadGold(%s): %v", name, err)
	}
	return g
}

// TestGoldScores measures the coder on the gold passages, writes
// testdata/scores.txt with -update, and otherwise fails when a held-out
// F1 or κ falls below the committed figure minus scoreTolerance.
func TestGoldScores(t *testing.T) {
	c := NewCoder(defaultCodebook(t))
	dev := Evaluate(c, readGoldFile(t, "dev.jsonl"))
	held := Evaluate(c, readGoldFile(t, "heldout.jsonl"))
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Agreement of the coder with the hand-labelled gold passages\n")
	fmt.Fprintf(&buf, "# (go test ./analyzer -run TestGoldScores -update). Tune on dev only.\n")
	fmt.Fprintf(&buf, "# dev: %d passages, heldout: %d passages\n", dev.Passages, held.Passages)
	if err := WriteScores(&buf, "dev", dev); err != nil {
		t.Fatal(err)
	}
	if err := WriteScores(&buf, "heldout", held); err != nil {
		t.Fatal(err)
	}
	if *showDisagreements != "" {
		for _, d := range dev.Disagreements {
			if *showDisagreements == "all" || d.Dimension == *showDisagreements {
				t.Logf("%s %s gold=%v got=%v\n    %q", d.ID, d.Dimension, d.Gold, d.Got, d.Text)
			}
		}
		for _, d := range dev.Dimensions {
			if *showDisagreements == "all" || d.Dimension == *showDisagreements {
				for _, c := range d.Codes {
					t.Logf("%s/%s tp=%d fp=%d fn=%d P=%.2f R=%.2f F1=%.2f", d.Dimension, c.Code, c.TP, c.FP, c.FN, c.Precision, c.Recall, c.F1)
				}
			}
		}
		t.Logf("\n%s", buf.String())
	}
	if *update {
		if err := os.WriteFile("testdata/scores.txt", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := readScores("testdata/scores.txt")
	if err != nil {
		t.Fatalf("%v (run go test ./analyzer -run TestGoldScores -update)", err)
	}
	for _, d := range held.Dimensions {
		want, ok := committed["heldout "+d.Dimension]
		if !ok {
			continue
		}
		if d.F1 < want[0]-scoreTolerance || d.Kappa < want[1]-scoreTolerance {
			t.Errorf("heldout %s: F1=%.3f kappa=%.3f; committed F1=%.3f kappa=%.3f", d.Dimension, d.F1, d.Kappa, want[0], want[1])
		}
	}
}

// readScores reads scores.txt into "set dimension" -> {F1, kappa}.
func readScores(path string) (map[string][2]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][2]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		var v [2]float64
		for _, fl := range fields[2:] {
			k, val, _ := strings.Cut(fl, "=")
			x, err := strconv.ParseFloat(val, 64)
			if err != nil {
				continue
			}
			switch k {
			case "F1":
				v[0] = x
			case "kappa":
				v[1] = x
			}
		}
		out[fields[0]+" "+fields[1]] = v
	}
	return out, sc.Err()
}

func TestScoresMath(t *testing.T) {
	tests := []struct {
		name       string
		m          confusion
		p, r, f, k float64
	}{
		{"perfect", confusion{tp: 5, tn: 5}, 1, 1, 1, 1},
		{"all wrong", confusion{fp: 5, fn: 5}, 0, 0, 0, -1},
		{"half", confusion{tp: 2, fp: 2, fn: 2, tn: 4}, 0.5, 0.5, 0.5, 1.0 / 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.m.scores()
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"P", s.Precision, tt.p}, {"R", s.Recall, tt.r}, {"F1", s.F1, tt.f}, {"kappa", s.Kappa, tt.k}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %v; want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		err      string
	}{
		{"two", `{"id":"a","text":"Äldre.","labels":{"malgrupp":["aldre"]}}` + "\n\n" + `{"id":"b","text":"x","labels":{}}`, 2, ""},
		{"unknown field", `{"id":"a","text":"x","colour":1}`, 0, "line 1"},
		{"duplicate", `{"id":"a","text":"x"}` + "\n" + `{"id":"a","text":"y"}`, 0, "line 2"},
		{"missing text", `{"id":"a"}`, 0, "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ReadGold(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ReadGold err = %v; want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(g) != tt.n {
				t.Fatalf("ReadGold = %d, %v; want %d passages", len(g), err, tt.n)
			}
			if g[0].Labels.Malgrupp[0] != "aldre" || g[0].Text != "Äldre." {
				t.Errorf("ReadGold lost text or labels: %+v", g[0])
			}
		})
	}
}
