package generator

import (
	"errors"
	"fmt"
	"sort"
)

// FileError is a problem in one input file, printed as "path:line:col: message".
// Line and Col are 1-based; 0 means unknown.
type FileError struct {
	Path string
	Line int
	Col  int
	Msg  string
}

func (e *FileError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// errorList collects every problem of a build so one run reports them all.
type errorList struct{ errs []*FileError }

func (l *errorList) add(path string, line, col int, format string, args ...any) {
	l.errs = append(l.errs, &FileError{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// err returns the collected problems sorted by place, joined, or nil.
func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
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
	errs := make([]error, len(l.errs))
	for i, e := range l.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}
