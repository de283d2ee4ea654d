package extract

import (
	"slices"
	"testing"
)

func TestWorkerEnvDropsPlankollSettings(t *testing.T) {
	got := workerEnv([]string{"PATH=/bin", "PLANKOLL_WRITE_TOKEN=secret", "HOME=/root", "PLANKOLL_DATA=/d"})
	if want := []string{"PATH=/bin", "HOME=/root"}; !slices.Equal(got, want) {
		t.Errorf("workerEnv = %q; want %q", got, want)
	}
}
