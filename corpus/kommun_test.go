package corpus

import (
	"strings"
	"testing"
)

func TestKommunerTable(t *testing.T) {
	ks := Kommuner()
	if len(ks) != 290 {
		t.Fatalf("len(Kommuner()) = %d; want 290", len(ks))
	}
	lans := map[string]bool{}
	for _, l := range Lans() {
		lans[l.Code] = true
	}
	codes := map[string]bool{}
	names := map[string]bool{}
	for i, k := range ks {
		if len(k.Code) != 4 || !isDigits(k.Code) {
			t.Errorf("%s: code %q is not four digits", k.Name, k.Code)
		}
		if i > 0 && ks[i-1].Code >= k.Code {
			t.Errorf("%s (%s) after %s (%s): not ordered by code", k.Name, k.Code, ks[i-1].Name, ks[i-1].Code)
		}
		if codes[k.Code] {
			t.Errorf("code %s appears twice", k.Code)
		}
		codes[k.Code] = true
		if names[k.Name] {
			t.Errorf("name %s appears twice", k.Name)
		}
		names[k.Name] = true
		if k.LanCode != k.Code[:2] || !lans[k.LanCode] {
			t.Errorf("%s (%s): lan_code %q is not a county", k.Name, k.Code, k.LanCode)
		}
		if strings.TrimSpace(k.Name) != k.Name || k.Name == "" {
			t.Errorf("%s: bad name %q", k.Code, k.Name)
		}
	}
}

func TestKommunerPerLan(t *testing.T) {
	want := map[string]int{
		"Stockholm": 26, "Uppsala": 8, "Södermanland": 9, "Östergötland": 13,
		"Jönköping": 13, "Kronoberg": 8, "Kalmar": 12, "Gotland": 1,
		"Blekinge": 5, "Skåne": 33, "Halland": 6, "Västra Götaland": 49,
		"Värmland": 16, "Örebro": 12, "Västmanland": 10, "Dalarna": 15,
		"Gävleborg": 10, "Västernorrland": 7, "Jämtland": 8,
		"Västerbotten": 15, "Norrbotten": 14,
	}
	got := map[string]int{}
	for _, k := range Kommuner() {
		got[LanForKommun(k).Name]++
	}
	for _, l := range Lans() {
		t.Run(l.Name, func(t *testing.T) {
			if got[l.Name] != want[l.Name] || got[l.Name] == 0 {
				t.Errorf("%s has %d municipalities; want %d", l.Name, got[l.Name], want[l.Name])
			}
		})
	}
}

// TestKommunNamesParse checks that every municipality is found by its name,
// its code, its name in upper case, its name without å/ä/ö (unless that is
// another municipality's name) and as "<name>s kommun".
func TestKommunNamesParse(t *testing.T) {
	exact := map[string]bool{}
	for _, k := range Kommuner() {
		exact[strings.ToLower(k.Name)] = true
	}
	for _, k := range Kommuner() {
		inputs := []string{k.Name, k.Code, strings.ToUpper(k.Name), k.Name + " kommun", k.Name + "s kommun"}
		if f := foldASCII(strings.ToLower(k.Name)); !exact[f] {
			inputs = append(inputs, f)
		}
		for _, in := range inputs {
			got, err := ParseKommun(in)
			if err != nil || got.Code != k.Code {
				t.Errorf("ParseKommun(%q) = %+v, %v; want %s %s", in, got, err, k.Code, k.Name)
			}
		}
	}
}

func TestParseKommun(t *testing.T) {
	tests := []struct {
		in, code, name string
	}{
		{"Östersund", "2380", "Östersund"},
		{"Östersunds kommun", "2380", "Östersund"},
		{"östersund", "2380", "Östersund"},
		{"Ostersund", "2380", "Östersund"},
		{"OSTERSUNDS KOMMUN", "2380", "Östersund"},
		{"  Östersund  ", "2380", "Östersund"},
		{"2380", "2380", "Östersund"},
		{"0180", "0180", "Stockholm"},
		{"180", "0180", "Stockholm"},
		{"Stockholms stad", "0180", "Stockholm"},
		{"Göteborgs Stad", "1480", "Göteborg"},
		{"Goteborg", "1480", "Göteborg"},
		{"Gothenburg", "1480", "Göteborg"},
		{"Malmö stad", "1280", "Malmö"},
		{"Malung-Sälen", "2023", "Malung-Sälen"},
		{"Malung Sälen", "2023", "Malung-Sälen"},
		{"Malung-Sälens kommun", "2023", "Malung-Sälen"},
		{"malung-salen", "2023", "Malung-Sälen"},
		{"Upplands Väsby", "0114", "Upplands Väsby"},
		{"Upplands-Väsby", "0114", "Upplands Väsby"},
		{"upplands  väsby kommun", "0114", "Upplands Väsby"},
		{"Upplands-Bro", "0139", "Upplands-Bro"},
		{"Upplands Bro kommun", "0139", "Upplands-Bro"},
		{"Dals-Ed", "1438", "Dals-Ed"},
		{"Dals-Eds kommun", "1438", "Dals-Ed"},
		{"Lilla Edets kommun", "1462", "Lilla Edet"},
		{"Östra Göinge kommun", "1256", "Östra Göinge"},
		// Names that end in s must not lose it.
		{"Borås", "1490", "Borås"},
		{"Borås Stad", "1490", "Borås"},
		{"Boras", "1490", "Borås"},
		{"Vännäs", "2460", "Vännäs"},
		{"Vännäs kommun", "2460", "Vännäs"},
		{"Alingsås", "1489", "Alingsås"},
		{"Strängnäs kommun", "0486", "Strängnäs"},
		{"Höganäs", "1284", "Höganäs"},
		{"Bengtsfors", "1460", "Bengtsfors"},
		{"Hagfors kommun", "1783", "Hagfors"},
		{"Nässjö", "0682", "Nässjö"},
		{"Nässjö kommun", "0682", "Nässjö"},
		{"Marks kommun", "1463", "Mark"},
		{"Mark", "1463", "Mark"},
		{"Bergs kommun", "2326", "Berg"},
		// Gotland is both a county and a municipality with a region's name.
		{"Region Gotland", "0980", "Gotland"},
		{"Gotlands kommun", "0980", "Gotland"},
		{"Gotland", "0980", "Gotland"},
		{"Gotlands län", "0980", "Gotland"},
		{"09", "0980", "Gotland"},
		// Irregular genitive.
		{"Falu kommun", "2080", "Falun"},
		{"Falun", "2080", "Falun"},
		// Habo (Jönköping) and Håbo (Uppsala) differ only by å.
		{"Habo", "0643", "Habo"},
		{"Håbo", "0305", "Håbo"},
		{"Håbo kommun", "0305", "Håbo"},
		{"Habo kommun", "0643", "Habo"},
		{"Åre", "2321", "Åre"},
		{"Are", "2321", "Åre"},
		{"Umeå kommun", "2480", "Umeå"},
		{"Härjedalens kommun", "2361", "Härjedalen"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseKommun(tt.in)
			if err != nil {
				t.Fatalf("ParseKommun(%q) error %v; want %s", tt.in, err, tt.code)
			}
			if got.Code != tt.code || got.Name != tt.name || got.LanCode != tt.code[:2] {
				t.Errorf("ParseKommun(%q) = %+v; want %s %s", tt.in, got, tt.code, tt.name)
			}
		})
	}
}

func TestParseKommunUnknown(t *testing.T) {
	tests := []struct {
		in string
		// suggest must appear in the message; absent must not.
		suggest []string
		absent  []string
	}{
		{"", []string{"missing", "four-digit code"}, nil},
		{"Atlantis", []string{"Unknown municipality", "four-digit code"}, []string{"Stockholm, "}},
		{"Östersundd", []string{"did you mean Östersund"}, nil},
		{"Ostersnd", []string{"Östersund"}, nil},
		{"Upplands", []string{"Upplands Väsby", "Upplands-Bro"}, nil},
		{"Göteborgg", []string{"Göteborg"}, nil},
		{"Sundsval", []string{"Sundsvall"}, nil},
		{"Jämtland", []string{"is a county", "not a municipality"}, nil},
		{"Stockholms län", []string{"is a county (län, Stockholm)"}, nil},
		{"Väsby", []string{"did you mean Upplands Väsby"}, nil},
		{"Sälen", []string{"did you mean Malung-Sälen"}, nil},
		{"Ed", []string{"did you mean Dals-Ed"}, nil},
		{"9999", []string{"Unknown municipality code", "four digits"}, nil},
		{"0100", []string{"Unknown municipality code"}, nil},
		{"12345", []string{"Unknown municipality"}, nil},
		{"Region", []string{"Unknown municipality"}, nil},
		{"kommun", []string{"Unknown municipality"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			k, err := ParseKommun(tt.in)
			if err == nil {
				t.Fatalf("ParseKommun(%q) = %+v; want error", tt.in, k)
			}
			if ErrorCode(err) != EUnknownKommun {
				t.Fatalf("ParseKommun(%q) code %q; want %q", tt.in, ErrorCode(err), EUnknownKommun)
			}
			msg := ErrorMessage(err)
			for _, s := range tt.suggest {
				if !strings.Contains(msg, s) {
					t.Errorf("ParseKommun(%q) message %q lacks %q", tt.in, msg, s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(msg, s) {
					t.Errorf("ParseKommun(%q) message %q has %q", tt.in, msg, s)
				}
			}
			if n := strings.Count(msg, ", ") + 1; strings.Contains(msg, "did you mean") && n > 6 {
				t.Errorf("ParseKommun(%q) suggests too many: %q", tt.in, msg)
			}
		})
	}
}

func TestKommunByCode(t *testing.T) {
	for _, k := range Kommuner() {
		got, ok := KommunByCode(k.Code)
		if !ok || got != k {
			t.Errorf("KommunByCode(%q) = %+v, %v; want %+v", k.Code, got, ok, k)
		}
	}
	for _, code := range []string{"", "0", "0000", "0181x", "2599"} {
		if got, ok := KommunByCode(code); ok {
			t.Errorf("KommunByCode(%q) = %+v; want none", code, got)
		}
	}
}

func TestLanForKommun(t *testing.T) {
	tests := []struct{ kommun, lan string }{
		{"Östersund", "Jämtland"},
		{"Göteborg", "Västra Götaland"},
		{"Gotland", "Gotland"},
		{"Stockholm", "Stockholm"},
		{"Kiruna", "Norrbotten"},
		{"Håbo", "Uppsala"},
		{"Habo", "Jönköping"},
		{"Lekeberg", "Örebro"},
	}
	for _, tt := range tests {
		t.Run(tt.kommun, func(t *testing.T) {
			k, err := ParseKommun(tt.kommun)
			if err != nil {
				t.Fatal(err)
			}
			if got := LanForKommun(k).Name; got != tt.lan {
				t.Errorf("LanForKommun(%s) = %q; want %q", tt.kommun, got, tt.lan)
			}
		})
	}
	if got := LanForKommun(Kommun{}); got != (Lan{}) {
		t.Errorf("LanForKommun(Kommun{}) = %+v; want zero", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3},
		{"östersund", "ostersund", 1}, {"umeå", "umea", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzParseKommun checks that any input gives a municipality from the table
// or an *Error with code EUnknownKommun, and never panics.
func FuzzParseKommun(f *testing.F) {
	for _, s := range []string{"Östersunds kommun", "Borås", "Region Gotland", "0180", "180", "", "s", "Håbo", "Upplands-Väsby", "Ö", "\xff", "Jämtland"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKommun(s)
		if err != nil {
			if ErrorCode(err) != EUnknownKommun {
				t.Fatalf("ParseKommun(%q) error %v; want %s", s, err, EUnknownKommun)
			}
			return
		}
		if got, ok := KommunByCode(k.Code); !ok || got != k {
			t.Fatalf("ParseKommun(%q) = %+v, not in the table", s, k)
		}
	})
}
