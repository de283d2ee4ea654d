package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/plankoll/plankoll/corpus"
)

func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ﬂickor och ﬁnansiering", "flickor och finansiering"},
		{"eﬀekt", "effekt"},
		{"Öppen\ufffdvård", "Öppenvård"},
		{"privat\ue000bruk", "privatbruk"},
		{"mjuk\u00adbindestreck", "mjukbindestreck"},
		{"  flera   mellanslag\toch tabb ", "flera mellanslag och tabb"},
		{"å ä ö é Å Ä Ö É", "å ä ö é Å Ä Ö É"},
		{"ＳＩＰ", "SIP"}, // full-width, NFKC
		{"suicid\u00ad", "suicid-"},
		{"Inledning ........................ 3", "Inledning 3"},
		{"Mål . . . . . . . 12", "Mål 12"},
		{"Slut.", "Slut."},
		{"1Beslutet fattades", "1 Beslutet fattades"},
		{"3D-skrivare", "3D-skrivare"},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.want {
			t.Errorf("cleanLine(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoinHyphens(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"word split", []string{"arbetet med suicid-", "prevention i länet"}, []string{"arbetet med suicidprevention", "i länet"}},
		{"whole next line", []string{"suicid-", "prevention"}, []string{"suicidprevention"}},
		{"suspended compound", []string{"inom vård-", "och omsorgsförvaltningen"}, []string{"inom vård-", "och omsorgsförvaltningen"}},
		{"eller", []string{"barn-", "eller ungdomspsykiatri"}, []string{"barn-", "eller ungdomspsykiatri"}},
		{"acronym", []string{"varje SIP-", "samordnare ska"}, []string{"varje SIP-samordnare", "ska"}},
		{"capitals", []string{"LÄNETS 26 KOM-", "MUNER"}, []string{"LÄNETS 26 KOMMUNER"}},
		{"digits", []string{"åren 2025-", "2027 gäller"}, []string{"åren 2025-2027", "gäller"}},
		{"single letter", []string{"ökad e-", "hälsa"}, []string{"ökad e-hälsa"}},
		{"capital next", []string{"Region Jämtland-", "Härjedalen"}, []string{"Region Jämtland-Härjedalen"}},
		{"dash alone", []string{"mål -", "delmål"}, []string{"mål -", "delmål"}},
		{"across a column break", []string{"till-", "", "gängligheten ökar"}, []string{"tillgängligheten", "ökar"}},
		{"not across a paragraph to a capital", []string{"om-", "", "Nästa stycke"}, []string{"om-", "", "Nästa stycke"}},
		{"end of page", []string{"sista rad-"}, []string{"sista rad-"}},
		{"chain", []string{"själv-", "skade-", "beteende"}, []string{"självskadebeteende"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinHyphens(append([]string(nil), tt.in...))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("joinHyphens(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPageNumber(t *testing.T) {
	for _, s := range []string{"3", "- 3 -", "– 12 –", "Sida 3 av 12", "sida 3", "Page 3 of 12", "s. 4", "3 (12)", "3/12"} {
		if !pageNumber.MatchString(s) {
			t.Errorf("pageNumber does not match %q", s)
		}
	}
	for _, s := range []string{"2025", "3 mål", "Sidan visar", "Kapitel 3", ""} {
		if pageNumber.MatchString(s) {
			t.Errorf("pageNumber matches %q", s)
		}
	}
}

// TestAssemble checks running headers, footers and page numbers leave the
// body and land in Headers, while body lines that merely repeat stay.
func TestAssemble(t *testing.T) {
	page := func(n string, body ...string) pageLines {
		ls := []line{{text: "Handlingsplan 2025–2027", y: 800, size: 9, para: true}}
		y := 780.0 // in the top band, but not next to the header
		for _, b := range body {
			ls = append(ls, line{text: b, y: y, size: 9, para: true})
			y -= 20
		}
		return pageLines{lines: append(ls, line{text: n, y: 40, size: 9, para: true}), bottom: 0, top: 842}
	}
	pages := []pageLines{
		page("Sida 1 av 3", "Inledning", "Mål för suicidprevention"),
		page("Sida 2 av 3", "Mål för suicidprevention", "Bakgrund"),
		page("- 3 -", "Mål för suicidprevention", "Uppföljning"),
	}
	got, headers := assemble(pages)
	want := []string{
		"Inledning\n\nMål för suicidprevention",
		"Mål för suicidprevention\n\nBakgrund",
		"Mål för suicidprevention\n\nUppföljning",
	}
	for i, p := range got {
		if p.Page != i+1 || p.Text != want[i] {
			t.Errorf("page %d = %d %q; want %q", i, p.Page, p.Text, want[i])
		}
	}
	wantH := "Handlingsplan 2025–2027|Sida 1 av 3|- 3 -"
	if strings.Join(headers, "|") != wantH {
		t.Errorf("headers = %q; want %q", headers, wantH)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // pages
	}{
		{"utf-8", "Överenskommelse om äldre och idé", []string{"Överenskommelse om äldre och idé"}},
		{"bom", "\xef\xbb\xbfÅtgärder", []string{"Åtgärder"}},
		{"utf-16le", "\xff\xfe\xc5\x00t\x00g\x00\xe4\x00r\x00d\x00", []string{"Åtgärd"}},
		{"utf-16be", "\xfe\xff\x00\xc5\x00t\x00g\x00\xe4\x00r\x00d", []string{"Åtgärd"}},
		{"windows-1252", "\xd6verenskommelse f\xf6r \xe4ldre \x96 id\xe9", []string{"Överenskommelse för äldre – idé"}},
		{"form feed pages", "Sida ett\r\n\fSida två\f", []string{"Sida ett", "Sida två"}},
		{"paragraphs", "Första stycket\nfortsätter\n\n\n\nAndra stycket", []string{"Första stycket\nfortsätter\n\nAndra stycket"}},
		{"hyphen", "arbetet med suicid-\nprevention", []string{"arbetet med suicidprevention"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := (&Extractor{}).Extract(context.Background(), "plan.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range doc.Pages {
				got = append(got, p.Text)
			}
			if strings.Join(got, "\f") != strings.Join(tt.want, "\f") {
				t.Errorf("pages = %q; want %q", got, tt.want)
			}
		})
	}
	t.Run("latin-1 without Swedish letters", func(t *testing.T) {
		_, err := (&Extractor{}).Extract(context.Background(), "plan.txt", []byte("na\xefve caf\xe7"))
		wantCode(t, err, corpus.EBadEncoding)
	})
}

func TestDOCXBody(t *testing.T) {
	body := `<w:p><w:r><w:t>Mål för </w:t></w:r><w:r><w:t>året</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Rubrik</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>punkt ett</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>punkt två</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mål</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Indikator</w:t></w:r></w:p><w:p><w:r><w:t>och mått</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>Färre suicid</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Antal</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>Före</w:t><w:tab/><w:t>brytning</w:t><w:br w:type="page"/><w:t>Efter brytning</w:t></w:r></w:p>` +
		`<w:p><w:r><w:delText>struket</w:delText><w:instrText>PAGE</w:instrText><w:t>Sista</w:t></w:r></w:p>` +
		`<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Textruta</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>`
	pages, err := docxBody([]byte(strings.Replace(docXML, "%s", body, 1)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Mål för året\n\nRubrik\n\n• punkt ett\n• punkt två\n\nMål | Indikator och mått\nFärre suicid | Antal\n\nFöre brytning",
		"Efter brytning\n\nSista\n\nTextruta",
	}
	if strings.Join(pages, "\f") != strings.Join(want, "\f") {
		t.Errorf("pages = %q; want %q", pages, want)
	}
}

func TestEmptyPagesWarn(t *testing.T) {
	doc, err := (&Extractor{}).Extract(context.Background(), "plan.pdf", textPDF("Första sidan", "", "Tredje sidan"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 3 || doc.Pages[1].Text != "" || doc.Pages[2].Text != "Tredje sidan" {
		t.Errorf("pages = %+v", doc.Pages)
	}
	if w := strings.Join(doc.Warnings, ";"); !strings.Contains(w, "no text on page(s) 2") {
		t.Errorf("warnings = %q", w)
	}
}

// TestTJSpacing reads a pdfTeX-like page: words placed by TJ offsets with
// no space characters, kerning inside words, a ligature glyph named in
// /Differences, a hyphen at a line end and a raised footnote mark; and a Type0 font with
// Identity-H codes, /W widths and a ToUnicode CMap, as Chromium writes;
// and a line written upwards, read after the rest.
func TestTJSpacing(t *testing.T) {
	widths := strings.TrimSpace(strings.Repeat("500 ", 224))
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"2 beginbfchar <0003> <0020> <0010> <00E5> endbfchar\n" +
		"1 beginbfrange <0020> <007E> <0041> endbfrange\n" +
		"endcmap CMapName currentdict /CMap defineresource pop end end"
	simple := "BT /F1 10 Tf 72 700 Td [(Suicid)15(pre)20(ven)-100(tion)-333(och)-333(\\373ickor)-333(i)-333(l\\344nets)-333(sam-)]TJ\n" +
		"0 -12 Td [(verkan)-333(\\344r)-333(viktig.)]TJ /F1 6 Tf 4 Ts (1) Tj ET\n"
	// Type0: every code is two bytes, <0021> is "B" by the bfrange
	cid := "BT /F2 10 Tf 72 600 Td <00210022> Tj 30 0 Td <0010> Tj ET\n" +
		"BT /F1 10 Tf 0 1 -1 0 500 100 Tm (Uppifr\\345n) Tj ET" // written upwards
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
		stream("", []byte(simple+cid), true),
		"<< /Type /Font /Subtype /Type1 /BaseFont /CMR10 /FirstChar 32 /LastChar 255 /Widths [" + widths + "] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [251 /fl] >> >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /DW 1000 /W [33 [500 500]] >>",
		stream("", []byte(cmap), true),
	}, "/Root 1 0 R")
	doc, err := (&Extractor{}).Extract(context.Background(), "tex.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := "Suicidprevention och flickor i länets samverkan\när viktig. 1\n\nBC å\n\nUppifrån"
	if doc.Pages[0].Text != want {
		t.Errorf("text = %q; want %q", doc.Pages[0].Text, want)
	}
}

// TestPaginationArtifacts reads headers and footers the way Word tags
// them: marked content /Artifact with /Type /Pagination, inline or named
// in /Properties. They leave the body even on a single page.
func TestPaginationArtifacts(t *testing.T) {
	content := "/Artifact << /Type /Pagination /Subtype /Header >> BDC BT /F1 9 Tf 72 800 Td (Regional plan 2025) Tj ET EMC\n" +
		"/P << /MCID 0 >> BDC BT /F1 11 Tf 72 700 Td (M\\345l f\\366r \\344ldre) Tj ET EMC\n" +
		"/Artifact /Foot BDC BT /F1 9 Tf 72 40 Td (Sidan 1 av 1 i planen) Tj ET EMC\n" +
		"/Artifact << /Type /Layout >> BDC BT /F1 11 Tf 72 680 Td (Dekor) Tj ET EMC"
	pdf := buildPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /Properties << /Foot << /Type /Pagination /Subtype /Footer >> >> >> /Contents 4 0 R >>",
		stream("", []byte(content), true),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, "/Root 1 0 R")
	doc, err := (&Extractor{}).Extract(context.Background(), "word.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Pages[0].Text; got != "Mål för äldre\n\nDekor" {
		t.Errorf("body = %q", got)
	}
	if got := strings.Join(doc.Headers, "|"); got != "Regional plan 2025|Sidan 1 av 1 i planen" {
		t.Errorf("headers = %q", got)
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Microsoft Word - Handlingsplan 2025.docx", "Handlingsplan 2025"},
		{"plan.pdf", "plan"},
		{" Länsgemensam plan ", "Länsgemensam plan"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
