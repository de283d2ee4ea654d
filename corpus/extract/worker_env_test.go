package extract

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestWorkerEnvDropsPlankollSettings(t *testing.T) {
	got := workerEnv([]string{"PATH=/bin", "PLANKOLL_WRITE_TOKEN=secret", "HOME=/root", "PLANKOLL_DATA=/d"})
	if want := []string{"PATH=/bin", "HOME=/root"}; !slices.Equal(got, want) {
		t.Errorf("workerEnv = %q; want %q", got, want)
	}
}

// TestSpareWorker: after one document a spare child waits for the next,
// the next document uses it, and a spare that died is replaced.
func TestSpareWorker(t *testing.T) {
	data := mustRead(t, "testdata/plan_b.pdf")
	e := workerExtractor(Limits{})
	spare := func() *worker {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			e.mu.Lock()
			w := e.spare
			e.mu.Unlock()
			if w != nil {
				return w
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatal("no spare worker was started")
		return nil
	}
	if _, err := e.Extract(context.Background(), "plan_b.pdf", data); err != nil {
		t.Fatal(err)
	}
	first := spare()
	if _, err := e.Extract(context.Background(), "plan_b.pdf", data); err != nil {
		t.Fatalf("with the spare: %v", err)
	}
	second := spare()
	if second == first {
		t.Fatal("the spare was not used")
	}
	second.cmd.Process.Kill()
	<-second.done
	second.done <- errors.New("killed") // takeWorker looks at done; put the result back
	if _, err := e.Extract(context.Background(), "plan_b.pdf", data); err != nil {
		t.Fatalf("after the spare died: %v", err)
	}
}
