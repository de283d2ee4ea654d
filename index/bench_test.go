package index

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchSentences are template sentences for generated plan pages; {x}
// slots are filled from benchWords.
var benchSentences = []string{
	"Det {adj} arbetet med {topic} ska stärkas i hela länet under {year}.",
	"{actor} ansvarar för att {topic} samordnas med {actor2} och {actor3}.",
	"Målet är att andelen {group} som får {support} ska öka till {num} procent.",
	"Kartläggningen visar att {group} har sämre tillgång till {topic} än andra grupper.",
	"En handlingsplan för {topic} tas fram tillsammans med {actor} och brukarorganisationer som NSPH.",
	"Uppföljning sker årligen genom indikatorer för {topic} och {support}.",
	"Särskilt fokus läggs på {group}, där psykisk ohälsa och {problem} ökar.",
	"Vård och omsorg ska ges på lika villkor, oavsett kön, ålder och bostadsort.",
	"{actor} erbjuder {support} till {group} i samverkan med {actor2}.",
	"Insatser för {topic} ska bygga på bästa tillgängliga kunskap och utvärderas.",
	"Under {year} genomfördes utbildningar i {topic} för personal inom {actor}.",
	"Barn och unga med {problem} ska få tidiga insatser från {actor}.",
	"Samverkan mellan regionen och kommunerna kring {topic} behöver utvecklas.",
	"Länets {actor} rapporterar att {problem} är vanligare bland {group}.",
	"Arbetet med {support} följs upp av den regionala samverkansgruppen.",
}

var benchWords = map[string][]string{
	"adj":     {"suicidpreventiva", "hälsofrämjande", "förebyggande", "länsgemensamma", "långsiktiga", "brukarnära"},
	"topic":   {"suicidprevention", "äldreomsorgen", "anhörigstöd", "psykiatrisk öppenvård", "elevhälsan", "missbruksvården", "socialpsykiatrin", "primärvården", "första hjälpen till psykisk hälsa", "traumavård", "våldsprevention", "föräldraskapsstöd", "ungdomsmottagningar", "arbetslivsinriktad rehabilitering"},
	"actor":   {"Regionen", "Kommunerna", "Socialtjänsten", "Barn- och ungdomspsykiatrin", "Elevhälsan", "Primärvården", "Länsstyrelsen", "Polisen", "Civilsamhället", "Skolan"},
	"actor2":  {"skolan", "socialtjänsten", "primärvården", "BUP", "vuxenpsykiatrin", "kommunernas äldreomsorg", "Försäkringskassan", "Arbetsförmedlingen"},
	"actor3":  {"civilsamhället", "brukarföreningar", "anhörigföreningar", "idrottsrörelsen", "trossamfund", "länets folkhögskolor"},
	"group":   {"äldre", "nyanlända", "unga vuxna", "barn i familjer med missbruk", "personer med funktionsnedsättning", "hbtq-personer", "samer", "ensamkommande barn", "anhöriga", "män i medelåldern", "flickor i högstadiet"},
	"support": {"samordnad individuell plan (SIP)", "stödsamtal", "anhörigstöd", "digitala insatser", "boendestöd", "sysselsättning", "peer support", "KBT via internet", "familjebehandling"},
	"problem": {"ångest", "depression", "självskadebeteende", "ensamhet", "riskbruk av alkohol", "sömnproblem", "skolfrånvaro", "suicidförsök"},
	"num":     {"50", "60", "75", "80", "90"},
	"year":    {"2016", "2017", "2018", "2019"},
}

var benchLans = []string{"Stockholm", "Uppsala", "Skåne", "Jämtland", "Dalarna", "Gävleborg", "Västerbotten", "Östergötland", "Norrbotten", "Halland"}

var benchSections = []string{"behovsanalys", "mal", "aktivitet", "uppfoljning", "organisation", "ovrigt"}

// benchPlan generates a plan of pages pages, two segments a page, about
// 2.5 kB of text a page.
func benchPlan(r *rand.Rand, id string, pages int) []Segment {
	lan := benchLans[r.IntN(len(benchLans))]
	year := 2016 + r.IntN(3)
	aud := []string{"vuxna", "barn_unga", "alla"}[r.IntN(3)]
	codes := []string{"malgrupp:aldre", "malgrupp:nyanlanda", "insats:suicidprevention", "insats:anhorigstod", "malgrupp:barn_unga"}
	var planCodes []string
	for _, c := range codes {
		if r.IntN(2) == 0 {
			planCodes = append(planCodes, c)
		}
	}
	var segs []Segment
	for p := 1; p <= pages; p++ {
		for s := 0; s < 2; s++ {
			var b strings.Builder
			for b.Len() < 1250 {
				b.WriteString(fill(r, benchSentences[r.IntN(len(benchSentences))]))
				b.WriteByte(' ')
			}
			segs = append(segs, Segment{
				PlanID: id, Lan: lan, Year: year, Audience: aud, Page: p, Codes: planCodes,
				Section: benchSections[r.IntN(len(benchSections))], Text: b.String(),
			})
		}
	}
	return segs
}

func fill(r *rand.Rand, tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl, '}')
		b.WriteString(tmpl[:i])
		ws := benchWords[tmpl[i+1:j]]
		b.WriteString(ws[r.IntN(len(ws))])
		tmpl = tmpl[j+1:]
	}
}

// benchSource generates plans of 8 pages on demand, the same for an id.
type benchSource struct{ plans int }

func (s benchSource) Fingerprints(context.Context) (map[string]string, error) {
	fps := make(map[string]string, s.plans)
	for i := range s.plans {
		fps[fmt.Sprintf("plan%04d", i)] = "fp"
	}
	return fps, nil
}

func (s benchSource) Segments(_ context.Context, id string) ([]Segment, error) {
	var n uint64
	fmt.Sscanf(id, "plan%d", &n)
	return benchPlan(rand.New(rand.NewPCG(1, n)), id, 8), nil
}

// benchIndex builds an index of plans plans of 8 pages in a temp dir with
// Sync, as a rebuild does (batches, then Compact).
func benchIndex(b *testing.B, plans int) *Index {
	b.Helper()
	dir := b.TempDir() + "/idx"
	ix, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	start := time.Now()
	st, err := Sync(context.Background(), ix, benchSource{plans}, nil)
	if err != nil {
		b.Fatal(err)
	}
	if plans < compactAfter {
		if err := ix.Compact(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("synced %d plans × 8 pages in %v, %.1f MB on disk", st.Added, time.Since(start).Round(time.Millisecond), float64(dirSize(dir))/1e6)
	return ix
}

// benchQueries is the mixed query set: terms, compound parts, phrases,
// operators and filters.
func benchQueries() []Request {
	return []Request{
		{Q: "suicid"},
		{Q: "anhörig"},
		{Q: "omsorg"},
		{Q: "prevention"},
		{Q: "nyanländas"},
		{Q: "samverkan"},
		{Q: `"psykisk ohälsa"`},
		{Q: `"barn och unga"`},
		{Q: `"samordnad individuell plan"`},
		{Q: "suicid anhörigstöd"},
		{Q: "ångest OR depression"},
		{Q: "elevhälsan -skolfrånvaro"},
		{Q: "suicid*"},
		{Q: "äldre", Lan: []string{"Skåne"}},
		{Q: "stöd", Year: []int{2017}, Audience: []string{"vuxna"}},
		{Q: "", Code: []string{"malgrupp:aldre"}, Section: []string{"mal"}},
		{Q: `"vård och omsorg" kön`},
		{Q: "depression", From: 40, Size: 20},
	}
}

// BenchmarkSearch reports p50 and p99 latency of the mixed query set on
// 20 and 500 generated plans; the indexes are built once, untimed.
func BenchmarkSearch(b *testing.B) {
	for _, plans := range []int{20, 500} {
		ix := benchIndex(b, plans)
		qs := benchQueries()
		b.Run(fmt.Sprintf("plans=%d", plans), func(b *testing.B) {
			// Thread CPU time needs the goroutine to stay on its thread.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			ctx := context.Background()
			walls := make([]time.Duration, 0, b.N)
			cpus := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				c0, ok0 := threadCPU()
				if _, err := ix.Search(ctx, qs[i%len(qs)]); err != nil {
					b.Fatal(err)
				}
				c1, ok1 := threadCPU()
				walls = append(walls, time.Since(t))
				if ok0 && ok1 {
					cpus = append(cpus, time.Duration(c1-c0))
				}
			}
			b.StopTimer()
			reportPercentiles(b, "", walls)
			reportPercentiles(b, "cpu-", cpus)
		})
	}
}

// reportPercentiles reports p50, p99 and max of durs in milliseconds.
// Wall times include waiting for a core; the cpu- ones (this thread's CPU
// time) do not, and read better on a shared machine.
func reportPercentiles(b *testing.B, prefix string, durs []time.Duration) {
	if len(durs) == 0 {
		return
	}
	slices.Sort(durs)
	at := func(p float64) float64 {
		return float64(durs[int(p*float64(len(durs)-1))]) / 1e6
	}
	b.ReportMetric(at(0.50), prefix+"p50-ms")
	b.ReportMetric(at(0.99), prefix+"p99-ms")
	b.ReportMetric(float64(durs[len(durs)-1])/1e6, prefix+"max-ms")
}

// BenchmarkIndexPlan measures replacing one 8-page plan (16 segments,
// about 20 kB) in an index that already holds 20 plans.
func BenchmarkIndexPlan(b *testing.B) {
	ix := benchIndex(b, 20)
	r := rand.New(rand.NewPCG(2, 2))
	plans := make([][]Segment, 8)
	bytes := 0
	for i := range plans {
		plans[i] = benchPlan(r, "bench", 8)
		for _, s := range plans[i] {
			bytes += len(s.Text)
		}
	}
	b.SetBytes(int64(bytes / len(plans)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := ix.IndexPlan(fmt.Sprintf("bench%d", i%8), "fp", plans[i%8]); err != nil {
			b.Fatal(err)
		}
	}
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
