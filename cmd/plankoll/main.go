// Command plankoll reads Swedish regional mental-health action plans,
// codes them and serves them over REST and a web interface.
//
//	plankoll serve    run the service (default data folder ./data, sample plans on first start)
//	plankoll ingest   load files or folders into the data folder
//	plankoll reindex  rebuild the search index from the store
//	plankoll recode   re-code every plan with the codebook in force
//	plankoll code     print the coding JSON of one file (no server, no data folder)
//	plankoll export   a year's tables as CSV or XLSX, or a REFI-QDA project
//	plankoll analyze  show how the Swedish analysis reads a text
//	plankoll eval     compare the coder with hand coding (JSON Lines)
//
// main wires the packages together and does nothing else.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/plankoll/plankoll/corpus"
	"github.com/plankoll/plankoll/corpus/extract"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "plankoll:", corpusMessage(err))
		}
		os.Exit(exitCode(err))
	}
}

// run dispatches to a command; it is what tests call.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stderr)
	case "ingest":
		return runIngest(ctx, rest, stdout, stderr)
	case "reindex":
		return runReindex(ctx, rest, stderr)
	case "recode":
		return runRecode(ctx, rest, stderr)
	case "code":
		return runCode(ctx, rest, stdout, stderr)
	case "analyze":
		return runAnalyze(rest, stdout, stderr)
	case "export":
		return runExport(ctx, rest, stdout, stderr)
	case "eval":
		return runEval(rest, stdout, stderr)
	case "extract-worker":
		// The same binary, run by the service as a sandboxed child (see corpus/extract).
		return extract.RunWorker(ctx, stdin, stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "plankoll: unknown command %q\n\n%s", cmd, usage)
	return flag.ErrHelp
}

const usage = `Usage: plankoll COMMAND [flags]

Commands:
  serve    [--addr 127.0.0.1:8080] [--data ./data] [--sample=true] [--tokens FILE] [--codebook FILE]
           run the service; an empty data folder gets the bundled sample plans
  ingest   [--data DIR] PATH...   load plan files or folders (county/year from a
           sidecar FILE.json or the file name, e.g. "Jämtlands län 2017 vuxna.pdf")
  reindex  [--data DIR]           rebuild the search index from the store
  recode   [--data DIR]           re-code every plan with the codebook in force
  code     [--lan L --year Y] FILE   print the coding JSON of one file
  export   --year Y [--format csv|xlsx|qdpx] [--out FILE] [--data DIR]
           a year's tables (CSV files in a folder, or an XLSX workbook) or a REFI-QDA project
  analyze  TEXT                   show tokens, stems and compound parts
  eval     [--json] GOLD.jsonl    precision, recall, F1 and kappa against hand coding

Run "plankoll COMMAND -h" for a command's flags.
`

func corpusMessage(err error) string {
	if c := corpus.ErrorCode(err); c != corpus.EInternal {
		return corpus.ErrorMessage(err) + " (" + c + ")"
	}
	return err.Error()
}

func exitCode(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}
