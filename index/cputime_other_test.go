//go:build !linux

package index

func threadCPU() (int64, bool) { return 0, false }
