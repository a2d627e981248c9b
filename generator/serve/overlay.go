package serve

import (
	"bytes"
	"errors"
	"io/fs"

	"p2pc/generator"
)

// problem is one build error as the browser's overlay shows it.
type problem struct {
	Text   string       `json:"text"` // "path:line:col: message", as the terminal prints it
	Path   string       `json:"path,omitempty"`
	Line   int          `json:"line,omitempty"`
	Col    int          `json:"col,omitempty"`
	Msg    string       `json:"msg"`
	Source []sourceLine `json:"source,omitempty"` // the lines around Line
}

// sourceLine is a numbered line of the file in error; Here marks the line
// the error is on.
type sourceLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"`
}

// contextLines is how many lines are shown before and after the one in error.
const contextLines = 2

// problems lists the errors joined in err, each *generator.FileError with
// the lines of its file around it, read from content.
func problems(err error, content fs.FS) []problem {
	var out []problem
	for _, e := range flatten(err) {
		var fe *generator.FileError
		if !errors.As(e, &fe) {
			out = append(out, problem{Text: e.Error(), Msg: e.Error()})
			continue
		}
		p := problem{Text: fe.Error(), Path: fe.Path, Line: fe.Line, Col: fe.Col, Msg: fe.Msg}
		if fe.Line > 0 && content != nil {
			if data, err := fs.ReadFile(content, fe.Path); err == nil {
				p.Source = around(data, fe.Line)
			}
		}
		out = append(out, p)
	}
	return out
}

// flatten undoes errors.Join (nested too).
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// around returns the lines of data from line-contextLines to line+contextLines.
func around(data []byte, line int) []sourceLine {
	lines := bytes.Split(data, []byte("\n"))
	var out []sourceLine
	for n := max(1, line-contextLines); n <= min(len(lines), line+contextLines); n++ {
		text := string(bytes.TrimRight(lines[n-1], "\r"))
		out = append(out, sourceLine{N: n, Text: text, Here: n == line})
	}
	return out
}
