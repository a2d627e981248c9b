package coachlog_test

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// icsProp is one content line of an iCalendar file, unfolded.
type icsProp struct {
	Name   string
	Params string // ";VALUE=DATE", as written
	Value  string // as written, still escaped
}

// parseICS checks the physical form RFC 5545 asks for (CRLF line ends,
// lines of at most 75 octets, folds that do not split a character) and
// returns the unfolded content lines.
func parseICS(data string) ([]icsProp, error) {
	if !strings.HasSuffix(data, "\r\n") {
		return nil, fmt.Errorf("the file does not end with CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d is %d octets, more than 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d: a fold splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: a continuation with nothing to continue", i+1)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var props []icsProp
	for _, l := range logical {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("content line without a colon: %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		if params != "" {
			params = ";" + params
		}
		props = append(props, icsProp{Name: name, Params: params, Value: value})
	}
	return props, nil
}

// unescapeText reads an RFC 5545 TEXT value; it fails on an unescaped
// comma or semicolon or an unknown escape.
func unescapeText(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch c {
		case ',', ';':
			return "", fmt.Errorf("unescaped %q in %q", c, v)
		case '\\':
			if i+1 == len(v) {
				return "", fmt.Errorf("a lone backslash ends %q", v)
			}
			i++
			switch v[i] {
			case '\\', ',', ';':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c in %q", v[i], v)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// event checks a calendar holding one event and returns the event's
// properties by name (the first of each), its alarm's apart.
func event(props []icsProp) (cal, ev, alarm map[string]icsProp, err error) {
	cal, ev, alarm = map[string]icsProp{}, map[string]icsProp{}, map[string]icsProp{}
	if len(props) < 2 || props[0].Name+":"+props[0].Value != "BEGIN:VCALENDAR" || props[len(props)-1].Name+":"+props[len(props)-1].Value != "END:VCALENDAR" {
		return nil, nil, nil, fmt.Errorf("not a VCALENDAR")
	}
	var stack []string
	for _, p := range props {
		switch p.Name {
		case "BEGIN":
			stack = append(stack, p.Value)
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != p.Value {
				return nil, nil, nil, fmt.Errorf("END:%s does not close %v", p.Value, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		into := map[string]map[string]icsProp{"VCALENDAR": cal, "VEVENT": ev, "VALARM": alarm}[stack[len(stack)-1]]
		if into == nil {
			return nil, nil, nil, fmt.Errorf("unexpected component %s", stack[len(stack)-1])
		}
		if _, dup := into[p.Name]; !dup {
			into[p.Name] = p
		}
	}
	return cal, ev, alarm, nil
}
