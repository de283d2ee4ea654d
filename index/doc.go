// Package index is Plankoll's full-text search over plan pages, on bleve
// (scorch, BM25), with the one Swedish chain of analyzer/swedish.
//
// Documents: one per Segment (a section of one page, id "plan/page/n"),
// plus one marker per plan holding its fingerprint and plan-level fields.
// IndexPlan writes a plan in one batch, so marker and documents come and
// go together; Sync compares markers with the store and heals the index
// after a crash, grouping small plans into batches but never splitting one.
// The analysis version (swedish.Version and this package's mapping) is
// stored in the index; Open recreates an index built another way.
//
// Fields: the page text is indexed twice, "text" with the plain Swedish
// chain (stems) and "parts" with compound parts added at their word's
// position ("suicidprevention" also gives "suicid" and "prevention"), with
// exact byte offsets. Queries are never split. A word searches both
// fields, parts with a lower boost, so "omsorg" ranks a page saying
// "omsorg" above one saying "äldreomsorgen"; a phrase searches "parts",
// where whole words and parts share positions, so "stärkas anhörig" finds
// "stärkas. Anhörigstöd".
//
// Query language (ParseQuery): words, all of which must match; "quoted
// phrases"; +word (must, the default); -word and NOT word; a OR b (binds
// tighter than the implicit AND); prefix* (3+ characters, matched against
// stems). Stop words are ignored; a query of stop words finds nothing.
//
// Search returns segments best first, fragments as HTML (text escaped,
// matches in <mark>, a compound part marked alone:
// "<mark>suicid</mark>prevention"), and facets over all matches: per-plan
// counts from doc values, expanded with the plan fields held in memory.
//
// The package must not read the store or any file but its own index
// directory, and keeps no package state but bleve's analyzer
// registrations (init).
package index
