package corpus

import (
	"slices"
	"strings"
)

// Kommun is a Swedish municipality with its official four-digit code
// (kommunkod, as SCB assigns it); the first two digits are its county's code.
type Kommun struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	LanCode string `json:"lan_code"`
}

// kommunTable lists the 290 municipalities ordered by code, with the names
// the municipalities use for themselves ("Upplands Väsby", "Upplands-Bro",
// "Malung-Sälen", "Dals-Ed").
var kommunTable = [...]struct{ code, name string }{
	// 01 Stockholm (26)
	{"0114", "Upplands Väsby"}, {"0115", "Vallentuna"}, {"0117", "Österåker"},
	{"0120", "Värmdö"}, {"0123", "Järfälla"}, {"0125", "Ekerö"},
	{"0126", "Huddinge"}, {"0127", "Botkyrka"}, {"0128", "Salem"},
	{"0136", "Haninge"}, {"0138", "Tyresö"}, {"0139", "Upplands-Bro"},
	{"0140", "Nykvarn"}, {"0160", "Täby"}, {"0162", "Danderyd"},
	{"0163", "Sollentuna"}, {"0180", "Stockholm"}, {"0181", "Södertälje"},
	{"0182", "Nacka"}, {"0183", "Sundbyberg"}, {"0184", "Solna"},
	{"0186", "Lidingö"}, {"0187", "Vaxholm"}, {"0188", "Norrtälje"},
	{"0191", "Sigtuna"}, {"0192", "Nynäshamn"},
	// 03 Uppsala (8)
	{"0305", "Håbo"}, {"0319", "Älvkarleby"}, {"0330", "Knivsta"},
	{"0331", "Heby"}, {"0360", "Tierp"}, {"0380", "Uppsala"},
	{"0381", "Enköping"}, {"0382", "Östhammar"},
	// 04 Södermanland (9)
	{"0428", "Vingåker"}, {"0461", "Gnesta"}, {"0480", "Nyköping"},
	{"0481", "Oxelösund"}, {"0482", "Flen"}, {"0483", "Katrineholm"},
	{"0484", "Eskilstuna"}, {"0486", "Strängnäs"}, {"0488", "Trosa"},
	// 05 Östergötland (13)
	{"0509", "Ödeshög"}, {"0512", "Ydre"}, {"0513", "Kinda"},
	{"0560", "Boxholm"}, {"0561", "Åtvidaberg"}, {"0562", "Finspång"},
	{"0563", "Valdemarsvik"}, {"0580", "Linköping"}, {"0581", "Norrköping"},
	{"0582", "Söderköping"}, {"0583", "Motala"}, {"0584", "Vadstena"},
	{"0586", "Mjölby"},
	// 06 Jönköping (13)
	{"0604", "Aneby"}, {"0617", "Gnosjö"}, {"0642", "Mullsjö"},
	{"0643", "Habo"}, {"0662", "Gislaved"}, {"0665", "Vaggeryd"},
	{"0680", "Jönköping"}, {"0682", "Nässjö"}, {"0683", "Värnamo"},
	{"0684", "Sävsjö"}, {"0685", "Vetlanda"}, {"0686", "Eksjö"},
	{"0687", "Tranås"},
	// 07 Kronoberg (8)
	{"0760", "Uppvidinge"}, {"0761", "Lessebo"}, {"0763", "Tingsryd"},
	{"0764", "Alvesta"}, {"0765", "Älmhult"}, {"0767", "Markaryd"},
	{"0780", "Växjö"}, {"0781", "Ljungby"},
	// 08 Kalmar (12)
	{"0821", "Högsby"}, {"0834", "Torsås"}, {"0840", "Mörbylånga"},
	{"0860", "Hultsfred"}, {"0861", "Mönsterås"}, {"0862", "Emmaboda"},
	{"0880", "Kalmar"}, {"0881", "Nybro"}, {"0882", "Oskarshamn"},
	{"0883", "Västervik"}, {"0884", "Vimmerby"}, {"0885", "Borgholm"},
	// 09 Gotland (1)
	{"0980", "Gotland"},
	// 10 Blekinge (5)
	{"1060", "Olofström"}, {"1080", "Karlskrona"}, {"1081", "Ronneby"},
	{"1082", "Karlshamn"}, {"1083", "Sölvesborg"},
	// 12 Skåne (33)
	{"1214", "Svalöv"}, {"1230", "Staffanstorp"}, {"1231", "Burlöv"},
	{"1233", "Vellinge"}, {"1256", "Östra Göinge"}, {"1257", "Örkelljunga"},
	{"1260", "Bjuv"}, {"1261", "Kävlinge"}, {"1262", "Lomma"},
	{"1263", "Svedala"}, {"1264", "Skurup"}, {"1265", "Sjöbo"},
	{"1266", "Hörby"}, {"1267", "Höör"}, {"1270", "Tomelilla"},
	{"1272", "Bromölla"}, {"1273", "Osby"}, {"1275", "Perstorp"},
	{"1276", "Klippan"}, {"1277", "Åstorp"}, {"1278", "Båstad"},
	{"1280", "Malmö"}, {"1281", "Lund"}, {"1282", "Landskrona"},
	{"1283", "Helsingborg"}, {"1284", "Höganäs"}, {"1285", "Eslöv"},
	{"1286", "Ystad"}, {"1287", "Trelleborg"}, {"1290", "Kristianstad"},
	{"1291", "Simrishamn"}, {"1292", "Ängelholm"}, {"1293", "Hässleholm"},
	// 13 Halland (6)
	{"1315", "Hylte"}, {"1380", "Halmstad"}, {"1381", "Laholm"},
	{"1382", "Falkenberg"}, {"1383", "Varberg"}, {"1384", "Kungsbacka"},
	// 14 Västra Götaland (49)
	{"1401", "Härryda"}, {"1402", "Partille"}, {"1407", "Öckerö"},
	{"1415", "Stenungsund"}, {"1419", "Tjörn"}, {"1421", "Orust"},
	{"1427", "Sotenäs"}, {"1430", "Munkedal"}, {"1435", "Tanum"},
	{"1438", "Dals-Ed"}, {"1439", "Färgelanda"}, {"1440", "Ale"},
	{"1441", "Lerum"}, {"1442", "Vårgårda"}, {"1443", "Bollebygd"},
	{"1444", "Grästorp"}, {"1445", "Essunga"}, {"1446", "Karlsborg"},
	{"1447", "Gullspång"}, {"1452", "Tranemo"}, {"1460", "Bengtsfors"},
	{"1461", "Mellerud"}, {"1462", "Lilla Edet"}, {"1463", "Mark"},
	{"1465", "Svenljunga"}, {"1466", "Herrljunga"}, {"1470", "Vara"},
	{"1471", "Götene"}, {"1472", "Tibro"}, {"1473", "Töreboda"},
	{"1480", "Göteborg"}, {"1481", "Mölndal"}, {"1482", "Kungälv"},
	{"1484", "Lysekil"}, {"1485", "Uddevalla"}, {"1486", "Strömstad"},
	{"1487", "Vänersborg"}, {"1488", "Trollhättan"}, {"1489", "Alingsås"},
	{"1490", "Borås"}, {"1491", "Ulricehamn"}, {"1492", "Åmål"},
	{"1493", "Mariestad"}, {"1494", "Lidköping"}, {"1495", "Skara"},
	{"1496", "Skövde"}, {"1497", "Hjo"}, {"1498", "Tidaholm"},
	{"1499", "Falköping"},
	// 17 Värmland (16)
	{"1715", "Kil"}, {"1730", "Eda"}, {"1737", "Torsby"},
	{"1760", "Storfors"}, {"1761", "Hammarö"}, {"1762", "Munkfors"},
	{"1763", "Forshaga"}, {"1764", "Grums"}, {"1765", "Årjäng"},
	{"1766", "Sunne"}, {"1780", "Karlstad"}, {"1781", "Kristinehamn"},
	{"1782", "Filipstad"}, {"1783", "Hagfors"}, {"1784", "Arvika"},
	{"1785", "Säffle"},
	// 18 Örebro (12)
	{"1814", "Lekeberg"}, {"1860", "Laxå"}, {"1861", "Hallsberg"},
	{"1862", "Degerfors"}, {"1863", "Hällefors"}, {"1864", "Ljusnarsberg"},
	{"1880", "Örebro"}, {"1881", "Kumla"}, {"1882", "Askersund"},
	{"1883", "Karlskoga"}, {"1884", "Nora"}, {"1885", "Lindesberg"},
	// 19 Västmanland (10)
	{"1904", "Skinnskatteberg"}, {"1907", "Surahammar"}, {"1960", "Kungsör"},
	{"1961", "Hallstahammar"}, {"1962", "Norberg"}, {"1980", "Västerås"},
	{"1981", "Sala"}, {"1982", "Fagersta"}, {"1983", "Köping"},
	{"1984", "Arboga"},
	// 20 Dalarna (15)
	{"2021", "Vansbro"}, {"2023", "Malung-Sälen"}, {"2026", "Gagnef"},
	{"2029", "Leksand"}, {"2031", "Rättvik"}, {"2034", "Orsa"},
	{"2039", "Älvdalen"}, {"2061", "Smedjebacken"}, {"2062", "Mora"},
	{"2080", "Falun"}, {"2081", "Borlänge"}, {"2082", "Säter"},
	{"2083", "Hedemora"}, {"2084", "Avesta"}, {"2085", "Ludvika"},
	// 21 Gävleborg (10)
	{"2101", "Ockelbo"}, {"2104", "Hofors"}, {"2121", "Ovanåker"},
	{"2132", "Nordanstig"}, {"2161", "Ljusdal"}, {"2180", "Gävle"},
	{"2181", "Sandviken"}, {"2182", "Söderhamn"}, {"2183", "Bollnäs"},
	{"2184", "Hudiksvall"},
	// 22 Västernorrland (7)
	{"2260", "Ånge"}, {"2262", "Timrå"}, {"2280", "Härnösand"},
	{"2281", "Sundsvall"}, {"2282", "Kramfors"}, {"2283", "Sollefteå"},
	{"2284", "Örnsköldsvik"},
	// 23 Jämtland (8)
	{"2303", "Ragunda"}, {"2305", "Bräcke"}, {"2309", "Krokom"},
	{"2313", "Strömsund"}, {"2321", "Åre"}, {"2326", "Berg"},
	{"2361", "Härjedalen"}, {"2380", "Östersund"},
	// 24 Västerbotten (15)
	{"2401", "Nordmaling"}, {"2403", "Bjurholm"}, {"2404", "Vindeln"},
	{"2409", "Robertsfors"}, {"2417", "Norsjö"}, {"2418", "Malå"},
	{"2421", "Storuman"}, {"2422", "Sorsele"}, {"2425", "Dorotea"},
	{"2460", "Vännäs"}, {"2462", "Vilhelmina"}, {"2463", "Åsele"},
	{"2480", "Umeå"}, {"2481", "Lycksele"}, {"2482", "Skellefteå"},
	// 25 Norrbotten (14)
	{"2505", "Arvidsjaur"}, {"2506", "Arjeplog"}, {"2510", "Jokkmokk"},
	{"2513", "Överkalix"}, {"2514", "Kalix"}, {"2518", "Övertorneå"},
	{"2521", "Pajala"}, {"2523", "Gällivare"}, {"2560", "Älvsbyn"},
	{"2580", "Luleå"}, {"2581", "Piteå"}, {"2582", "Boden"},
	{"2583", "Haparanda"}, {"2584", "Kiruna"},
}

// kommunAliases are normalised keys (see normaliseKommunKey) that people
// write for a municipality beyond its name and genitive: irregular
// genitives ("Falu kommun") and short or foreign forms.
var kommunAliases = map[string]string{
	"falu":       "2080",
	"gothenburg": "1480",
	"malung":     "2023",
}

// Kommuner returns the 290 municipalities ordered by code.
func Kommuner() []Kommun {
	out := make([]Kommun, len(kommunTable))
	for i, k := range kommunTable {
		out[i] = Kommun{Code: k.code, Name: k.name, LanCode: k.code[:2]}
	}
	return out
}

// kommunerIn returns the municipalities of the county with the code.
func kommunerIn(lanCode string) []Kommun {
	var out []Kommun
	for _, k := range Kommuner() {
		if k.LanCode == lanCode {
			out = append(out, k)
		}
	}
	return out
}

// KommunByCode returns the municipality with the four-digit code, if any.
func KommunByCode(code string) (Kommun, bool) {
	i, ok := slices.BinarySearchFunc(kommunTable[:], code, func(e struct{ code, name string }, c string) int {
		return strings.Compare(e.code, c)
	})
	if !ok {
		return Kommun{}, false
	}
	return Kommun{Code: kommunTable[i].code, Name: kommunTable[i].name, LanCode: code[:2]}, true
}

// LanForKommun returns the county the municipality lies in, or the zero Lan
// for a Kommun that did not come from this package.
func LanForKommun(k Kommun) Lan {
	l, _ := LanByCode(k.LanCode)
	return l
}

// kommunKeys maps normalised names to codes. exact keeps å/ä/ö, so that
// "Habo" and "Håbo" stay apart; folded is the ASCII form, where a key that
// two municipalities share maps to "" (ambiguous).
type kommunKeys struct {
	exact, folded map[string]string
}

var kommunIndex = buildKommunIndex()

func buildKommunIndex() kommunKeys {
	idx := kommunKeys{exact: map[string]string{}, folded: map[string]string{}}
	for _, k := range kommunTable {
		key := normaliseKommunKey(k.name)
		idx.exact[key] = k.code
		f := foldASCII(key)
		if c, dup := idx.folded[f]; dup && c != k.code {
			idx.folded[f] = ""
		} else {
			idx.folded[f] = k.code
		}
	}
	for a, code := range kommunAliases {
		idx.exact[a] = code
		idx.folded[a] = code
	}
	return idx
}

// lookup returns the code for a normalised key: exact first, then folded.
// ambiguous lists the names when the folded key belongs to several.
func (idx kommunKeys) lookup(key string) (code string, ambiguous []string) {
	if c, ok := idx.exact[key]; ok {
		return c, nil
	}
	f := foldASCII(key)
	c, ok := idx.folded[f]
	if !ok {
		return "", nil
	}
	if c != "" {
		return c, nil
	}
	for _, k := range kommunTable {
		if foldASCII(normaliseKommunKey(k.name)) == f {
			ambiguous = append(ambiguous, k.name+" ("+k.code+")")
		}
	}
	return "", ambiguous
}

// ParseKommun finds the municipality that s names: its name in any case,
// with or without å/ä/ö, hyphens or a trailing "kommun"/"stad" in the
// genitive ("Östersunds kommun", "Göteborgs Stad", "Region Gotland",
// "Gotlands län", "Falu kommun"), or its four-digit code ("2380"; "180"
// for "0180"). A name without å/ä/ö that is itself a municipality's name
// means that one ("Habo" is Habo, not Håbo). An unknown name is an *Error
// with code EUnknownKommun that suggests up to five close names, or says
// that s is a county.
func ParseKommun(s string) (Kommun, error) {
	key := normaliseKommunKey(s)
	if isDigits(key) && (len(key) == 3 || len(key) == 4) {
		if k, ok := KommunByCode(strings.Repeat("0", 4-len(key)) + key); ok {
			return k, nil
		}
		return Kommun{}, Errorf(EUnknownKommun, "Unknown municipality code %q: a kommunkod has four digits, the first two the county's (e.g. 2380 for Östersund).", s)
	}
	if key == "" {
		return Kommun{}, Errorf(EUnknownKommun, "The municipality (kommun) is missing: give its name (e.g. Östersund) or its four-digit code (e.g. 2380).")
	}
	code, amb := kommunIndex.lookup(key)
	// The genitive s ("Östersunds kommun") is only stripped when the whole
	// key is unknown, so that Borås, Vännäs and Alingsås stay whole.
	if code == "" && amb == nil && strings.HasSuffix(key, "s") {
		code, amb = kommunIndex.lookup(strings.TrimSuffix(key, "s"))
	}
	if code != "" {
		k, _ := KommunByCode(code)
		return k, nil
	}
	if amb != nil {
		return Kommun{}, Errorf(EUnknownKommun, "Ambiguous municipality %q: write it with å/ä/ö (%s) or give its four-digit code.", s, strings.Join(amb, " or "))
	}
	hint := "give a municipality's name (e.g. Östersund) or its four-digit code (e.g. 2380)"
	if l, err := ParseLan(s); err == nil {
		// Gotland is county and municipality in one.
		if ks := kommunerIn(l.Code); len(ks) == 1 {
			return ks[0], nil
		}
		return Kommun{}, Errorf(EUnknownKommun, "%q is a county (län, %s), not a municipality: %s.", s, l.Name, hint)
	}
	if near := nearKommuner(key, 5); len(near) > 0 {
		return Kommun{}, Errorf(EUnknownKommun, "Unknown municipality %q: did you mean %s? Otherwise %s.", s, strings.Join(near, ", "), hint)
	}
	return Kommun{}, Errorf(EUnknownKommun, "Unknown municipality %q: %s.", s, hint)
}

// nearKommuner returns up to most municipality names close to key: within a
// small edit distance of the folded name, starting with key, or having key
// as one of its words; the closest first.
func nearKommuner(key string, most int) []string {
	f := foldASCII(key)
	n := len([]rune(f))
	limit := 1 + n/4
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, k := range kommunTable {
		name := foldASCII(normaliseKommunKey(k.name))
		d := editDistance(f, name)
		if n >= 3 && strings.HasPrefix(name, f) {
			d = min(d, 1)
		}
		// "Väsby", "Sälen" and "Ed" are parts of two-word names.
		if slices.Contains(strings.Fields(name), f) {
			d = 0
		}
		if d <= limit {
			cands = append(cands, cand{k.name, d})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.dist - b.dist })
	out := make([]string, 0, most)
	for i := 0; i < len(cands) && i < most; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// normaliseKommunKey lower-cases, turns hyphens into spaces, collapses
// spaces and drops the words around a municipality's name ("Region
// Gotland", "Östersunds kommun", "Göteborgs Stad"). It keeps å/ä/ö: the
// index folds separately, since Habo and Håbo are two municipalities.
func normaliseKommunKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = dashesToSpace.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if strings.HasPrefix(s, "region ") {
		s = strings.TrimPrefix(s, "region ")
	}
	for _, suf := range []string{" kommun", " stad", " municipality", " kommune"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	return s
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
