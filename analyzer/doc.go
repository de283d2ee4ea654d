// Package analyzer codes Swedish regional mental-health action plans
// against the codebook (CODEBOOK.md): target groups, intervention levels,
// areas, methods, actors and perspectives with evidence, goals with their
// horizon, indicators with their type, user involvement and the gender
// perspective. It also evaluates the coder against hand-labelled passages.
//
// The codebook is data: codebook.yaml, embedded, decoded strictly and
// compiled once by LoadCodebook. A Coder is pure: pages in, Coding out;
// it reads no files, keeps no clock, logs nothing, and imports no other
// Plankoll package except analyzer/swedish.
//
// Offsets: the coder works in bytes inside and reports Unicode code-point
// offsets into each page's text (Evidence, Goal, Indicator), converted in
// one place (doc.evidence, runeIndex).
package analyzer
