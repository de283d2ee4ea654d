//go:build !linux || race

package extract

// limitMemory does nothing here: RLIMIT_AS is Linux's, and the race
// detector reserves far more address space than any sane limit. The
// deadline still applies.
func limitMemory(uint64) error { return nil }

// memoryLimited tells whether limitMemory really limits.
const memoryLimited = false
