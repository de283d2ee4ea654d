package corpus

import (
	"errors"
	"fmt"
)

// Error codes are stable identifiers that clients match on. Append only:
// a code never changes its meaning.
const (
	EInvalid         = "invalid"          // a field is missing or malformed
	EUnknownLan      = "unknown_lan"      // county not recognised
	EUnknownKommun   = "unknown_kommun"   // municipality not recognised
	EUnknownAudience = "unknown_audience" // audience not vuxna/barn_unga/alla
	EInvalidYear     = "invalid_year"     // year missing, not a number or out of range
	EMissingFile     = "missing_file"     // no file in the upload
	EInvalidFilename = "invalid_filename" // path components or control characters
	EUnsupportedType = "unsupported_type" // not PDF, DOCX or text
	ETooLarge        = "too_large"        // file or document over a limit
	ETooManyPages    = "too_many_pages"   // page limit
	EUnreadable      = "unreadable_document"
	EEncrypted       = "document_encrypted"
	ENoTextLayer     = "no_text_layer" // scanned PDF: OCR needed
	EBadEncoding     = "unsupported_encoding"
	EEmptyDocument   = "empty_document"
	ETimeout         = "extraction_timeout"
	ENotFound        = "not_found"
	EUnauthorized    = "unauthorized"
	EForbidden       = "forbidden"
	EBadQuery        = "bad_query"
	EConflict        = "conflict"
	EInternal        = "internal"
	EUnavailable     = "unavailable"
)

// Error is an error a person must read: a stable Code and a Message that
// says what went wrong in one sentence.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf returns an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// "Internal error." for any other error: internals are logged, not shown.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}
