package corpus

import (
	"strings"
	"testing"
)

func TestLansTable(t *testing.T) {
	ls := Lans()
	if len(ls) != 21 {
		t.Fatalf("len(Lans()) = %d; want 21", len(ls))
	}
	seen := map[string]bool{}
	for i, l := range ls {
		if len(l.Code) != 2 || !isDigits(l.Code) || seen[l.Code] {
			t.Errorf("%s: code %q is not two digits or repeats", l.Name, l.Code)
		}
		seen[l.Code] = true
		if i > 0 && ls[i-1].Code >= l.Code {
			t.Errorf("%s after %s: not ordered by code", l.Code, ls[i-1].Code)
		}
		if got, ok := LanByCode(l.Code); !ok || got != l {
			t.Errorf("LanByCode(%q) = %+v, %v; want %+v", l.Code, got, ok, l)
		}
		for _, in := range []string{l.Name, l.Code, l.Region, l.Name + "s län", strings.ToUpper(l.Name), foldASCII(l.Name)} {
			if got, err := ParseLan(in); err != nil || got != l {
				t.Errorf("ParseLan(%q) = %+v, %v; want %s", in, got, err, l.Name)
			}
		}
	}
	if names := LanNames(); len(names) != 21 || names[0] != "Stockholm" || names[20] != "Norrbotten" {
		t.Errorf("LanNames() = %v", names)
	}
}

func TestParseLan(t *testing.T) {
	tests := []struct {
		in, code, name string
	}{
		{"Jämtlands län", "23", "Jämtland"},
		{"Region Jämtland Härjedalen", "23", "Jämtland"},
		{"Region Jämtland-Härjedalen", "23", "Jämtland"},
		{"Region Jämtland–Härjedalen", "23", "Jämtland"},
		{"Jämtland/Härjedalen", "23", "Jämtland"},
		{"Region Jämtland Härjedalens", "23", "Jämtland"},
		{"Jamtland", "23", "Jämtland"},
		{"Skåne County", "12", "Skåne"},
		{"jämtland", "23", "Jämtland"},
		{"23", "23", "Jämtland"},
		{"Västra Götalandsregionen", "14", "Västra Götaland"},
		{"Västra Götalands län", "14", "Västra Götaland"},
		{"Region Västra Götaland", "14", "Västra Götaland"},
		{"VGR", "14", "Västra Götaland"},
		{"Region Sörmland", "04", "Södermanland"},
		{"Sörmland", "04", "Södermanland"},
		{"Södermanlands län", "04", "Södermanland"},
		{"Landstinget i Kalmar län", "08", "Kalmar"},
		{"Region Kalmar län", "08", "Kalmar"},
		{"Gotlands kommun", "09", "Gotland"},
		{"Region Gotland", "09", "Gotland"},
		{"Gotland", "09", "Gotland"},
		{"SKÅNE", "12", "Skåne"},
		{"skåne län", "12", "Skåne"},
		{"Skånes", "12", "Skåne"},
		{"Skane", "12", "Skåne"},
		{"3", "03", "Uppsala"},
		{"03", "03", "Uppsala"},
		{"Stockholms läns landsting", "01", "Stockholm"},
		{"Region Stockholm", "01", "Stockholm"},
		{"Örebro län", "18", "Örebro"},
		{"Region Örebro län", "18", "Örebro"},
		{"orebro", "18", "Örebro"},
		{"Region Jönköpings län", "06", "Jönköping"},
		{"Jönköpings län", "06", "Jönköping"},
		{"Dalarnas län", "20", "Dalarna"},
		{"Region Dalarna", "20", "Dalarna"},
		{"Landstinget Dalarna", "20", "Dalarna"},
		{"Länsstyrelsen i Gävleborgs län", "21", "Gävleborg"},
		{"  västernorrland  ", "22", "Västernorrland"},
		{"Norrbottens läns landsting", "25", "Norrbotten"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLan(tt.in)
			if err != nil {
				t.Fatalf("ParseLan(%q) error %v; want %s", tt.in, err, tt.name)
			}
			if got.Code != tt.code || got.Name != tt.name {
				t.Errorf("ParseLan(%q) = %+v; want %s %s", tt.in, got, tt.code, tt.name)
			}
		})
	}
}

func TestParseLanUnknown(t *testing.T) {
	for _, in := range []string{"Atlantis", "", "  ", "99", "Norge", "0", "00", "Region", "län", "kommun", "Östersund", "Jämtland Härjedalen Norge", "03s", "s", "Stockholm County Council"} {
		t.Run(in, func(t *testing.T) {
			l, err := ParseLan(in)
			if err == nil {
				t.Fatalf("ParseLan(%q) = %+v; want error", in, l)
			}
			if ErrorCode(err) != EUnknownLan {
				t.Fatalf("ParseLan(%q) code %q; want %q", in, ErrorCode(err), EUnknownLan)
			}
			msg := ErrorMessage(err)
			for _, name := range LanNames() {
				if !strings.Contains(msg, name) {
					t.Errorf("ParseLan(%q) message %q does not name %s", in, msg, name)
				}
			}
			if strings.TrimSpace(in) == "" && !strings.Contains(msg, "missing") {
				t.Errorf("ParseLan(%q) message %q; want it to say the county is missing", in, msg)
			}
		})
	}
}

func TestParseAudience(t *testing.T) {
	tests := []struct {
		in   string
		want Audience
	}{
		{"", AudienceAlla},
		{"  ", AudienceAlla},
		{"alla", AudienceAlla},
		{"ALLA", AudienceAlla},
		{"vuxna", AudienceVuxna},
		{"Vuxna", AudienceVuxna},
		{"vuxen", AudienceVuxna},
		{"barn_unga", AudienceBarnUnga},
		{"barn och unga", AudienceBarnUnga},
		{"Barn och Unga", AudienceBarnUnga},
		{"barn-unga", AudienceBarnUnga},
		{"barn unga", AudienceBarnUnga},
		{"barn-och-unga", AudienceBarnUnga},
		{"barn och ungdom", AudienceBarnUnga},
		{"unga", AudienceBarnUnga},
		{"barn", AudienceBarnUnga},
		{" barn_unga ", AudienceBarnUnga},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseAudience(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseAudience(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range []string{"äldre", "children", "vuxna och barn", "barn_", "alla2"} {
		t.Run("unknown/"+in, func(t *testing.T) {
			got, err := ParseAudience(in)
			if err == nil || ErrorCode(err) != EUnknownAudience {
				t.Fatalf("ParseAudience(%q) = %q, %v; want %s", in, got, err, EUnknownAudience)
			}
			msg := ErrorMessage(err)
			for _, a := range []Audience{AudienceVuxna, AudienceBarnUnga, AudienceAlla} {
				if !strings.Contains(msg, string(a)) {
					t.Errorf("ParseAudience(%q) message %q does not name %s", in, msg, a)
				}
			}
			if !strings.Contains(msg, in) {
				t.Errorf("ParseAudience(%q) message %q does not quote the input", in, msg)
			}
		})
	}
}

// FuzzParseLan checks that any input gives a county or an *Error with code
// EUnknownLan, and never panics.
func FuzzParseLan(f *testing.F) {
	for _, s := range []string{"Jämtlands län", "Region Jämtland–Härjedalen", "3", "03s", "", "s", "län", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLan(s)
		if err != nil {
			if ErrorCode(err) != EUnknownLan {
				t.Fatalf("ParseLan(%q) error %v; want %s", s, err, EUnknownLan)
			}
			return
		}
		if got, ok := LanByCode(l.Code); !ok || got != l {
			t.Fatalf("ParseLan(%q) = %+v, not in the table", s, l)
		}
	})
}
