package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/swedish"
	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/ingest"
	"github.com/plankoll/plankoll/index"
)

// planExtensions are the files `plankoll ingest` picks up from a folder.
var planExtensions = map[string]bool{".pdf": true, ".docx": true, ".txt": true}

// collectFiles expands folders into the plan files they hold, sorted.
func collectFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && planExtensions[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseConfig("ingest", args, stderr, "data", "codebook", "max-body", "log-format", "extract-timeout")
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("ingest: give one or more files or folders")
	}
	files, err := collectFiles(fs.Args())
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	log := newLogger(cfg.LogFormat, stderr)
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.heal(ctx, stderr); err != nil {
		return err
	}
	var added, dup []string
	refused := map[string]string{}
	bar := newProgress(stderr, log, "ingest")
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		err := ingestFile(ctx, a, f, cfg.MaxBody, &added, &dup)
		if err != nil {
			refused[f] = corpusMessage(err)
		}
		bar.Update(i+1, len(files))
	}
	fmt.Fprintf(stdout, "added %d, skipped as duplicate %d, refused %d\n", len(added), len(dup), len(refused))
	for _, f := range added {
		fmt.Fprintf(stdout, "  added      %s\n", f)
	}
	for _, f := range dup {
		fmt.Fprintf(stdout, "  duplicate  %s\n", f)
	}
	for _, f := range sortedMapKeys(refused) {
		fmt.Fprintf(stdout, "  refused    %s: %s\n", f, refused[f])
	}
	if ctx.Err() != nil {
		return fmt.Errorf("ingest interrupted after %d of %d files: %w", len(added)+len(dup)+len(refused), len(files), ctx.Err())
	}
	if len(refused) > 0 {
		return fmt.Errorf("%d of %d files refused", len(refused), len(files))
	}
	return nil
}

func ingestFile(ctx context.Context, a *app, path string, maxBytes int64, added, dup *[]string) error {
	u, err := ingest.MetaForFile(path)
	if err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Size() > maxBytes {
		return corpus.Errorf(corpus.ETooLarge, "The file is larger than %d bytes.", maxBytes)
	}
	if u.Data, err = os.ReadFile(path); err != nil {
		return err
	}
	if p, ok := a.ingest.Existing(ctx, u.Data); ok {
		*dup = append(*dup, fmt.Sprintf("%s = %s (%s %d %s)", path, p.ID, p.Lan, p.Year, p.Audience))
		return nil
	}
	p, created, err := a.ingest.Ingest(ctx, u)
	if err != nil {
		return err
	}
	line := fmt.Sprintf("%s → %s (%s %d %s)", path, p.ID, p.Lan, p.Year, p.Audience)
	if created {
		*added = append(*added, line)
	} else {
		*dup = append(*dup, line)
	}
	return nil
}

func sortedMapKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// openMaintenance parses a maintenance command's flags and opens its data
// folder.
func openMaintenance(ctx context.Context, name string, args []string, stderr io.Writer) (*app, error) {
	cfg, _, err := parseConfig(name, args, stderr, "data", "codebook", "log-format")
	if err != nil {
		return nil, err
	}
	return openApp(ctx, cfg, newLogger(cfg.LogFormat, stderr))
}

func runReindex(ctx context.Context, args []string, stderr io.Writer) error {
	a, err := openMaintenance(ctx, "reindex", args, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	cfg, log := a.cfg, a.log
	// The index is derived data: drop it and build it anew from the store.
	if err := a.index.Close(); err != nil {
		return fmt.Errorf("reindex: close index: %w", err)
	}
	a.index = nil
	dir := filepath.Join(cfg.Data, "index")
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if a.index, err = index.Open(dir, index.Options{}); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	a.ingest.Index = a.index
	start := time.Now()
	st, err := a.ingest.Sync(ctx, newProgress(stderr, log, "reindex").Update)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	log.Info("reindexed", "stats", fmt.Sprintf("%+v", st), "duration", time.Since(start).Round(time.Millisecond))
	return nil
}

func runRecode(ctx context.Context, args []string, stderr io.Writer) error {
	a, err := openMaintenance(ctx, "recode", args, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	log := a.log
	n, err := a.ingest.Recode(ctx, a.codebook.Version(), true, newProgress(stderr, log, "recode").Update)
	if err != nil {
		return err
	}
	if _, err := a.ingest.Sync(ctx, newProgress(stderr, log, "index sync").Update); err != nil {
		return err
	}
	log.Info("recoded", "plans", n, "codebook_version", a.codebook.Version())
	return nil
}

// runCode prints the coding JSON of one file: no server, no data folder.
func runCode(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("plankoll code", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lanFlag := fs.String("lan", "", "county of the plan (name or code); optional")
	yearFlag := fs.String("year", "", "plan year; goal horizons from years need it")
	cbFlag := fs.String("codebook", os.Getenv("PLANKOLL_CODEBOOK"), "codebook YAML file (default: the embedded one)")
	maxBody := fs.Int64("max-bytes", 100<<20, "largest file to read")
	timeout := fs.Duration("extract-timeout", 60*time.Second, "time limit for extracting the file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("code: give exactly one file (PDF, DOCX or text)")
	}
	meta := analyzer.PlanMeta{}
	if *lanFlag != "" {
		l, err := corpus.ParseLan(*lanFlag)
		if err != nil {
			return err
		}
		meta.Lan = l.Name
	}
	if *yearFlag != "" {
		y, err := ingest.ParseYear(*yearFlag, time.Now())
		if err != nil {
			return err
		}
		meta.Year = y
	}
	cb, err := loadCodebook(*cbFlag)
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	doc, err := newExtractor(&Config{MaxBody: *maxBody, Timeout: *timeout}).Extract(ctx, filepath.Base(path), data)
	if err != nil {
		return err
	}
	coding := analyzer.NewCoder(cb).Code(meta, ingest.PageTexts(doc.Pages))
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(coding)
}

func runAnalyze(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("analyze: give the text to analyse")
	}
	w := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(w, "TOKEN\tSTEM\tSTOP\tPARTS\tPART STEMS")
	for _, e := range swedish.Explain(strings.Join(args, " ")) {
		fmt.Fprintf(w, "%s\t%s\t%v\t%s\t%s\n", e.Token, e.Stem, e.Stop, strings.Join(e.Parts, "+"), strings.Join(e.PartStems, "+"))
	}
	return w.Flush()
}

// runEval compares the coder with hand coding and prints per dimension and
// per code precision, recall, F1 and Cohen's kappa, then the passages
// where they disagree.
func runEval(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("plankoll eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	cbFlag := fs.String("codebook", os.Getenv("PLANKOLL_CODEBOOK"), "codebook YAML file (default: the embedded one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("eval: give one gold file (JSON Lines, see analyzer/testdata/gold/README.md)")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	gold, err := analyzer.ReadGold(f)
	if err != nil {
		return err
	}
	cb, err := loadCodebook(*cbFlag)
	if err != nil {
		return err
	}
	rep := analyzer.Evaluate(analyzer.NewCoder(cb), gold)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeEvalTable(stdout, rep)
}

func writeEvalTable(out io.Writer, rep analyzer.EvalReport) error {
	w := tabwriter.NewWriter(out, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(out, "%d passages\n\n", rep.Passages)
	fmt.Fprintln(w, "dimension\tcode\tP\tR\tF1\tkappa\tTP\tFP\tFN\t")
	for _, d := range rep.Dimensions {
		fmt.Fprintf(w, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", d.Dimension, "(all)", d.Precision, d.Recall, d.F1, d.Kappa, d.TP, d.FP, d.FN)
		for _, c := range d.Codes {
			if c.TP+c.FP+c.FN == 0 {
				continue
			}
			fmt.Fprintf(w, "\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", c.Code, c.Precision, c.Recall, c.F1, c.Kappa, c.TP, c.FP, c.FN)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d disagreements\n", len(rep.Disagreements))
	for _, d := range rep.Disagreements {
		fmt.Fprintf(out, "%s %s: hand %v, coder %v\n    %s\n", d.ID, d.Dimension, d.Gold, d.Got, oneLine(d.Text, 160))
	}
	return nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
