// Package extract turns an uploaded plan (PDF, DOCX or plain text) into
// body text per physical page, with running headers, footers and page
// numbers kept apart.
//
// The format is detected from the bytes, never from the file name (the
// name only helps to word the error for a file that is not what it claims
// to be). Every error a person must read is a *corpus.Error.
//
// What this package must not do: write to disk (zip entries are read in
// memory, never extracted), trust sizes or counts declared inside a file,
// or let one hostile file take the service down. PDF reading runs in a
// worker process (the same binary, see RunWorker) with a deadline and an
// address-space limit, because a sub-megabyte PDF can drive the PDF
// library into loops and allocations that recover cannot stop.
package extract
