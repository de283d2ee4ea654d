// Package compare compares two coded plans (what changed from one year's
// plan to the next) and counts codes, goals and indicators across the
// plans of a year (how many counties of 21 prioritise X, and which).
//
// It is pure: plans, page texts and codings in, comparisons and tables out.
// It reads no files, keeps no state, has no clock and logs nothing; the
// caller loads the plans and renders the results (JSON, CSV, XLSX).
//
// Goal, indicator, heading and paragraph matching all work the same way:
// each text is reduced to Swedish stems (analyzer/swedish) without stop
// words, and to the numbers it states; pairs are scored and then assigned
// one-to-one, best pair first (see match.go for why greedy).
package compare
