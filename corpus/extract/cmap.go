package extract

import (
	"io"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxCMapBytes bounds a decompressed ToUnicode or encoding CMap; real ones
// are a few kilobytes.
const maxCMapBytes = 4 << 20

// maxCMapEntries bounds the codes one CMap may map, so a hostile range
// cannot make us allocate per code.
const maxCMapEntries = 1 << 16

// codeKey identifies a character code by its value and its length in
// bytes: <41> and <0041> are different codes.
type codeKey struct {
	n    uint8
	code uint32
}

type codeRange struct {
	n      uint8
	lo, hi uint32
	// dst is the UTF-16 of lo's text; later codes increment its last unit.
	dst []uint16
	// arr, when set, lists the text of each code from lo.
	arr []string
}

// toUnicode is a parsed ToUnicode CMap: code lengths from the codespace
// ranges, single codes from bfchar, ranges from bfrange.
type toUnicode struct {
	spaces []codeRange // codespace ranges (dst unused)
	chars  map[codeKey]string
	ranges []codeRange
}

// parseToUnicode reads a ToUnicode CMap stream. It returns nil when the
// stream is missing, too large, malformed or yields no mapping. scratch
// must be a dictionary: CMaps open dictionaries with "findresource begin",
// and the PDF library offers no way to make a fresh one, so the font's
// own dictionary (which the CMap only adds its own names to) serves.
func parseToUnicode(v, scratch pdf.Value) (m *toUnicode) {
	if v.Kind() != pdf.Stream || scratch.Kind() != pdf.Dict {
		return nil
	}
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	if n, err := streamSize(v, maxCMapBytes); err != nil || n > maxCMapBytes {
		return nil
	}
	m = &toUnicode{chars: map[codeKey]string{}}
	mark := 0
	entries := 0
	pdf.Interpret(v, func(stk *pdf.Stack, op string) {
		switch op {
		case "findresource":
			stk.Pop()
			stk.Pop()
			stk.Push(scratch)
		case "defineresource":
			val := stk.Pop()
			stk.Pop()
			stk.Pop()
			stk.Push(val)
		case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidrange", "begincidchar":
			stk.Pop() // the count; we take what lies between begin and end
			mark = stk.Len()
		case "endcodespacerange":
			args := popSince(stk, mark)
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				m.spaces = append(m.spaces, codeRange{n: uint8(len(lo)), lo: codeOf(lo), hi: codeOf(hi)})
			}
		case "endbfchar":
			args := popSince(stk, mark)
			for i := 0; i+1 < len(args) && entries < maxCMapEntries; i += 2 {
				src := args[i].RawString()
				if len(src) == 0 || len(src) > 4 {
					continue
				}
				m.chars[codeKey{uint8(len(src)), codeOf(src)}] = utf16BE(args[i+1].RawString())
				entries++
			}
		case "endbfrange":
			args := popSince(stk, mark)
			for i := 0; i+2 < len(args) && entries < maxCMapEntries; i += 3 {
				lo, hi := args[i].RawString(), args[i+1].RawString()
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := codeRange{n: uint8(len(lo)), lo: codeOf(lo), hi: codeOf(hi)}
				if r.hi < r.lo {
					continue
				}
				dst := args[i+2]
				switch dst.Kind() {
				case pdf.String:
					r.dst = utf16Units(dst.RawString())
				case pdf.Array:
					for j := 0; j < dst.Len() && j < maxCMapEntries; j++ {
						r.arr = append(r.arr, utf16BE(dst.Index(j).RawString()))
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
		default:
			if op == "endcidrange" || op == "endcidchar" {
				popSince(stk, mark)
			}
		}
	})
	if len(m.chars) == 0 && len(m.ranges) == 0 {
		return nil
	}
	return m
}

// lookup returns the text of code (n bytes long) and whether it is mapped.
func (m *toUnicode) lookup(n int, code uint32) (string, bool) {
	if s, ok := m.chars[codeKey{uint8(n), code}]; ok {
		return s, true
	}
	for _, r := range m.ranges {
		if int(r.n) != n || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		if len(r.dst) == 0 {
			return "", false
		}
		u := append([]uint16(nil), r.dst...)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}

// codeLen returns how many bytes the code starting at s takes according to
// the codespace ranges, or 0 when none matches.
func (m *toUnicode) codeLen(s string) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		c := codeOf(s[:n])
		for _, r := range m.spaces {
			if int(r.n) == n && c >= r.lo && c <= r.hi {
				return n
			}
		}
	}
	return 0
}

func popSince(stk *pdf.Stack, mark int) []pdf.Value {
	n := stk.Len() - mark
	if n < 0 {
		n = 0
	}
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	return args
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func utf16BE(s string) string {
	return string(utf16.Decode(utf16Units(s)))
}

// streamSize returns the decompressed size of a stream, or of an array of
// streams, reading at most limit+1 bytes. A stream the library cannot
// decode (an unknown filter, corrupt data) is an error.
func streamSize(v pdf.Value, limit int64) (n int64, err error) {
	defer recoverPDF(&err)
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && n <= limit; i++ {
			m, err := streamSize(v.Index(i), limit-n)
			n += m
			if err != nil {
				return n, err
			}
		}
		return n, nil
	}
	if v.Kind() != pdf.Stream {
		return 0, nil
	}
	rc := v.Reader()
	defer rc.Close()
	return io.Copy(io.Discard, io.LimitReader(rc, limit+1))
}
