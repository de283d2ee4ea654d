package compare

import (
	"testing"
	"time"

	"github.com/plankoll/plankoll/corpus"
)

func TestPick(t *testing.T) {
	later := plan("j18v-new", "Jämtland", 2018, "vuxna")
	later.UploadedAt = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	kommun := plan("k17", "Skåne", 2017, "vuxna")
	kommun.Kommun = "Malmö"
	plans := []corpus.Plan{
		plan("j17v", "Jämtland", 2017, "vuxna"), plan("j17b", "Jämtland", 2017, "barn_unga"),
		plan("j18v", "Jämtland", 2018, "vuxna"), plan("j18b", "Jämtland", 2018, "barn_unga"), later,
		plan("s17a", "Skåne", 2017, "alla"), plan("s18v", "Skåne", 2018, "vuxna"), kommun,
		plan("g17v", "Gotland", 2017, "vuxna"), plan("g18b", "Gotland", 2018, "barn_unga"),
		plan("u16a", "Uppsala", 2016, "alla"),
	}
	tests := []struct {
		name, lan string
		from, to  int
		audience  string
		wantA     string
		wantB     string
		wantCode  string
		wantMsg   string
	}{
		{name: "two audiences, none asked: vuxna with vuxna, last upload", lan: "Jämtland", from: 2017, to: 2018, wantA: "j17v", wantB: "j18v-new"},
		{name: "barn_unga asked", lan: "23", from: 2017, to: 2018, audience: "barn_unga", wantA: "j17b", wantB: "j18b"},
		{name: "alla plan with vuxna plan", lan: "Region Skåne", from: 2017, to: 2018, wantA: "s17a", wantB: "s18v"},
		{name: "vuxna asked, alla plan stands in", lan: "Skåne", from: 2017, to: 2018, audience: "vuxna", wantA: "s17a", wantB: "s18v"},
		{name: "reverse direction", lan: "Skåne", from: 2018, to: 2017, wantA: "s18v", wantB: "s17a"},
		{name: "no common audience", lan: "Gotland", from: 2017, to: 2018, wantCode: corpus.ENotFound,
			wantMsg: "Gotland has plans for 2017 and 2018, but not for the same audience. Plans for Gotland: 2017 (vuxna), 2018 (barn_unga)."},
		{name: "both years missing", lan: "Uppsala", from: 2017, to: 2018, wantCode: corpus.ENotFound,
			wantMsg: "No plan for Uppsala 2017 or 2018. Plans for Uppsala: 2016 (alla)."},
		{name: "one year missing for audience", lan: "Jämtland", from: 2016, to: 2018, audience: "vuxna", wantCode: corpus.ENotFound,
			wantMsg: "No plan for Jämtland 2016 for vuxna. Plans for Jämtland: 2017 (vuxna, barn_unga), 2018 (vuxna, barn_unga)."},
		{name: "asked audience missing on one side", lan: "Gotland", from: 2017, to: 2018, audience: "vuxna", wantCode: corpus.ENotFound,
			wantMsg: "No plan for Gotland 2018 for vuxna. Plans for Gotland: 2017 (vuxna), 2018 (barn_unga)."},
		{name: "county without plans", lan: "Halland", from: 2017, to: 2018, wantCode: corpus.ENotFound,
			wantMsg: "No plans for Halland have been uploaded."},
		{name: "unknown county", lan: "Atlantis", from: 2017, to: 2018, wantCode: corpus.EUnknownLan},
		{name: "unknown audience", lan: "Skåne", from: 2017, to: 2018, audience: "pensionärer", wantCode: corpus.EUnknownAudience},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, err := Pick(plans, tt.lan, tt.from, tt.to, tt.audience)
			if tt.wantCode != "" {
				if got := corpus.ErrorCode(err); got != tt.wantCode {
					t.Fatalf("error %v (code %q); want code %q", err, got, tt.wantCode)
				}
				if msg := corpus.ErrorMessage(err); tt.wantMsg != "" && msg != tt.wantMsg {
					t.Errorf("message\n %q; want\n %q", msg, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != tt.wantA || b.ID != tt.wantB {
				t.Errorf("picked %s → %s; want %s → %s", a.ID, b.ID, tt.wantA, tt.wantB)
			}
		})
	}
}
