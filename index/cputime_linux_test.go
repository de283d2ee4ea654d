package index

import "golang.org/x/sys/unix"

// threadCPU returns the CPU time of the calling OS thread, which excludes
// time spent waiting for a core on a busy machine.
func threadCPU() (int64, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return ts.Nano(), true
}
