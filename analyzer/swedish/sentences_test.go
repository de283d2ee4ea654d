package swedish

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Planen gäller 2018. Den följs upp årligen.", []string{"Planen gäller 2018.", "Den följs upp årligen."}},
		{"abbreviations", "Insatser bl.a. för unga, t.ex. skolor och s.k. mötesplatser. Nästa mening.",
			[]string{"Insatser bl.a. för unga, t.ex. skolor och s.k. mötesplatser.", "Nästa mening."}},
		{"ca and kap", "Det gäller ca. 30 personer enligt kap. 3 i lagen. Slut.", []string{"Det gäller ca. 30 personer enligt kap. 3 i lagen.", "Slut."}},
		{"soft abbreviation mid sentence", "Skolor, fritidsgårdar m.m. deltar.", []string{"Skolor, fritidsgårdar m.m. deltar."}},
		{"soft abbreviation at end", "Skolor, fritidsgårdar m.m. Därefter kommunen.", []string{"Skolor, fritidsgårdar m.m.", "Därefter kommunen."}},
		{"numbered list", "Mål\n1. Öka andelen unga som mår bra.\n2. Minska antalet suicid.", []string{"Mål", "1. Öka andelen unga som mår bra.", "2. Minska antalet suicid."}},
		{"section number", "Se avsnitt 3.2 om mål. Där står mer.", []string{"Se avsnitt 3.2 om mål.", "Där står mer."}},
		{"bullets without periods", "Insatser:\n• Stöd till anhöriga\n• Utbildning i MHFA\nDärefter följer uppföljning.",
			[]string{"Insatser:", "• Stöd till anhöriga", "• Utbildning i MHFA", "Därefter följer uppföljning."}},
		{"wrapped prose", "Kommunerna och regionen ska gemensamt\nutveckla arbetet med suicidprevention.", []string{"Kommunerna och regionen ska gemensamt\nutveckla arbetet med suicidprevention."}},
		{"heading then prose", "Bakgrund\nPlanen bygger på överenskommelsen.", []string{"Bakgrund", "Planen bygger på överenskommelsen."}},
		{"table rows", "Mål\tIndikator\tAnsvar\nÖkad trygghet\tAndel elever\tKommunen", []string{"Mål\tIndikator\tAnsvar", "Ökad trygghet\tAndel elever\tKommunen"}},
		{"blank line", "Första stycket utan punkt\n\nandra stycket", []string{"Första stycket utan punkt", "andra stycket"}},
		{"question and exclamation", "Hur mår unga? Bra! Men inte alla.", []string{"Hur mår unga?", "Bra!", "Men inte alla."}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
