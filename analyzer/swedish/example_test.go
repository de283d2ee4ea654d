package swedish_test

import (
	"fmt"

	"github.com/plankoll/plankoll/analyzer/swedish"
)

func ExampleSplit() {
	fmt.Println(swedish.Split("suicidpreventiva"))
	fmt.Println(swedish.Split("självmordsförsök"))
	fmt.Println(swedish.Split("skolhälsovården"))
	fmt.Println(swedish.Split("nyanlända"))
	// Output:
	// [suicid preventiva]
	// [självmord försök]
	// [skol hälso vården]
	// []
}

func ExampleAnalyzeIndex() {
	text := "Stöd till äldreomsorgen"
	for _, t := range swedish.AnalyzeIndex(text) {
		fmt.Printf("%d %s %-11s %q\n", t.Position, t.Kind, t.Term, text[t.Start:t.End])
	}
	// Output:
	// 0 word stöd        "Stöd"
	// 2 word äldreomsorg "äldreomsorgen"
	// 2 part äldr        "äldre"
	// 2 part omsorg      "omsorgen"
}

func ExampleStem() {
	for _, w := range []string{"behovet", "indikatorerna", "ohälsan", "anhörigas", "insatser"} {
		fmt.Println(w, swedish.Stem(w))
	}
	// Output:
	// behovet behov
	// indikatorerna indikat
	// ohälsan ohäls
	// anhörigas anhör
	// insatser insats
}

func ExampleSentences() {
	text := "Mål\n1. Minska antalet suicid, bl.a. genom MHFA. Öka kunskapen.\n• Stöd till anhöriga"
	for _, s := range swedish.Sentences(text) {
		fmt.Printf("%q\n", text[s.Start:s.End])
	}
	// Output:
	// "Mål"
	// "1. Minska antalet suicid, bl.a. genom MHFA."
	// "Öka kunskapen."
	// "• Stöd till anhöriga"
}
