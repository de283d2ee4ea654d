package corpus

import (
	"strings"
	"unicode"
)

// Lan is a Swedish county (län) with its official two-digit code and the
// short canonical name used in the API ("Västra Götaland", not
// "Västra Götalands län").
type Lan struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Region is the name of the regional authority, as plans write it.
	Region string `json:"region"`
}

// lanTable lists the 21 counties. aliases are extra normalised keys that
// people write (see normaliseLanKey) beyond the name, its genitive and the
// region name.
var lanTable = []struct {
	Lan
	aliases []string
}{
	{Lan{"01", "Stockholm", "Region Stockholm"}, []string{"stockholms lans landsting", "sll"}},
	{Lan{"03", "Uppsala", "Region Uppsala"}, nil},
	{Lan{"04", "Södermanland", "Region Sörmland"}, []string{"sormland", "sormlands"}},
	{Lan{"05", "Östergötland", "Region Östergötland"}, nil},
	{Lan{"06", "Jönköping", "Region Jönköpings län"}, nil},
	{Lan{"07", "Kronoberg", "Region Kronoberg"}, nil},
	{Lan{"08", "Kalmar", "Region Kalmar län"}, nil},
	{Lan{"09", "Gotland", "Region Gotland"}, nil},
	{Lan{"10", "Blekinge", "Region Blekinge"}, nil},
	{Lan{"12", "Skåne", "Region Skåne"}, nil},
	{Lan{"13", "Halland", "Region Halland"}, nil},
	{Lan{"14", "Västra Götaland", "Västra Götalandsregionen"}, []string{"vastra gotalandsregionen", "vgr", "vastra gotalandsregion"}},
	{Lan{"17", "Värmland", "Region Värmland"}, nil},
	{Lan{"18", "Örebro", "Region Örebro län"}, nil},
	{Lan{"19", "Västmanland", "Region Västmanland"}, nil},
	{Lan{"20", "Dalarna", "Region Dalarna"}, []string{"dalarnas"}},
	{Lan{"21", "Gävleborg", "Region Gävleborg"}, nil},
	{Lan{"22", "Västernorrland", "Region Västernorrland"}, nil},
	{Lan{"23", "Jämtland", "Region Jämtland Härjedalen"}, []string{"jamtland harjedalen", "jamtlands lans landsting"}},
	{Lan{"24", "Västerbotten", "Region Västerbotten"}, nil},
	{Lan{"25", "Norrbotten", "Region Norrbotten"}, nil},
}

// Lans returns the 21 counties ordered by code.
func Lans() []Lan {
	out := make([]Lan, len(lanTable))
	for i, l := range lanTable {
		out[i] = l.Lan
	}
	return out
}

// LanNames returns the canonical county names ordered by code.
func LanNames() []string {
	out := make([]string, len(lanTable))
	for i, l := range lanTable {
		out[i] = l.Name
	}
	return out
}

var lanIndex = buildLanIndex()

func buildLanIndex() map[string]Lan {
	idx := map[string]Lan{}
	for _, l := range lanTable {
		idx[l.Code] = l.Lan
		n := normaliseLanKey(l.Name)
		idx[n] = l.Lan
		idx[n+"s"] = l.Lan
		idx[normaliseLanKey(l.Region)] = l.Lan
		for _, a := range l.aliases {
			idx[a] = l.Lan
		}
	}
	return idx
}

// ParseLan finds the county that s names: the canonical name, the name with
// or without "län", the region's name ("Region Jämtland Härjedalen",
// "Västra Götalandsregionen", "Landstinget i Kalmar län", "Gotlands
// kommun"), in any case, with or without å/ä/ö, or the two-digit code
// ("23", also "3" for "03"). An unknown county is an *Error with code
// EUnknownLan whose message names the valid ones.
func ParseLan(s string) (Lan, error) {
	key := normaliseLanKey(s)
	if len(key) == 1 && key[0] >= '0' && key[0] <= '9' {
		key = "0" + key
	}
	if l, ok := lanIndex[key]; ok && key != "" {
		return l, nil
	}
	// A genitive the index lacks ("Region Jämtland Härjedalens"); no
	// county's name ends in s, so this cannot take one for another.
	if l, ok := lanIndex[strings.TrimSuffix(key, "s")]; ok && len(key) > 2 && !isDigits(key[:1]) {
		return l, nil
	}
	if strings.TrimSpace(s) == "" {
		return Lan{}, Errorf(EUnknownLan, "The county (lan) is missing: give one of %s, or its two-digit code.", strings.Join(LanNames(), ", "))
	}
	return Lan{}, Errorf(EUnknownLan, "Unknown county %q: give one of %s, or its two-digit code.", s, strings.Join(LanNames(), ", "))
}

// LanByCode returns the county with the two-digit code, if any.
func LanByCode(code string) (Lan, bool) {
	for _, l := range lanTable {
		if l.Code == code {
			return l.Lan, true
		}
	}
	return Lan{}, false
}

// normaliseLanKey lower-cases, folds å/ä/ö/é to ASCII, turns dashes and
// slashes into spaces, collapses spaces and drops the words that vary around
// a county's name.
func normaliseLanKey(s string) string {
	s = dashesToSpace.Replace(strings.ToLower(s))
	s = strings.Join(strings.Fields(foldASCII(s)), " ")
	for _, p := range []string{"region ", "regionen ", "landstinget i ", "landstinget ", "lansstyrelsen i "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{" lans landsting", " lan", " kommun", " region", " landsting", " county"} {
		if strings.HasSuffix(s, suf) && s != strings.TrimSpace(suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	return s
}

// dashesToSpace lets "Jämtland-Härjedalen", "Jämtland–Härjedalen" and
// "Jämtland/Härjedalen" meet "Jämtland Härjedalen".
var dashesToSpace = strings.NewReplacer("-", " ", "\u2013", " ", "\u2014", " ", "/", " ", "_", " ")

// foldASCII maps å, ä → a, ö → o, é → e and drops other non-ASCII marks, so
// that "Jamtland" and "Jämtland" meet. It is also how codebook identifiers
// are formed.
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'å', 'ä', 'à', 'á':
			b.WriteRune('a')
		case 'Å', 'Ä':
			b.WriteRune('A')
		case 'ö', 'ø', 'ó':
			b.WriteRune('o')
		case 'Ö':
			b.WriteRune('O')
		case 'é', 'è', 'ë':
			b.WriteRune('e')
		case 'ü':
			b.WriteRune('u')
		default:
			if r < unicode.MaxASCII {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
