package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the service: flags over PLANKOLL_* environment
// over defaults, validated once.
type Config struct {
	Addr         string
	Data         string
	Sample       bool
	TokensFile   string
	Tokens       []string // from PLANKOLL_WRITE_TOKEN and TokensFile; never logged
	CodebookFile string
	MaxBody      int64
	LogFormat    string // text or json
	Timeout      time.Duration
}

// option is one setting: its flag, environment variable, default and help.
type option struct {
	flag, env, def, help string
}

var options = []option{
	{"addr", "PLANKOLL_ADDR", "127.0.0.1:8080", "address to listen on"},
	{"data", "PLANKOLL_DATA", "./data", "data folder (SQLite store, original files, search index)"},
	{"sample", "PLANKOLL_SAMPLE", "true", "load the bundled sample plans into an empty data folder"},
	{"tokens", "PLANKOLL_TOKENS", "", "file of bearer write tokens, one per line"},
	{"codebook", "PLANKOLL_CODEBOOK", "", "codebook YAML file to use instead of the embedded one"},
	{"max-body", "PLANKOLL_MAX_BODY", "100MB", "largest upload (e.g. 100MB, 500KB)"},
	{"log-format", "PLANKOLL_LOG_FORMAT", "text", "log format: text or json"},
	{"extract-timeout", "PLANKOLL_EXTRACT_TIMEOUT", "60s", "time limit for extracting one document"},
}

// parseConfig reads the flags named in want (all when nil) from args.
func parseConfig(name string, args []string, stderr io.Writer, want ...string) (*Config, *flag.FlagSet, error) {
	fs := flag.NewFlagSet("plankoll "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	vals := map[string]*string{}
	for _, o := range options {
		if len(want) > 0 && !contains(want, o.flag) {
			continue
		}
		def := o.def
		if v, ok := os.LookupEnv(o.env); ok {
			def = v
		}
		vals[o.flag] = fs.String(o.flag, def, o.help+" (env "+o.env+")")
	}
	if err := fs.Parse(args); err != nil {
		return nil, fs, err
	}
	get := func(k string) string {
		if v, ok := vals[k]; ok {
			return *v
		}
		for _, o := range options {
			if o.flag == k {
				if v, ok := os.LookupEnv(o.env); ok {
					return v
				}
				return o.def
			}
		}
		return ""
	}
	c := &Config{Addr: get("addr"), Data: get("data"), TokensFile: get("tokens"), CodebookFile: get("codebook"), LogFormat: get("log-format")}
	var err error
	if c.Sample, err = strconv.ParseBool(get("sample")); err != nil {
		return nil, fs, fmt.Errorf("--sample: %q is not true or false", get("sample"))
	}
	if c.MaxBody, err = parseSize(get("max-body")); err != nil {
		return nil, fs, fmt.Errorf("--max-body: %w", err)
	}
	if c.Timeout, err = time.ParseDuration(get("extract-timeout")); err != nil || c.Timeout <= 0 {
		return nil, fs, fmt.Errorf("--extract-timeout: %q is not a duration such as 60s", get("extract-timeout"))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return nil, fs, fmt.Errorf("--log-format: %q is not text or json", c.LogFormat)
	}
	if t := strings.TrimSpace(os.Getenv("PLANKOLL_WRITE_TOKEN")); t != "" {
		c.Tokens = append(c.Tokens, t)
	}
	if c.TokensFile != "" {
		toks, err := readTokens(c.TokensFile)
		if err != nil {
			return nil, fs, err
		}
		c.Tokens = append(c.Tokens, toks...)
	}
	if c.Data, err = filepath.Abs(c.Data); err != nil {
		return nil, fs, fmt.Errorf("--data: %w", err)
	}
	return c, fs, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// parseSize reads "100MB", "512KB", "1GB" or a plain byte count.
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 100MB", s)
	}
	return n * mult, nil
}

// readTokens reads one token per line; blank lines and # comments are skipped.
func readTokens(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--tokens: %w", err)
	}
	var toks []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			toks = append(toks, line)
		}
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("--tokens: %s holds no token", path)
	}
	return toks, nil
}

// logAttrs describes the configuration for the start-up log line, with
// tokens masked.
func (c *Config) logAttrs() []any {
	return []any{"addr", c.Addr, "data", c.Data, "sample", c.Sample, "write_tokens", len(c.Tokens),
		"codebook_file", c.CodebookFile, "max_body", c.MaxBody, "extract_timeout", c.Timeout}
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
