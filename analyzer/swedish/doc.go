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
// (lexicon.txt, written for this project, MIT: base forms of words of
// health care, social services, schools and public administration, plus
// common words). Its rules:
//
//   - A word of the lexicon, or an inflection of one, is never split
//     ("ungdom", "inflytande", "verksamhet", "landstinget"). A lexicon
//     word that the rules could split is either left out (so that it
//     splits) or marked "=word" to stay whole on purpose ("måltid",
//     "missbruk", "vårdnadshavare"); a test keeps it so. Explicit splits
//     ("head+tail") are possible but unused so far.
//   - Otherwise the word is cut into two or three parts of at least three
//     letters. Each part before the last must be a lexicon word as
//     written, or with a linking morpheme (fogemorfem): a linking -s-
//     ("självmords-"), a dropped final -a/-e ("skol-" for "skola",
//     "pojk-" for "pojke"), a linking or replacing vowel ("barna-",
//     "hälso-" for "hälsa", "förskole-" for "förskola"), or a combining
//     form the lexicon lists ("föräldra-"). A restored vowel needs four
//     letters of core, so "sam-" never reads "same".
//   - The last part must be a lexicon word plus at most an inflectional
//     ending (-en, -et, -er, -ar, -or, -na, -erna, -s, -a, -e, -t, -ade,
//     -ande, ...), possibly with a vowel restored ("skolor"), an e put back
//     ("registret", "medlen") or an irregular plural ("bostäder").
//     Derivational endings (-ig, -lig, -het, -are) are not inflections, so
//     "självständigt" has no "tändigt" and "handläggare" no "ägg".
//   - "!" entries block suffix look-alikes as parts, whatever reads them
//     ("ända", "ande", "het", "dom", "skap"), so "nyanlända" yields no
//     "ända" and "inflytande" does not explode. Particles and prefixes
//     (för, över, till, upp, ut, in, om, av, på) are not in the lexicon,
//     so "förskola" and "uppdrag" stay whole.
//   - Of several splits the one with the fewest parts wins, then the one
//     with fewer parts beginning with an s that the part before could
//     have taken as a linking -s- ("sjukvårds|lagen", not
//     "sjukvård|slagen"), then the one whose shortest part is longest,
//     then fewer linking morphemes, then the longer first part.
//
// AnalyzeIndex indexes a compound's stem and the stem of each part
// ("skolhälsovården" gives "skolhälsovård", "skol", "häls", "vård"), all
// at the word's position; a part that is itself a compound (possible with
// words added by With) adds its own parts too. A head written with a
// hanging hyphen before a compound ("hälso- och sjukvården", "barn-,
// ungdoms- och vuxenpsykiatrin") is completed with the compound's last
// part ("hälsovård", "barnpsykiatri") at the head's position. A
// compound's own stem is its head as written plus the stem of its last
// part, so all its inflections meet. Words longer than 48 letters are
// not split.
//
// A Lexicon can be extended (Lexicon.With), for example with words that
// stand alone in the indexed corpus; the package functions use the
// embedded lexicon alone and are deterministic. Version hashes the rules,
// lexicon and stop words: an index stores it and is rebuilt when it
// changes (a test fails when the goldens change but Version does not).
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
