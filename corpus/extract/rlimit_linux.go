//go:build linux && !race

package extract

import "syscall"

// limitMemory caps this process's address space at n bytes (never raising
// a lower existing limit).
func limitMemory(n uint64) error {
	var cur syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &cur); err != nil {
		return err
	}
	if cur.Cur <= n {
		return nil
	}
	return syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: cur.Max})
}

// memoryLimited tells whether limitMemory really limits.
const memoryLimited = true
