// Package swedish is Plankoll's one Swedish text-analysis chain, shared by
// the search index (index wraps AnalyzeIndex and AnalyzeQuery as bleve
// analyzers) and the coder (Tokenize, Stem, Split, Sentences).
//
// The chain: Unicode tokens (Tokenize), lower case, stop words marked
// (stopwords.txt; marked, not dropped, because phrase positions count
// them), Snowball stems (github.com/kljensen/snowball/swedish) with a few
// post-stem fixes (Stem), and compound parts (Split).
//
// # Compounds
//
// Swedish writes compounds as one word ("suicidprevention",
// "anhörigstöd", "äldreomsorgen"), and a search for any part should find
// them. Split is a dictionary decompounder over an embedded lexicon
// (lexicon.txt, written for this project: domain words of health, social
// services, schools and public administration, plus common words, as
// base forms). Its rules:
//
//   - A word of the lexicon, or an inflection of one, is never split
//     ("ungdom", "inflytande", "verksamhet", "landstinget"), unless the
//     lexicon lists it as an explicit compound ("anhörig+stöd").
//   - Otherwise the word is cut into two or three parts of at least three
//     letters. Every part before the last must be a lexicon word as
//     written, or with a linking morpheme (fogemorfem): a linking -s-
//     ("självmords-"), a dropped final -a/-e ("skol-" for "skola",
//     "pojk-" for "pojke"), a linking or replacing vowel ("barna-",
//     "hälso-" for "hälsa", "gatu-" for "gata"), or a combining form the
//     lexicon lists ("föräldra-"). A restored vowel needs four letters
//     of core, so "sam-" never reads "same". The last part must be a
//     lexicon word or an inflection of one ("omsorgen", "preventiva").
//   - Of several splits the one with the fewest parts wins, then the one
//     whose shortest part is longest, then the one with fewer linking
//     morphemes, then the one with the longer first part.
//   - Particles and prefixes (för, över, till, upp, ut, in, om, av, på)
//     are not in the lexicon, and "!" entries block suffix look-alikes
//     ("ända", "ande", "het", "dom"), so "nyanlända" yields no "ända" and
//     "inflytande" does not explode.
//
// A Lexicon can be extended (Lexicon.With), for example with words that
// stand alone in the indexed corpus; the package functions use the
// embedded lexicon alone and are deterministic. Version hashes the rules,
// lexicon and stop words: an index stores it and is rebuilt when it
// changes.
//
// # Offsets
//
// All offsets are byte offsets into the analysed text, also for compound
// parts: AnalyzeIndex("Suicidprevention") gives the part "suicid" at
// [0,6) and "prevention" at [6,16), and in "äldreomsorgen" "omsorg…"
// starts at byte 6, after the two-byte "ä". Conversion to characters for
// the API happens elsewhere, in one place.
//
// # What it must not do
//
// The package is pure: text in, tokens out. It reads no files at run
// time (lexicon and stop words are embedded), keeps no mutable state,
// logs nothing, and never panics on any input (fuzzed).
package swedish
