package scam

import (
	"errors"
	"fmt"
	"time"
)

// Code classifies an error so that a caller can choose what to tell a user.
type Code string

// The error codes.
const (
	CodeBadInput    Code = "bad_input"    // the text or file cannot be used as given
	CodeBadArgument Code = "bad_argument" // a flag, option or command argument is wrong
	CodeTooLarge    Code = "too_large"    // the input is over a documented cap
	CodeNotFound    Code = "not_found"    // the thing asked for does not exist
	CodeForbidden   Code = "forbidden"    // the user lacks the permission
	CodeRateLimited Code = "rate_limited" // try again later
	CodeUnavailable Code = "unavailable"  // a dependency is down or busy
	CodeInternal    Code = "internal"     // a bug or an unexpected failure
)

// Error is an error with a code and a message safe to show a user. The
// wrapped error, if any, is for logs only.
type Error struct {
	Code Code
	// Msg is safe to show a user: it holds no Go error text.
	Msg string
	Err error
}

// Error returns the user-safe message followed by the wrapped error, for logs.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Msg + ": " + e.Err.Error()
	}
	return e.Msg
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a formatted user-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error that carries err for logs and msg for users.
func Wrap(code Code, msg string, err error) *Error {
	return &Error{Code: code, Msg: msg, Err: err}
}

// CodeOf returns the code of the first *Error in err's chain, or
// CodeInternal when there is none.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// UserMessage returns the message of the first *Error in err's chain, or a
// generic sentence: never err.Error() of an unknown error.
func UserMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Msg != "" {
		return e.Msg
	}
	return "something went wrong on our side; please try again later"
}

// Later returns an *Error like Wrap whose chain also says how long to wait
// before trying again (a platform's retry_after), through a RetryAfter
// method that retrying callers look for.
func Later(code Code, msg string, wait time.Duration, err error) *Error {
	return Wrap(code, msg, retryAfter{wait: wait, err: err})
}

type retryAfter struct {
	wait time.Duration
	err  error
}

func (r retryAfter) Error() string             { return r.err.Error() }
func (r retryAfter) Unwrap() error             { return r.err }
func (r retryAfter) RetryAfter() time.Duration { return r.wait }
