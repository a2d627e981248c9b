package generator

import (
	"errors"
	"fmt"
	"sort"
)

// FileError is a problem in one input file, printed as "path:line:col: message".
// Line and Col are 1-based; 0 means unknown. A warning does not stop the
// build: it is printed as "path:line:col: warning: message".
type FileError struct {
	Path    string
	Line    int
	Col     int
	Msg     string
	Warning bool
}

func (e *FileError) Error() string {
	msg := e.Msg
	if e.Warning {
		msg = "warning: " + msg
	}
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, msg)
}

// errorList collects every problem of a build so one run reports them all:
// errors, and warnings (FileError.Warning) that do not stop it.
type errorList struct {
	errs []*FileError
	// rename, when set, gives a path as the file on disk (see langFS)
	rename func(string) string
}

func (l *errorList) add(path string, line, col int, format string, args ...any) {
	l.errs = append(l.errs, &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// warn adds a warning.
func (l *errorList) warn(path string, line, col int, format string, args ...any) {
	l.errs = append(l.errs, &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// err returns the collected errors (not the warnings) sorted by place,
// joined, or nil.
func (l *errorList) err() error {
	l.sort()
	var errs []error
	for _, e := range l.errs {
		if !e.Warning {
			errs = append(errs, e)
		}
	}
	return errors.Join(errs...)
}

// warnings returns the collected warnings sorted by place.
func (l *errorList) warnings() []*FileError {
	l.sort()
	var out []*FileError
	for _, e := range l.errs {
		if e.Warning {
			out = append(out, e)
		}
	}
	return out
}

func (l *errorList) sort() {
	if l.rename != nil {
		for _, e := range l.errs {
			e.Path = l.rename(e.Path)
		}
	}
	sort.SliceStable(l.errs, func(i, j int) bool {
		a, b := l.errs[i], l.errs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
