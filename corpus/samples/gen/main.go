// Command gen turns the sample plan sources (corpus/samples/src/*.txt) into
// Flat ODT files and, through LibreOffice, into the PDFs under
// corpus/samples/pdf/, and writes corpus/samples/plans.json.
//
// Run it from the module root:
//
//	go run ./corpus/samples/gen                       # all sources
//	go run ./corpus/samples/gen -only jamtland-2017   # some
//
// It needs soffice (libreoffice-writer-nogui, hyphen-sv) and pdftotext
// (poppler-utils) on PATH. It is a developer tool: nothing in Plankoll
// runs it. The source markup is described in corpus/samples/src/README.md.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dir := flag.String("dir", "corpus/samples", "the samples directory (src/ in, pdf/ and plans.json out)")
	only := flag.String("only", "", "comma-separated source names (without .txt) to build; default all")
	keep := flag.Bool("keep", false, "keep the intermediate .fodt files in <dir>/build")
	flag.Parse()
	if err := run(*dir, *only, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// planMeta is one entry of plans.json.
type planMeta struct {
	Lan      string `json:"lan"`
	Year     int    `json:"year"`
	Audience string `json:"audience"`
	Title    string `json:"title"`
	Filename string `json:"filename"`
	Source   string `json:"source"`
	Pages    int    `json:"pages"`
}

func run(dir, only string, keep bool) error {
	srcs, err := filepath.Glob(filepath.Join(dir, "src", "*.txt"))
	if err != nil {
		return fmt.Errorf("list sources: %w", err)
	}
	want := map[string]bool{}
	for _, o := range strings.Split(only, ",") {
		if o = strings.TrimSpace(o); o != "" {
			want[o] = true
		}
	}
	var docs, build []*doc
	for _, path := range srcs {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read source: %w", err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		d, err := parse(name, string(b))
		if err != nil {
			return err
		}
		if _, ok := presets[d.Style]; !ok {
			return fmt.Errorf("%s: unknown @style %q", name, d.Style)
		}
		docs = append(docs, d)
		if len(want) == 0 || want[name] {
			build = append(build, d)
		}
	}
	buildDir := filepath.Join(dir, "build")
	if err := os.MkdirAll(buildDir, 0o755); err != nil {
		return fmt.Errorf("build dir: %w", err)
	}
	if !keep {
		defer os.RemoveAll(buildDir)
	}
	pdfDir := filepath.Join(dir, "pdf")
	if err := os.MkdirAll(pdfDir, 0o755); err != nil {
		return fmt.Errorf("pdf dir: %w", err)
	}
	// Pass 1 lays the documents out; pass 2 writes the page numbers that
	// pass 1 found into the tables of contents.
	tocs := map[string][]tocEntry{}
	for pass := 1; pass <= 2; pass++ {
		var files []string
		for _, d := range build {
			r := &renderer{p: presets[d.Style], d: d, autoKey: map[string]string{}}
			if err := r.render(); err != nil {
				return err
			}
			if pass == 2 {
				if err := r.setTOC(tocs[d.Name]); err != nil {
					return fmt.Errorf("%s: %w", d.Name, err)
				}
			}
			f := filepath.Join(buildDir, d.Name+".fodt")
			if err := os.WriteFile(f, []byte(r.fodt()), 0o644); err != nil {
				return fmt.Errorf("write fodt: %w", err)
			}
			files = append(files, f)
			tocs[d.Name] = r.toc
		}
		if err := convert(buildDir, files); err != nil {
			return err
		}
		for _, d := range build {
			pages, err := pdfPages(filepath.Join(buildDir, d.Name+".pdf"))
			if err != nil {
				return err
			}
			if pass == 1 {
				if err := findTOCPages(tocs[d.Name], pages); err != nil {
					return fmt.Errorf("%s: %w", d.Name, err)
				}
			}
		}
	}
	for _, d := range build {
		b, err := os.ReadFile(filepath.Join(buildDir, d.Name+".pdf"))
		if err != nil {
			return fmt.Errorf("read pdf: %w", err)
		}
		if err := os.WriteFile(filepath.Join(pdfDir, d.File+".pdf"), b, 0o644); err != nil {
			return fmt.Errorf("write pdf: %w", err)
		}
	}
	return writeMeta(dir, docs)
}

// setTOC puts the page numbers found in pass 1 into the renderer's TOC and
// renders again.
func (r *renderer) setTOC(found []tocEntry) error {
	if len(found) != len(r.toc) {
		return fmt.Errorf("toc changed between passes")
	}
	*r = renderer{p: r.p, d: r.d, autoKey: map[string]string{}}
	for _, e := range found {
		r.tocPages = append(r.tocPages, e.Page)
	}
	return r.render()
}

func convert(outDir string, files []string) error {
	profile, err := filepath.Abs(filepath.Join(outDir, "lo-profile"))
	if err != nil {
		return err
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir}, files...)
	cmd := exec.Command("soffice", args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("soffice: %w: %s", err, out)
	}
	for _, f := range files {
		pdf := strings.TrimSuffix(f, ".fodt") + ".pdf"
		if _, err := os.Stat(pdf); err != nil {
			return fmt.Errorf("soffice made no %s: %s", pdf, out)
		}
	}
	return nil
}

// pdfPages returns the text of each page, as pdftotext reads it.
func pdfPages(path string) ([]string, error) {
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return nil, fmt.Errorf("pdftotext %s: %w", path, err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages, nil
}

// findTOCPages finds each TOC entry's heading in the laid-out pages, in
// order, skipping the TOC's own lines (they carry dot leaders).
func findTOCPages(toc []tocEntry, pages []string) error {
	if len(toc) == 0 {
		return nil
	}
	// Search from the TOC page on, but on that page only below its last
	// leader line: the body may start on the same page.
	start := 0
	for i, p := range pages {
		if k := strings.LastIndex(p, "...."); k >= 0 {
			start = i
			if nl := strings.Index(p[k:], "\n"); nl >= 0 {
				pages[i] = p[k+nl:]
			} else {
				pages[i] = ""
			}
			break
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	for i := range toc {
		key := norm(toc[i].Text)
		if len([]rune(key)) > 28 {
			key = string([]rune(key)[:28])
		}
		found := false
		for pg := start; pg < len(pages) && !found; pg++ {
			for _, line := range strings.Split(pages[pg], "\n") {
				l := norm(line)
				if strings.HasPrefix(l, key) && !strings.Contains(l, "....") {
					toc[i].Page, start, found = pg+1, pg, true
					break
				}
			}
		}
		if !found {
			return fmt.Errorf("heading %q not found in the PDF", toc[i].Text)
		}
	}
	return nil
}

func writeMeta(dir string, docs []*doc) error {
	var metas []planMeta
	for _, d := range docs {
		m := planMeta{Lan: d.Lan, Year: d.Year, Audience: d.Audience, Title: d.Title, Filename: d.File + ".pdf", Source: "src/" + d.Name + ".txt"}
		pages, err := pdfPages(filepath.Join(dir, "pdf", m.Filename))
		if err == nil {
			m.Pages = len(pages)
		}
		metas = append(metas, m)
	}
	sort.Slice(metas, func(i, j int) bool { return metas[i].Filename < metas[j].Filename })
	b, err := json.MarshalIndent(metas, "", "  ")
	if err != nil {
		return fmt.Errorf("plans.json: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "plans.json"), append(b, '\n'), 0o644)
}
