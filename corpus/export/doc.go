// Package export writes Plankoll's tables and codings in the formats that
// analysts open elsewhere: CSV for Excel (UTF-8 with BOM, ";" separated,
// CRLF), XLSX workbooks (one per year) and REFI-QDA projects (.qdpx) and
// codebooks (.qdc) for qualitative-analysis software (NVivo, ATLAS.ti,
// MAXQDA, QualCoder).
//
// It is pure over its inputs: tables, plans, page texts and codings in,
// bytes out to an io.Writer. It reads no store and no clock; exports are
// reproducible (the same input gives the same bytes, GUIDs included).
// It must not decide what counts: the numbers come from analyzer/compare.
package export
