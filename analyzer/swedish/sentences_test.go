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
		{"narrow column", "Kommunerna i länet samarbetar med\nRegion Jämtland om suicidprevention.", []string{"Kommunerna i länet samarbetar med\nRegion Jämtland om suicidprevention."}},
		{"long line is no heading", "Planen har tagits fram av kommunerna och regionen tillsammans med brukarna\nUnder året följs den upp.", []string{"Planen har tagits fram av kommunerna och regionen tillsammans med brukarna\nUnder året följs den upp."}},
		{"heading then prose", "Bakgrund\nPlanen bygger på överenskommelsen.", []string{"Bakgrund", "Planen bygger på överenskommelsen."}},
		{"table rows", "Mål\tIndikator\tAnsvar\nÖkad trygghet\tAndel elever\tKommunen", []string{"Mål\tIndikator\tAnsvar", "Ökad trygghet\tAndel elever\tKommunen"}},
		{"table row with sentences", "| Mål | Utfall. Målet tas bort. |\n| Nästa | Rad |", []string{"| Mål | Utfall. Målet tas bort. |", "| Nästa | Rad |"}},
		{"quoted sentence", "Hon sa: \"Det går bra.\" Sedan gick hon.", []string{"Hon sa: \"Det går bra.\"", "Sedan gick hon."}},
		{"lettered list", "a) Öka tryggheten\nb) Minska frånvaron", []string{"a) Öka tryggheten", "b) Minska frånvaron"}},
		{"dash list", "- Första punkten\n- Andra punkten som\nfortsätter här", []string{"- Första punkten", "- Andra punkten som\nfortsätter här"}},
		{"fr.o.m. and t.o.m.", "Gäller fr.o.m. 2018 t.o.m. 2020. Därefter ny plan.", []string{"Gäller fr.o.m. 2018 t.o.m. 2020.", "Därefter ny plan."}},
		{"figure and appendix", "Se fig. 2 och bil. 3 samt tab. 4 för detaljer. Klart.", []string{"Se fig. 2 och bil. 3 samt tab. 4 för detaljer.", "Klart."}},
		{"abbreviation that is a word", "Han köpte en bil. Sedan for han.", []string{"Han köpte en bil.", "Sedan for han."}},
		{"CRLF", "Rad ett.\r\nRad två.", []string{"Rad ett.", "Rad två."}},
		{"justified prose", "Kommunerna och  regionen ska gemensamt\nutveckla arbetet. Nästa mening.", []string{"Kommunerna och  regionen ska gemensamt\nutveckla arbetet.", "Nästa mening."}},
		{"space-aligned columns", "Mål   Indikator\nÖkad trygghet   Andel elever", []string{"Mål   Indikator", "Ökad trygghet   Andel elever"}},
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
