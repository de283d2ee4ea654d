package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plankoll/plankoll/analyzer"
	"github.com/plankoll/plankoll/analyzer/compare"
	"github.com/plankoll/plankoll/corpus/export"
	"github.com/plankoll/plankoll/corpus/store"
)

// runExport writes a year's tables as CSV files (one per table, in a
// folder), an XLSX workbook or a REFI-QDA project. It only reads the
// store (no index, no lock, no clean-up), so it works beside a running
// server.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("plankoll export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", envOr("PLANKOLL_DATA", "./data"), "data folder")
	year := fs.Int("year", 0, "plan year to export (required)")
	format := fs.String("format", "xlsx", "csv, xlsx or qdpx")
	out := fs.String("out", "", "output file (a folder for csv); default plankoll-YEAR.FORMAT")
	cbFlag := fs.String("codebook", os.Getenv("PLANKOLL_CODEBOOK"), "codebook YAML file (default: the embedded one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *year == 0 {
		return fmt.Errorf("export: give --year")
	}
	if *out == "" {
		*out = fmt.Sprintf("plankoll-%d.%s", *year, *format)
	}
	cb, err := loadCodebook(*cbFlag)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*data, "plankoll.db")); err != nil {
		return fmt.Errorf("export: no Plankoll data in %s", *data)
	}
	st, err := store.Open(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	var buf bytes.Buffer
	switch *format {
	case "csv":
		return exportCSV(ctx, st, cb, *year, *out, stdout)
	case "xlsx":
		plans, err := st.CodedPlans(ctx, store.Filter{})
		if err != nil {
			return err
		}
		if err := export.WriteYearWorkbook(&buf, compare.NewStats(plans, cb), *year); err != nil {
			return err
		}
	case "qdpx":
		plans, err := st.PlanInputs(ctx, store.Filter{Year: *year})
		if err != nil {
			return err
		}
		err = export.WriteQDPX(&buf, export.QDAProject{Name: fmt.Sprintf("Plankoll %d", *year), Plans: plans,
			Codebook: compare.CodebookRefs(cb.Dimensions())})
		if err != nil {
			return err
		}
	default:
		return fmt.Errorf("export: --format must be csv, xlsx or qdpx, not %q", *format)
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, buf.Len())
	return nil
}

// exportCSV writes every table of the year's workbook as its own CSV file
// in dir.
func exportCSV(ctx context.Context, st *store.Store, cb *analyzer.Codebook, year int, dir string, stdout io.Writer) error {
	plans, err := st.CodedPlans(ctx, store.Filter{})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, t := range export.YearTables(compare.NewStats(plans, cb), year) {
		var buf bytes.Buffer
		if err := export.WriteCSV(&buf, t); err != nil {
			return err
		}
		path := filepath.Join(dir, t.Name+".csv")
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d rows)\n", path, len(t.Rows))
	}
	return nil
}

// writeFileAtomic writes through a temporary file so that a reader never
// sees half an export.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func envOr(key, def string) string {
	if v := strings.TrimSpace(os.Getenv(key)); v != "" {
		return v
	}
	return def
}
