// Package extract turns an uploaded plan (PDF, DOCX or plain text) into
// body text per physical page, with running headers, footers and page
// numbers kept apart.
//
// The format is detected from the bytes, never from the file name (the
// name only helps to word the error for a file that is not what it claims
// to be). Every error a person must read is a *corpus.Error.
//
// The text of a page, whatever the format:
//   - NFKC-normalised (ligatures such as "ﬂ" become "fl"); no U+FFFD,
//     private-use, control or soft-hyphen characters;
//   - lines joined with "\n", blocks (paragraphs, table rows, list items
//     where the layout shows them apart) separated by a blank line;
//   - a word split by a hyphen at a line end joined ("suicid-" +
//     "prevention"), but "vård- och omsorg" and "SIP-samordnare" kept;
//   - a table row on one line, cells separated by " | " (DOCX always; PDF
//     where the table is drawn with rules);
//   - DOCX list items start with "• " (PDFs show their own bullets);
//   - DOCX footnotes are appended to the page that cites them.
//
// PDF pages are read by position: glyphs are placed with the page's fonts
// (widths, ToUnicode, CID /W), grouped into lines by baseline, and cut
// into blocks at white space and drawn rules (XY-cut), so two- and
// three-column pages read column by column. Running headers and footers
// are lines that recur at a page's top or bottom edge, lines tagged as
// pagination artifacts, or bare page numbers ("3", "- 3 -", "Sida 3 av
// 12").
//
// What this package must not do: write to disk (zip entries are read in
// memory, never extracted), trust sizes or counts declared inside a file,
// or let one hostile file take the service down. PDF reading runs in a
// worker process (the same binary, see RunWorker) with a deadline and an
// address-space limit, because a sub-megabyte PDF can drive the PDF
// library into loops and allocations that recover cannot stop.
package extract
