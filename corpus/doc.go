// Package corpus holds Plankoll's domain: plans, counties (län),
// municipalities (kommuner), audiences, page texts and the error type that
// carries a stable code for people and tools.
//
// It imports the standard library only. Storage lives in corpus/store,
// text extraction in corpus/extract, the one ingest path in corpus/ingest.
package corpus
