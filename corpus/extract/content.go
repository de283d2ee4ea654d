package extract

import (
	"context"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// maxFormDepth bounds Form XObjects drawn inside Form XObjects.
const maxFormDepth = 8

// maxGlyphs bounds the characters kept per page; a dense real page has a
// few thousand.
const maxGlyphs = 200000

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n in PDF's row-vector convention: apply m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// apply maps the point (x, y).
func (m matrix) apply(x, y float64) [2]float64 {
	return [2]float64{x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]}
}

// rule is a straight horizontal or vertical line on the page, in page
// coordinates.
type rule struct{ a, b [2]float64 }

// maxRules bounds the lines remembered per page.
const maxRules = 4096

func (p *pageReader) addRule(a, b [2]float64) {
	dx, dy := math.Abs(a[0]-b[0]), math.Abs(a[1]-b[1])
	if len(p.rules) >= maxRules || (dx > 1 && dy > 1) || dx+dy < 5 {
		return
	}
	p.rules = append(p.rules, rule{a, b})
}

// addRect records a thin rectangle (a filled rule) as a line.
func (p *pageReader) addRect(ctm matrix, x, y, w, h float64) {
	a, b := ctm.apply(x, y), ctm.apply(x+w, y+h)
	dx, dy := math.Abs(a[0]-b[0]), math.Abs(a[1]-b[1])
	switch {
	case dx <= 2 && dy >= 5:
		mx := (a[0] + b[0]) / 2
		p.addRule([2]float64{mx, a[1]}, [2]float64{mx, b[1]})
	case dy <= 2 && dx >= 5:
		my := (a[1] + b[1]) / 2
		p.addRule([2]float64{a[0], my}, [2]float64{b[0], my})
	}
}

// glyph is one drawn character in page coordinates turned so that its
// writing direction points right (x grows along the line, y up).
type glyph struct {
	s      string
	x0, x1 float64
	y      float64 // baseline
	size   float64
	rot    int // quarter turns of the writing direction
	space  bool
	// running: drawn inside marked content that the producer tagged as a
	// pagination artifact (Word's headers, footers and page numbers)
	running bool
}

// textState is the part of the graphics state that q/Q save.
type textState struct {
	ctm                       matrix
	tc, tw, th, tl, tfs, rise float64
	font                      *font
}

// pageReader interprets one page's content streams into glyphs.
type pageReader struct {
	ctx      context.Context
	budget   int64            // decompressed content bytes left for this page
	fonts    map[string]*font // by resources identity + name
	glyphs   []glyph
	seen     map[glyphKey]bool
	rules    []rule // straight lines drawn: table borders, separators
	cur      [2]float64
	images   int
	running  bool // inside a pagination artifact
	unmapped int
	dropped  int // glyphs beyond maxGlyphs
	ops      int
}

// glyphKey identifies a glyph drawn at a place, to the half point, by its
// text's first rune.
type glyphKey struct {
	r    rune
	x, y int32
}

// errAbort carries a deadline or limit out of pdf.Interpret's callback.
type errAbort struct{ err error }

// contentTooLarge is the error for a page whose content exceeds the limit.
type contentTooLarge struct{ limit int64 }

func (e contentTooLarge) Error() string {
	return fmt.Sprintf("page content decompresses to more than %d bytes", e.limit)
}

// run interprets strm (a stream or an array of streams) with resources res.
func (p *pageReader) run(strm, res pdf.Value, st textState, depth int, limit int64) {
	n, err := streamSize(strm, p.budget)
	if err != nil {
		panic(fmt.Errorf("content stream: %w", err))
	}
	if n > p.budget {
		panic(errAbort{contentTooLarge{limit}})
	}
	p.budget -= n
	var (
		tm, tlm matrix
		marked  []bool // per open marked-content sequence: pagination?
		stack   []textState
		fontRes = res.Key("Font")
		byName  = map[string]*font{} // this stream's fonts, by resource name
	)
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		p.ops++
		if p.ops&1023 == 0 && p.ctx.Err() != nil {
			panic(errAbort{p.ctx.Err()})
		}
		args := popSince(stk, 0)
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, st)
			}
		case "Q":
			if len(stack) > 0 {
				st = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) == 6 {
				st.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(st.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if byName[name] == nil {
					byName[name] = p.font(fontRes, name)
				}
				st.font = byName[name]
				st.tfs = num(1)
			}
		case "Tc":
			st.tc = num(0)
		case "Tw":
			st.tw = num(0)
		case "Tz":
			st.th = num(0) / 100
		case "TL":
			st.tl = num(0)
		case "Ts":
			st.rise = num(0)
		case "Td", "TD":
			if op == "TD" {
				st.tl = -num(1)
			}
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = translate(0, -st.tl).mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(args) == 3 {
					st.tw, st.tc = num(0), num(1)
				}
				tlm = translate(0, -st.tl).mul(tlm)
				tm = tlm
			}
			if len(args) > 0 {
				tm = p.show(args[len(args)-1].RawString(), st, tm)
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					tm = p.show(x.RawString(), st, tm)
				} else {
					tm = translate(-x.Float64()/1000*st.tfs*st.th, 0).mul(tm)
				}
			}
		case "Do":
			if len(args) == 1 {
				p.do(res, args[0].Name(), st, depth, limit)
			}
		case "BI":
			p.images++
		case "BMC", "BDC":
			running := len(marked) > 0 && marked[len(marked)-1]
			if op == "BDC" && len(args) == 2 && args[0].Name() == "Artifact" {
				running = running || isPagination(args[1], res)
			}
			if len(marked) < 1024 {
				marked = append(marked, running)
			}
			p.running = running
		case "EMC":
			if len(marked) > 0 {
				marked = marked[:len(marked)-1]
			}
			p.running = len(marked) > 0 && marked[len(marked)-1]
		case "m":
			if len(args) == 2 {
				p.cur = st.ctm.apply(num(0), num(1))
			}
		case "l":
			if len(args) == 2 {
				to := st.ctm.apply(num(0), num(1))
				p.addRule(p.cur, to)
				p.cur = to
			}
		case "re":
			if len(args) == 4 {
				p.addRect(st.ctm, num(0), num(1), num(2), num(3))
			}
		}
	})
}

// isPagination reports whether an /Artifact's properties (inline, or
// named in the resources' /Properties) say it is a running header,
// footer or page number.
func isPagination(props, res pdf.Value) bool {
	if props.Kind() == pdf.Name {
		props = res.Key("Properties").Key(props.Name())
	}
	switch props.Key("Subtype").Name() {
	case "Header", "Footer", "Watermark":
		return true
	}
	return props.Key("Type").Name() == "Pagination"
}

// do draws the XObject called name: a Form is interpreted in place, an
// Image is counted (a page with images and no text looks scanned).
func (p *pageReader) do(res pdf.Value, name string, st textState, depth int, limit int64) {
	x := res.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		p.images++
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		m := x.Key("Matrix")
		if m.Len() == 6 {
			var fm matrix
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			st.ctm = fm.mul(st.ctm)
		}
		r := x.Key("Resources")
		if r.IsNull() {
			r = res
		}
		p.run(x, r, st, depth+1, limit)
	}
}

// font returns the parsed font called name in the resources' /Font dict,
// shared across pages: fonts are told apart by their dictionaries' text,
// as the PDF library does not show object numbers.
func (p *pageReader) font(fontRes pdf.Value, name string) *font {
	v := fontRes.Key(name)
	key := v.String()
	if len(key) > 256 {
		key = key[:256]
	}
	if f, ok := p.fonts[key]; ok {
		return f
	}
	f := newFont(v)
	p.fonts[key] = f
	return f
}

// show draws the string raw with the current state and returns the text
// matrix after it.
func (p *pageReader) show(raw string, st textState, tm matrix) matrix {
	f := st.font
	if f == nil {
		return tm
	}
	f.codes(raw, func(code uint32, n int) {
		w := f.width(code)
		trm := matrix{st.tfs * st.th, 0, 0, st.tfs, 0, st.rise}.mul(tm).mul(st.ctm)
		s := f.text(code, n)
		adv := w*st.tfs + st.tc
		if n == 1 && code == 32 {
			adv += st.tw
		}
		p.add(s, trm, w)
		tm = translate(adv*st.th, 0).mul(tm)
	})
	return tm
}

// add records one glyph drawn with rendering matrix trm and width w (in
// text space per unit of font size).
func (p *pageReader) add(s string, trm matrix, w float64) {
	if s == "" {
		p.unmapped++
		return
	}
	if len(p.glyphs) >= maxGlyphs {
		p.dropped++
		return
	}
	size := math.Hypot(trm[2], trm[3])
	if size < 0.5 || size > 2000 || math.IsNaN(size) {
		return
	}
	rot := 0
	if trm[1] != 0 || trm[0] <= 0 { // not plain upright text
		angle := math.Atan2(trm[1], trm[0])
		q := math.Round(angle / (math.Pi / 2))
		if math.Abs(angle-q*math.Pi/2) > 0.1 {
			return // diagonal text: watermarks, stamps
		}
		rot = (int(q) + 4) % 4
	}
	x, y := rotate(trm[4], trm[5], rot)
	width := w * math.Hypot(trm[0], trm[1])
	r, _ := utf8.DecodeRuneInString(s)
	key := glyphKey{r, int32(x * 2), int32(y * 2)}
	if p.seen[key] {
		return // drawn twice for fake bold or shadow
	}
	if len(p.seen) < 1<<20 {
		p.seen[key] = true
	}
	space := true
	for _, r := range s {
		if !unicode.IsSpace(r) {
			space = false
		}
	}
	p.glyphs = append(p.glyphs, glyph{s: s, x0: x, x1: x + width, y: y, size: size, rot: rot, space: space, running: p.running})
}

// rotate turns a point by -rot quarter turns, so that text written in
// direction rot runs along +x.
func rotate(x, y float64, rot int) (float64, float64) {
	switch rot {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}
