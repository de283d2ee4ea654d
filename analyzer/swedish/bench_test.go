package swedish

import (
	"os"
	"testing"
)

func benchText(b *testing.B) string {
	src, err := os.ReadFile("testdata/analyze/plan.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

// BenchmarkAnalyzeIndex measures index analysis throughput (MB/s) on a
// page of Swedish plan text.
func BenchmarkAnalyzeIndex(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		AnalyzeIndex(text)
	}
}

// BenchmarkTokenize measures the coder's path: tokens with stems.
func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}

// BenchmarkSentences measures sentence splitting.
func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

// BenchmarkTokenizeSentences measures the coder's way: Tokenize called
// once per sentence, so no word is analysed from a cache.
func BenchmarkTokenizeSentences(b *testing.B) {
	text := benchText(b)
	spans := Sentences(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, s := range spans {
			Tokenize(text[s.Start:s.End])
		}
	}
}
