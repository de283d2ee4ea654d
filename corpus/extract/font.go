package extract

import (
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxWidthEntries bounds the widths read from one font's /W or /Widths.
const maxWidthEntries = 1 << 16

// font is what the positional extractor needs of a PDF font: how to cut a
// string into codes, each code's text and advance width.
type font struct {
	composite bool // Type0: multi-byte codes, widths by CID
	uni       *toUnicode
	// libDecode: the library's own decoding may be asked. Not when it
	// would parse the ToUnicode CMap we refused (too large, malformed):
	// it has no size limit.
	libDecode bool
	lib       pdf.Font // the library's own decoding, for simple fonts
	cache     map[codeKey]string
	// widths in glyph units; scale turns them into text space (1/1000,
	// or a Type3 font's FontMatrix).
	widths  map[uint32]float64
	wranges []widthRange
	dw      float64
	scale   float64
}

type widthRange struct {
	lo, hi uint32
	w      float64
}

// newFont reads the font dictionary v.
func newFont(v pdf.Value) *font {
	f := &font{lib: pdf.Font{V: v}, cache: map[codeKey]string{}, widths: map[uint32]float64{}, scale: 0.001}
	f.uni = parseToUnicode(v.Key("ToUnicode"), v)
	f.libDecode = v.Key("Encoding").Kind() != pdf.Null || v.Key("ToUnicode").Kind() != pdf.Stream
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.composite = true
		f.readCIDWidths(v.Key("DescendantFonts").Index(0))
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
		f.readSimpleWidths(v)
	default:
		f.readSimpleWidths(v)
	}
	return f
}

func (f *font) readSimpleWidths(v pdf.Value) {
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.dw <= 0 {
		// Standard 14 fonts come without widths; half an em is a fair
		// guess and only matters at the end of a string.
		f.dw = 0.5 / f.scale
	}
	first := v.Key("FirstChar").Int64()
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths[uint32(first)+uint32(i)] = ws.Index(i).Float64()
	}
}

func (f *font) readCIDWidths(d pdf.Value) {
	f.dw = 1000
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	w := d.Key("W")
	n := 0
	for i := 0; i < w.Len() && n < maxWidthEntries; {
		c := uint32(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && n < maxWidthEntries; j++ {
				f.widths[c+uint32(j)] = next.Index(j).Float64()
				n++
			}
			i += 2
			continue
		}
		hi := uint32(next.Int64())
		f.wranges = append(f.wranges, widthRange{c, hi, w.Index(i + 2).Float64()})
		n++
		i += 3
	}
}

// width returns the advance of code in text space units per unit of font
// size.
func (f *font) width(code uint32) float64 {
	if w, ok := f.widths[code]; ok {
		return w * f.scale
	}
	for _, r := range f.wranges {
		if code >= r.lo && code <= r.hi {
			return r.w * f.scale
		}
	}
	return f.dw * f.scale
}

// codes cuts the raw bytes of a shown string into character codes.
func (f *font) codes(raw string, visit func(code uint32, n int)) {
	for len(raw) > 0 {
		n := 1
		if f.composite {
			n = 2
			if f.uni != nil {
				if m := f.uni.codeLen(raw); m > 0 {
					n = m
				}
			}
			if n > len(raw) {
				n = len(raw)
			}
		}
		visit(codeOf(raw[:n]), n)
		raw = raw[n:]
	}
}

// text returns the Unicode text of a code; "" when the font does not say.
func (f *font) text(code uint32, n int) string {
	key := codeKey{uint8(n), code}
	if s, ok := f.cache[key]; ok {
		return s
	}
	var s string
	if f.uni != nil {
		if t, ok := f.uni.lookup(n, code); ok {
			s = t
		}
	}
	if s == "" && !f.composite && n == 1 && f.libDecode {
		s = (&f.lib).Encoder().Decode(string([]byte{byte(code)}))
	}
	s = strings.ReplaceAll(s, "\x00", "")
	if len(f.cache) < maxCMapEntries {
		f.cache[key] = s
	}
	return s
}
