// Package index is Plankoll's full-text search over plan pages, on bleve
// (scorch), with the Swedish chain of analyzer/swedish.
//
// One document per Segment (a section of one page), plus one marker per
// plan with its fingerprint; IndexPlan writes a plan in one batch, so
// marker and documents come and go together and Sync can heal an index
// after a crash by comparing markers with the store.
//
// The page text is indexed twice: "text" with the plain Swedish chain
// (stems), "parts" with compound parts added at their word's position
// ("suicidprevention" also gives "suicid" and "prevention"). Queries are
// never split; each word searches both fields, parts with a lower boost,
// so a whole-word match ranks above a part match, and phrases still line
// up because parts share their word's position.
//
// The query language (ParseQuery): words, all of which must match;
// "quoted phrases"; +word (must, the default); -word and NOT word;
// a OR b (binds tighter than the implicit AND); prefix* (3+ characters).
//
// The package must not read the store or any file but its own index
// directory, and keeps no state but bleve's analyzer registrations (init).
package index
